import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayNumber, isCalendarDate, normalizePortalInstant, parseCalendarDate, vietnamDateOf, vietnamDayNumber, weekday } from './dates.ts';

describe('calendar dates', () => {
  it('rejects impossible dates such as 2024-02-30 and accepts 2024-02-29', () => {
    expect(isCalendarDate('2024-02-30')).toBe(false);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(() => parseCalendarDate('2024-13-01')).toThrow(/Invalid date: "2024-13-01"/);
  });
  it('knows weekdays (2024-05-04 was a Saturday)', () => {
    expect(weekday('2024-05-04')).toBe(6);
    expect(weekday('2026-02-16')).toBe(1);
  });
  it('adds days across months and years', () => {
    expect(addDays('2024-12-30', 3)).toBe('2025-01-02');
  });
});

describe('instants in Vietnam time', () => {
  it('reads +0000 midnight-eve as the next day in Vietnam', () => {
    expect(normalizePortalInstant('2024-05-03T17:00:00.000+0000')).toBe('2024-05-04T00:00:00+07:00');
    expect(vietnamDateOf('2024-05-03T17:00:00.000Z')).toBe('2024-05-04');
  });
  it('keeps +0700 timestamps as they are', () => {
    expect(normalizePortalInstant('2024-03-12T08:15:30.000+0700')).toBe('2024-03-12T08:15:30+07:00');
  });
  it('gives null for missing or unreadable values', () => {
    expect(normalizePortalInstant(null)).toBeNull();
    expect(normalizePortalInstant('')).toBeNull();
    expect(normalizePortalInstant('not a date')).toBeNull();
  });
});

describe('the Vietnam day number of an instant', () => {
  it('is the day number of vietnamDateOf for any instant, in any offset and form', () => {
    const pad = (n: number, width = 2) => String(n).padStart(width, '0');
    const instantArb = fc.record({
      ms: fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 11, 31) }),
      offset: fc.integer({ min: -12 * 60, max: 14 * 60 }),
      form: fc.constantFrom('colon', 'plain', 'Z'),
    }).map(({ ms, offset, form }) => {
      if (form === 'Z') return new Date(ms).toISOString();
      const local = new Date(ms + offset * 60_000).toISOString().slice(0, 19);
      const sign = offset < 0 ? '-' : '+';
      const zone = `${sign}${pad(Math.floor(Math.abs(offset) / 60))}${form === 'colon' ? ':' : ''}${pad(Math.abs(offset) % 60)}`;
      return `${local}${zone}`;
    });
    fc.assert(fc.property(instantArb, (instant) => vietnamDayNumber(instant) === dayNumber(vietnamDateOf(instant))), { numRuns: 2000 });
  });
  it('reads the +0000 midnight-eve as the next Vietnam day, and refuses what is no instant', () => {
    expect(vietnamDayNumber('2024-05-03T17:00:00+00:00')).toBe(dayNumber('2024-05-04'));
    expect(vietnamDayNumber('2024-05-03T16:59:59+00:00')).toBe(dayNumber('2024-05-03'));
    expect(() => vietnamDayNumber('yesterday')).toThrow(/Invalid date/);
  });
});
