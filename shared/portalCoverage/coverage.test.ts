import { describe, expect, it } from 'vitest';
import { t } from '../i18n/i18n.ts';
import { coverageForPeriod, coverageMessage, isComplete, type SearchCoverage } from './coverage.ts';

const search = (patch: Partial<SearchCoverage>): SearchCoverage => ({
  key: 'k', origin: 'https://api.example', path: '/pa/dossier/search', filters: [], window: { from: null, to: null },
  portalTotal: 21000, portalAtLeast: 21000, stored: 60, lastSeenAt: '2024-06-01T08:00:00+07:00', ...patch,
});

describe('coverage', () => {
  it('says how many of the portal’s dossiers are stored, in both languages', () => {
    const { key, params } = coverageMessage(search({}));
    expect(t(key, params, 'vi')).toBe('Đã ghi nhận 60 / 21.000 hồ sơ của cổng');
    expect(t(key, params, 'en')).toBe("60 of the portal's 21,000 dossiers");
  });

  it('says what is known of a slice without a total', () => {
    const { key, params } = coverageMessage(search({ portalTotal: null, portalAtLeast: 80 }));
    expect(t(key, params, 'vi')).toContain('ít nhất 80');
    expect(t(key, params, 'en')).toContain('at least 80');
  });

  it('is complete only when every dossier the portal counted is stored', () => {
    expect(isComplete(search({}))).toBe(false);
    expect(isComplete(search({ stored: 21000 }))).toBe(true);
    expect(isComplete(search({ portalTotal: null, stored: 21000 }))).toBe(false);
  });

  it('counts a period complete only from an unfiltered search whose window holds it', () => {
    const quarter = search({ key: 'q', window: { from: '2023-12-15', to: '2024-03-14' }, portalTotal: 60 });
    expect(coverageForPeriod([quarter], '2024-01-01', '2024-03-14').complete).toBe(true);
    expect(coverageForPeriod([quarter], '2024-01-01', '2024-03-31').complete).toBe(false);
    expect(coverageForPeriod([{ ...quarter, filters: [['dossier-status', '2']] }], '2024-01-01', '2024-03-14').complete).toBe(false);
  });
});
