import { describe, expect, it } from 'vitest';
import { defaultSettings, isOfUnit, isPortalOrigin } from './settings.ts';

describe('isPortalOrigin', () => {
  const origins = defaultSettings.portalOrigins;

  it('treats the provincial and national portals and the demo portal on any port as portals', () => {
    expect(isPortalOrigin('https://dichvucong.quangnam.gov.vn', origins)).toBe(true);
    expect(isPortalOrigin('https://dichvucong.gov.vn', origins)).toBe(true);
    expect(isPortalOrigin('https://thutuc.dichvucong.gov.vn', origins)).toBe(true);
    expect(isPortalOrigin('http://127.0.0.1:4173', origins)).toBe(true);
    expect(isPortalOrigin('http://localhost:8080', origins)).toBe(true);
    expect(isPortalOrigin('http://localhost', origins)).toBe(true);
  });

  it('refuses look-alike hosts, other schemes and other sites', () => {
    expect(isPortalOrigin('http://dichvucong.gov.vn', origins)).toBe(false);
    expect(isPortalOrigin('https://dichvucong.gov.vn.example.com', origins)).toBe(false);
    expect(isPortalOrigin('http://localhost.example.com:80', origins)).toBe(false);
    expect(isPortalOrigin('http://127.0.0.1:80x', origins)).toBe(false);
    expect(isPortalOrigin('https://example.com', origins)).toBe(false);
  });
});

describe('isOfUnit', () => {
  const dossier = { agency: 'Sở Tư pháp', agencyCode: '000.00.53.H48' };

  it('counts every dossier when no unit is set', () => {
    expect(isOfUnit(dossier, { unitAgencyCode: null, unitAgencyName: null })).toBe(true);
  });

  it('matches the unit by agency code or by name, whatever the Unicode form of the name', () => {
    expect(isOfUnit(dossier, { unitAgencyCode: '000.00.53.H48', unitAgencyName: null })).toBe(true);
    expect(isOfUnit(dossier, { unitAgencyCode: null, unitAgencyName: 'Sở Tư pháp'.normalize('NFD') })).toBe(true);
    expect(isOfUnit(dossier, { unitAgencyCode: '000.00.54.H48', unitAgencyName: null })).toBe(false);
  });
});
