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
  const unit = (...agencyCodes: string[]) => ({ unit: { name: null, agencyCodes } });

  it('counts every dossier when no unit is set', () => {
    expect(isOfUnit(dossier, unit())).toBe(true);
  });

  it('matches the unit by any of its agency codes (a Sở and its one-stop desk)', () => {
    expect(isOfUnit(dossier, unit('000.00.53.H48'))).toBe(true);
    expect(isOfUnit(dossier, unit('000.20.53.H48', '000.00.53.H48'))).toBe(true);
    expect(isOfUnit(dossier, unit('000.00.54.H48'))).toBe(false);
    expect(isOfUnit({ agencyCode: null }, unit('000.00.54.H48'))).toBe(false);
  });
});
