import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, weekday } from '../time/dates.ts';
import { buildWorkingCalendar, CalendarRangeError, vietnamCalendar as calendar, workingDaysPast } from './calendar.ts';

describe('swapped working Saturdays', () => {
  it.each([
    ['2024-05-04', '2024-04-29'],
    ['2025-04-26', '2025-05-02'],
    ['2026-01-10', '2026-01-02'],
  ])('Saturday %s is a working day and the weekday %s it pays back is off', (saturday, weekdayOff) => {
    expect(weekday(saturday)).toBe(6);
    expect(calendar.isWorkingDay(saturday)).toBe(true);
    expect(calendar.isWorkingDay(weekdayOff)).toBe(false);
    expect(calendar.dayOff(weekdayOff)?.reason).toBe('swap');
  });

  it('counts a swapped Saturday when adding working days (Fri 3/5/2024 + 1 = Sat 4/5)', () => {
    expect(calendar.addWorkingDays('2024-05-03', 1)).toBe('2024-05-04');
    expect(calendar.addWorkingDays('2025-04-25', 1)).toBe('2025-04-26');
  });
});

describe('days in lieu', () => {
  it('gives Monday 27/4/2026 off for Giỗ Tổ on Sunday 26/4', () => {
    expect(calendar.isWorkingDay('2026-04-27')).toBe(false);
    expect(calendar.dayOff('2026-04-27')?.reason).toBe('inLieu');
    expect(calendar.addWorkingDays('2026-04-24', 1)).toBe('2026-04-28');
  });

  it('gives the next free weekday in a computed year (2028: 30/4 is a Sunday)', () => {
    expect(calendar.dayOff('2028-05-02')?.reason).toBe('inLieu');
    expect(calendar.isProvisional('2028-05-02')).toBe(true);
  });
});

describe('Tết ranges', () => {
  it.each([
    ['2024-02-08', '2024-02-14', '2024-02-07', '2024-02-15'],
    ['2025-01-27', '2025-01-31', '2025-01-24', '2025-02-03'],
    ['2026-02-16', '2026-02-20', '2026-02-13', '2026-02-23'],
  ])('%s to %s is off; %s and %s are working days', (first, last, before, after) => {
    for (let d = first; d <= last; d = addDays(d, 1)) expect(calendar.isWorkingDay(d)).toBe(false);
    expect(calendar.isWorkingDay(before)).toBe(true);
    expect(calendar.isWorkingDay(after)).toBe(true);
    expect(calendar.addWorkingDays(before, 1)).toBe(after);
    expect(calendar.workingDaysBetween(before, after)).toBe(1);
  });
});

describe('holidays of the announced years', () => {
  it.each([
    '2024-01-01', '2024-04-18', '2024-04-30', '2024-05-01', '2024-09-02', '2024-09-03',
    '2025-01-01', '2025-04-07', '2025-04-30', '2025-05-01', '2025-09-01', '2025-09-02',
    '2026-01-01', '2026-04-30', '2026-05-01', '2026-09-02',
  ])('%s is off', (date) => {
    expect(calendar.isWorkingDay(date)).toBe(false);
    expect(calendar.isProvisional(date)).toBe(false);
  });

  it('marks the unconfirmed day next to 2/9/2026 provisional, and a deadline across it', () => {
    expect(calendar.isWorkingDay('2026-09-01')).toBe(false);
    expect(calendar.isProvisional('2026-09-01')).toBe(true);
    expect(calendar.isProvisionalBetween('2026-08-28', '2026-09-03')).toBe(true);
    expect(calendar.isProvisionalBetween('2026-09-02', '2026-09-10')).toBe(false);
  });
});

describe('calendar days with the Civil Code roll-forward (art. 147–148)', () => {
  it('counts from the day after and keeps a last day that is a working day', () => {
    expect(calendar.addCalendarDays('2024-03-05', 10)).toBe('2024-03-15');
  });

  it('rolls a last day inside Tết to the first working day after it', () => {
    expect(calendar.addCalendarDays('2024-02-05', 3)).toBe('2024-02-15');
    expect(calendar.addCalendarDays('2026-02-10', 7)).toBe('2026-02-23');
  });

  it('rolls a last day on 30/4 past 1/5 (and past the 2/5/2025 swap)', () => {
    expect(calendar.addCalendarDays('2024-04-26', 4)).toBe('2024-05-02');
    expect(calendar.addCalendarDays('2025-04-25', 5)).toBe('2025-05-05');
    expect(calendar.addCalendarDays('2026-04-25', 5)).toBe('2026-05-04');
  });

  it('rolls a last day on a Sunday to Monday', () => {
    expect(calendar.addCalendarDays('2024-03-07', 3)).toBe('2024-03-11');
  });
});

