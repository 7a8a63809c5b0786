import { describe, expect, it } from 'vitest';
import { bilingual, setLocale, t } from './i18n.ts';

describe('i18n', () => {
  it('speaks Vietnamese by default and fills parameters', () => {
    expect(t('cli.missingFlag', { flag: '--from' })).toBe('Thiếu tuỳ chọn bắt buộc "--from"');
  });
  it('switches to English', () => {
    setLocale('en');
    expect(t('cli.missingFlag', { flag: '--from' })).toBe('Missing required option "--from"');
    setLocale('vi');
  });
  it('puts Vietnamese first and English second in bilingual text', () => {
    expect(bilingual('cli.missingValue', { flag: '--days' })).toBe('Tuỳ chọn "--days" cần một giá trị / Option "--days" needs a value');
  });
  it('groups quantities with the thousands separator of the language, but not years', () => {
    expect(t('capture.toolbar.title', { count: 12345 }, 'vi')).toBe('tthc-desk: 12.345 hồ sơ quá hạn');
    expect(t('capture.toolbar.title', { count: 12345 }, 'en')).toBe('tthc-desk: 12,345 overdue dossiers');
    expect(t('board.seedPlan', { year: 2024 }, 'vi')).toBe('Nạp các nhiệm vụ Kế hoạch 2024');
  });
  it('makes English nouns agree with their number', () => {
    expect(t('panel.problems.records', { count: 1 }, 'en')).toBe('1 record');
    expect(t('panel.problems.records', { count: 3 }, 'en')).toBe('3 records');
    expect(t('panel.problems.title', { count: 1 }, 'en')).toBe('Pages not understood (once)');
  });
  it('writes calendar dates day first in Vietnamese sentences', () => {
    expect(t('deadline.summary.working', { from: '2024-02-07', days: 5, due: '2024-02-21' }, 'vi')).toBe('Từ 07/02/2024, 5 ngày làm việc: hạn là 21/02/2024');
  });
  it('returns the key for an unknown message so a missing string is visible', () => {
    expect(t('no.such.key')).toBe('no.such.key');
  });
});

describe('the catalogs', () => {
  it('give every message in both languages, so no officer ever reads a bare key', async () => {
    const { catalogs } = await import('./catalogs/index.ts');
    for (const catalog of catalogs) {
      expect(Object.keys(catalog.en).sort()).toEqual(Object.keys(catalog.vi).sort());
    }
  });
  it('never define one key in two catalogs, where the first would silently win', async () => {
    const { catalogs } = await import('./catalogs/index.ts');
    const seen = new Set<string>();
    const twice = catalogs.flatMap((catalog) => Object.keys(catalog.vi)).filter((key) => seen.size === seen.add(key).size);
    expect(twice).toEqual([]);
  });
});
