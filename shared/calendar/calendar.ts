// Vietnam's working-day calendar for public servants. Built once into arrays over a range of
// years (prefix counts of working days, the list of working days by rank), so every query is a
// few array reads: deadlines are computed for thousands of dossiers on every page the officer opens.
import { bilingual } from '../i18n/i18n.ts';
import { dayNumber, fromDayNumber, weekday, type CalendarDate } from '../time/dates.ts';
import { computeYearSchedule } from './rules.ts';
import type { DayOff, YearSchedule } from './schedule.ts';
import { announcedSchedules } from './years/index.ts';

export interface WorkingCalendar {
  isWorkingDay(d: CalendarDate): boolean;
  /** The n-th working day after d (n < 0: before d); n = 0 gives d. */
  addWorkingDays(d: CalendarDate, n: number): CalendarDate;
  /** Civil Code art. 147–148: counted from the day after d, last day rolled to the next working day. */
  addCalendarDays(d: CalendarDate, n: number): CalendarDate;
  /** Working days after `from` up to and including `to`; negative when to < from. */
  workingDaysBetween(from: CalendarDate, to: CalendarDate): number;
  /** The day's status comes from the rules or an unconfirmed choice, not an announcement. */
  isProvisional(d: CalendarDate): boolean;
}

export interface IndexedCalendar extends WorkingCalendar {
  /** Whether any day after `from` up to and including `to` is provisional. */
  isProvisionalBetween(from: CalendarDate, to: CalendarDate): boolean;
  /** Why a weekday is off, or null for a working day or an ordinary weekend day. */
  dayOff(d: CalendarDate): DayOff | null;
}

export class CalendarRangeError extends RangeError {
  /** `resultFrom`: the date given was inside the range, the date computed from it is not. */
  constructor(date: CalendarDate, first: number, last: number, resultFrom = false) {
    super(bilingual(resultFrom ? 'calendar.resultOutOfRange' : 'calendar.outOfRange', { date, first, last }));
    this.name = 'CalendarRangeError';
  }
}

export interface CalendarOptions {
  firstYear: number;
  lastYear: number;
  /** Announced schedules; years without one are computed from the rules. */
  schedules?: readonly YearSchedule[];
}

interface Index {
  start: number;
  working: Uint8Array;
  provisional: Uint8Array;
  /** workingUpTo[i] = working days among offsets 0..i. */
  workingUpTo: Int32Array;
  provisionalUpTo: Int32Array;
  /** Offsets of the working days in order: the k-th working day (1-based) is workingByRank[k - 1]. */
  workingByRank: Int32Array;
  daysOff: Map<number, DayOff>;
}

function checkSchedule(schedule: YearSchedule): void {
  const fail = (detail: string) => new Error(bilingual('calendar.badSchedule', { year: schedule.year, detail }));
  for (const day of schedule.daysOff) {
    if (weekday(day.date) === 0 || weekday(day.date) === 6) throw fail(`${day.date} is a weekend day`);
  }
  for (const saturday of schedule.workingSaturdays) {
    if (weekday(saturday.date) !== 6) throw fail(`${saturday.date} is not a Saturday`);
  }
}

