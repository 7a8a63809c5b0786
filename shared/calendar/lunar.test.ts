import { describe, expect, it } from 'vitest';
import { lunarNewYear, lunarToSolar } from './lunar.ts';

describe('Vietnamese lunar calendar (UTC+7)', () => {
  it.each([
    [1985, '1985-01-21'],
    [2007, '2007-02-17'],
    [2020, '2020-01-25'],
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2030, '2030-02-02'],
  ])('puts Tết %i on %s', (year, date) => {
    expect(lunarNewYear(year)).toBe(date);
  });

  it('differs from the Chinese calendar (UTC+8) where the two are known to differ', () => {
    expect(lunarNewYear(1985, 8)).toBe('1985-02-20');
    expect(lunarNewYear(2007, 8)).toBe('2007-02-18');
  });

  it.each([
    [2023, '2023-04-29'],
    [2024, '2024-04-18'],
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
  ])('puts Giỗ Tổ (10/3 lunar) %i on %s', (year, date) => {
    expect(lunarToSolar(10, 3, year)).toBe(date);
  });

  it('counts months past a leap month (2023 had a leap 2nd month: Trung thu fell on 29/9)', () => {
    expect(lunarToSolar(15, 8, 2023)).toBe('2023-09-29');
  });
});
