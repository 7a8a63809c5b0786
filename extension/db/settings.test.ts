import { describe, expect, it } from 'vitest';
import { defaultSettings, settingsFromRows } from './settings.ts';

describe('settingsFromRows', () => {
  it('gives the defaults when nothing is stored: due soon at 2 working days, personal data off, Vietnamese', () => {
    expect(settingsFromRows([])).toEqual(defaultSettings);
    expect(defaultSettings.dueSoonWorkingDays).toBe(2);
    expect(defaultSettings.keepPersonalData).toBe(false);
    expect(defaultSettings.locale).toBe('vi');
  });

  it('reads stored values over the defaults', () => {
    const settings = settingsFromRows([
      { key: 'unitAgencyCode', value: '000.00.53.H48' },
      { key: 'dueSoonWorkingDays', value: 5 },
      { key: 'locale', value: 'en' },
    ]);
    expect(settings.unit).toEqual({ name: null, agencyCodes: ['000.00.53.H48'] });
    expect(settings.dueSoonWorkingDays).toBe(5);
    expect(settings.locale).toBe('en');
  });

  it('reads the unit saved before it was one setting (code and name apart) until a unit is saved', () => {
    const legacy = [{ key: 'unitAgencyCode', value: '000.00.53.H48' }, { key: 'unitAgencyName', value: 'Sở Xây dựng' }];
    expect(settingsFromRows(legacy).unit).toEqual({ name: 'Sở Xây dựng', agencyCodes: ['000.00.53.H48'] });
    const saved = { key: 'unit', value: { name: 'Sở Tư pháp', agencyCodes: ['000.00.20.H48', '000.20.20.H48'] } };
    expect(settingsFromRows([...legacy, saved]).unit).toEqual(saved.value);
  });

  it('reads a damaged value as its default and ignores unknown keys', () => {
    const settings = settingsFromRows([
      { key: 'dueSoonWorkingDays', value: 'two' },
      { key: 'keepPersonalData', value: 'yes' },
      { key: 'somethingElse', value: 1 },
    ]);
    expect(settings).toEqual(defaultSettings);
  });
});
