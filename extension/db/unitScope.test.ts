import { describe, expect, it } from 'vitest';
import { isOfUnit } from './settings.ts';

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