function buildIndex({ firstYear, lastYear, schedules = announcedSchedules }: CalendarOptions): Index {
  const start = dayNumber(`${String(firstYear).padStart(4, '0')}-01-01`);
  const length = dayNumber(`${String(lastYear + 1).padStart(4, '0')}-01-01`) - start;
  const working = new Uint8Array(length);
  const provisional = new Uint8Array(length);
  const daysOff = new Map<number, DayOff>();
  // Day 0 (1970-01-01) was a Thursday; the double modulo keeps days before 1970 right.
  for (let i = 0; i < length; i += 1) {
    const day = (((start + i + 4) % 7) + 7) % 7;
    working[i] = day === 0 || day === 6 ? 0 : 1;
  }
  const announced = new Map(schedules.map((s) => [s.year, s]));
  for (let year = firstYear; year <= lastYear; year += 1) {
    const schedule = announced.get(year) ?? computeYearSchedule(year);
    checkSchedule(schedule);
    if (schedule.provisional) provisional.fill(1, dayNumber(`${year}-01-01`) - start, dayNumber(`${year + 1}-01-01`) - start);
    for (const day of schedule.daysOff) {
      const offset = dayNumber(day.date) - start;
      working[offset] = 0;
      daysOff.set(offset, day);
      if (day.unconfirmed) provisional[offset] = 1;
    }
    for (const saturday of schedule.workingSaturdays) working[dayNumber(saturday.date) - start] = 1;
  }
  const workingUpTo = new Int32Array(length);
  const provisionalUpTo = new Int32Array(length);
  let workingCount = 0;
  let provisionalCount = 0;
  for (let i = 0; i < length; i += 1) {
    workingCount += working[i] ?? 0;
    provisionalCount += provisional[i] ?? 0;
    workingUpTo[i] = workingCount;
    provisionalUpTo[i] = provisionalCount;
  }
  const workingByRank = new Int32Array(workingCount);
  for (let i = 0, k = 0; i < length; i += 1) if (working[i]) workingByRank[k++] = i;
  return { start, working, provisional, workingUpTo, provisionalUpTo, workingByRank, daysOff };
}

/** A working calendar over [firstYear, lastYear]; the index is built on the first query. */
export function buildWorkingCalendar(options: CalendarOptions): IndexedCalendar {
  let built: Index | undefined;
  const index = (): Index => (built ??= buildIndex(options));
  const outOfRange = (date: CalendarDate, resultFrom = false) => new CalendarRangeError(date, options.firstYear, options.lastYear, resultFrom);

  const offsetOf = (date: CalendarDate): number => {
    const offset = dayNumber(date) - index().start;
    if (offset < 0 || offset >= index().working.length) throw outOfRange(date);
    return offset;
  };
  const dateAt = (offset: number): CalendarDate => fromDayNumber(index().start + offset);
  const upTo = (counts: Int32Array, offset: number): number => counts[offset] ?? 0;
  const byRank = (rank: number, from: CalendarDate): CalendarDate => {
    const offset = index().workingByRank[rank - 1];
    if (offset === undefined) throw outOfRange(from, true);
    return dateAt(offset);
  };

  return {
    isWorkingDay: (d) => index().working[offsetOf(d)] === 1,
    addWorkingDays(d, n) {
      if (n === 0) return d;
      const offset = offsetOf(d);
      const upToD = upTo(index().workingUpTo, offset);
      const rank = n > 0 ? upToD + n : upToD - (index().working[offset] ?? 0) + n + 1;
      return byRank(rank, d);
    },
    addCalendarDays(d, n) {
      const target = offsetOf(d) + n;
      if (target < 0 || target >= index().working.length) throw outOfRange(d, true);
      if (index().working[target] === 1) return dateAt(target);
      return byRank(upTo(index().workingUpTo, target) + 1, d);
    },
    workingDaysBetween: (from, to) => upTo(index().workingUpTo, offsetOf(to)) - upTo(index().workingUpTo, offsetOf(from)),
    isProvisional: (d) => index().provisional[offsetOf(d)] === 1,
    isProvisionalBetween: (from, to) => {
      const [a, b] = from <= to ? [from, to] : [to, from];
      return upTo(index().provisionalUpTo, offsetOf(b)) - upTo(index().provisionalUpTo, offsetOf(a)) > 0;
    },
    dayOff: (d) => index().daysOff.get(offsetOf(d)) ?? null,
  };
}

/** Years the shared calendar covers: wide enough for any dossier or plan the product sees. */
export const CALENDAR_FIRST_YEAR = 1990;
export const CALENDAR_LAST_YEAR = 2100;

export const vietnamCalendar: IndexedCalendar = buildWorkingCalendar({ firstYear: CALENDAR_FIRST_YEAR, lastYear: CALENDAR_LAST_YEAR });

/**
 * How many working days `day` is past `due`: the working days after `due` up to `day`, and at
 * least 1 once `day` is after `due`, so a return on the weekend after a Friday due day is late.
 */
export function workingDaysPast(calendar: WorkingCalendar, due: CalendarDate, day: CalendarDate): number {
  return day > due ? Math.max(1, calendar.workingDaysBetween(due, day)) : 0;
}
