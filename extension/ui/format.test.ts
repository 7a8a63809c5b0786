import { describe, expect, it } from 'vitest';
import { formatCalendarDate, formatInstant } from './format.ts';

describe('formatInstant', () => {
  it('shows a +0000 portal instant at its Vietnam day and hour', () => {
    expect(formatInstant('2024-05-03T17:00:00+00:00', 'vi')).toBe('04/05/2024 00:00');
  });

  it('shows a dash for a missing instant', () => {
    expect(formatInstant(null, 'en')).toBe('—');
  });
});

describe('formatCalendarDate', () => {
  it('writes the day first in Vietnamese and keeps ISO order in English', () => {
    expect(formatCalendarDate('2024-05-04', 'vi')).toBe('04/05/2024');
    expect(formatCalendarDate('2024-05-04', 'en')).toBe('2024-05-04');
  });
});
