import { describe, expect, it } from 'vitest';
import { lockedKeys, readManagedPolicy } from './managed.ts';
import { defaultSettings, settingsFromRows } from './settings.ts';

describe('managed policy', () => {
  it('is a locked layer over the saved settings, key by key', () => {
    const settings = settingsFromRows([
      { key: 'keepPersonalData', value: true },
      { key: 'dueSoonWorkingDays', value: 5 },
      { key: 'board', value: { server: 'ws://127.0.0.1:1234', unit: 'local-unit', token: 'a.b.c', name: 'Lan' } },
      { key: 'managed', value: { keepPersonalData: false, locale: 'en', syncServer: 'wss://sync.example.gov.vn', unit: 'so-tu-phap' } },
    ]);
    expect(settings).toEqual({
      ...defaultSettings,
      keepPersonalData: false,
      locale: 'en',
      dueSoonWorkingDays: 5,
      // The board's server and unit are the organisation's; the token and name stay the officer's.
      board: { server: 'wss://sync.example.gov.vn', unit: 'so-tu-phap', token: 'a.b.c', name: 'Lan' },
    });
  });

  it('ignores a policy value that does not fit, keeping the rest', () => {
    const policy = readManagedPolicy({ keepPersonalData: 'no', locale: 'fr', portalOrigins: ['https://dichvucong.gov.vn'], syncServer: 'http://x', unit: 'đơn vị' });
    expect(policy).toEqual({ settings: { portalOrigins: ['https://dichvucong.gov.vn'] }, board: {} });
    expect([...lockedKeys(readManagedPolicy({ unit: 'so-tu-phap', keepPersonalData: false }))]).toEqual(['keepPersonalData', 'board.unit']);
    expect(readManagedPolicy(null)).toEqual({ settings: {}, board: {} });
  });
});
