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
  it('returns the key for an unknown message so a missing string is visible', () => {
    expect(t('no.such.key')).toBe('no.such.key');
  });
});
