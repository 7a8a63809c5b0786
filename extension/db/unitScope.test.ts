import { describe, expect, it } from 'vitest';
import { isOfUnit } from './settings.ts';

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