describe('working days', () => {
  it('adds working days across Tết and 30/4–1/5', () => {
    expect(calendar.addWorkingDays('2024-02-07', 3)).toBe('2024-02-19');
    expect(calendar.addWorkingDays('2024-04-26', 3)).toBe('2024-05-04');
  });

  it('counts back with a negative n, from a working day or a day off', () => {
    expect(calendar.addWorkingDays('2024-02-15', -1)).toBe('2024-02-07');
    expect(calendar.addWorkingDays('2024-02-10', -1)).toBe('2024-02-07');
    expect(calendar.addWorkingDays('2024-02-10', 1)).toBe('2024-02-15');
  });

  it('counts working days after from up to and including to, negative backwards', () => {
    expect(calendar.workingDaysBetween('2024-02-07', '2024-02-19')).toBe(3);
    expect(calendar.workingDaysBetween('2024-02-19', '2024-02-07')).toBe(-3);
    expect(calendar.workingDaysBetween('2024-03-04', '2024-03-04')).toBe(0);
  });

  it('agrees with a day-by-day count for any date and span', () => {
    const naiveAdd = (from: string, n: number) => {
      let day = from;
      for (let left = n; left > 0; ) {
        day = addDays(day, 1);
        if (calendar.isWorkingDay(day)) left -= 1;
      }
      return day;
    };
    const dates = fc.integer({ min: 0, max: 365 * 6 }).map((i) => addDays('2022-01-01', i));
    fc.assert(fc.property(dates, fc.integer({ min: 0, max: 90 }), (from, n) => {
      const due = calendar.addWorkingDays(from, n);
      expect(due).toBe(naiveAdd(from, n));
      expect(calendar.workingDaysBetween(from, due)).toBe(n);
    }));
  });

  it('refuses dates outside the indexed range with a bilingual message', () => {
    const small = buildWorkingCalendar({ firstYear: 2024, lastYear: 2024 });
    expect(() => small.isWorkingDay('2025-01-02')).toThrow(CalendarRangeError);
    expect(() => small.isWorkingDay('2023-12-31')).toThrow(/Ngày 2023-12-31 nằm ngoài lịch làm việc.*outside the working calendar/);
    expect(() => small.addWorkingDays('2024-12-30', 5)).toThrow(/từ ngày 2024-12-30 vượt ra ngoài.*counted from 2024-12-30 falls outside/);
    expect(() => small.addCalendarDays('2024-12-30', 5)).toThrow(CalendarRangeError);
  });

  it('computes years without an announcement from the rules and marks them provisional', () => {
    expect(calendar.isProvisional('2027-06-01')).toBe(true);
    expect(calendar.isWorkingDay('2027-04-16')).toBe(false);
    expect(calendar.isProvisional('2025-06-02')).toBe(false);
  });
});

describe('working days past a due day', () => {
  it('counts working days after the due day, at least one once past it', () => {
    expect(workingDaysPast(calendar, '2024-03-08', '2024-03-08')).toBe(0);
    expect(workingDaysPast(calendar, '2024-03-08', '2024-03-09')).toBe(1);
    expect(workingDaysPast(calendar, '2024-02-07', '2024-02-16')).toBe(2);
  });
});

describe('a calendar built from other schedules', () => {
  it('uses an announced schedule given as data, and is not provisional for that year', () => {
    const announced2027 = {
      year: 2027,
      provisional: false,
      daysOff: [{ date: '2027-02-11', reason: 'swap' as const, source: 'test notice' }],
      workingSaturdays: [{ date: '2027-02-20', replaces: '2027-02-11', source: 'test notice' }],
    };
    const custom = buildWorkingCalendar({ firstYear: 2027, lastYear: 2027, schedules: [announced2027] });
    expect(custom.isWorkingDay('2027-02-11')).toBe(false);
    expect(custom.isWorkingDay('2027-02-20')).toBe(true);
    expect(custom.isWorkingDay('2027-02-08')).toBe(true);
    expect(custom.isProvisional('2027-02-08')).toBe(false);
  });

  it('refuses a schedule that puts a working Saturday on another weekday', () => {
    const wrong = { year: 2027, provisional: false, daysOff: [], workingSaturdays: [{ date: '2027-02-19', replaces: '2027-02-11', source: 'x' }] };
    expect(() => buildWorkingCalendar({ firstYear: 2027, lastYear: 2027, schedules: [wrong] }).isWorkingDay('2027-02-19')).toThrow(/2027-02-19 is not a Saturday/);
  });

  it('knows weekdays before 1970', () => {
    const old = buildWorkingCalendar({ firstYear: 1969, lastYear: 1969 });
    expect(old.isWorkingDay('1969-07-19')).toBe(false);
    expect(old.isWorkingDay('1969-07-21')).toBe(true);
  });
});
