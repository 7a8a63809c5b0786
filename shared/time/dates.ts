// Calendar dates and instants. A calendar date is a 'YYYY-MM-DD' string; an instant is ISO 8601
// with an offset. Vietnam is UTC+7 all year (no daylight saving), so its dates are computed by
// shifting the instant by seven hours, never by cutting a timestamp string.

export type CalendarDate = string;

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Thrown for a value a person or a page got wrong; its message is one bilingual sentence. */
export class InvalidDateError extends Error {
  constructor(value: string) {
    super(`Ngày không hợp lệ: "${value}" (cần dạng YYYY-MM-DD có thật) / Invalid date: "${value}" (expected a real YYYY-MM-DD date)`);
    this.name = 'InvalidDateError';
  }
}

export function isCalendarDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function parseCalendarDate(value: string): CalendarDate {
  if (!isCalendarDate(value)) throw new InvalidDateError(value);
  return value;
}

/** Days since 1970-01-01 for a calendar date: the index the calendar is built on. */
export function dayNumber(date: CalendarDate): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
}

export function fromDayNumber(day: number): CalendarDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: CalendarDate): number {
  return (dayNumber(date) + 4) % 7;
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** The calendar date in Vietnam of an instant. */
export function vietnamDateOf(instant: string | Date): CalendarDate {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (Number.isNaN(ms)) throw new InvalidDateError(String(instant));
  return new Date(ms + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * The Vietnam calendar date of an instant as its day number (see dayNumber): what vietnamDateOf
 * gives, without building the date's text, for code that compares many dates (the report).
 */
export function vietnamDayNumber(instant: string): number {
  const fast = canonicalDayNumber(instant);
  if (fast !== null) return fast;
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new InvalidDateError(instant);
  return Math.floor((ms + VIETNAM_OFFSET_MS) / DAY_MS);
}

function digitsAt(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i += 1) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The stored form "2024-03-12T08:15:30+07:00" read digit by digit (several times faster than
 * Date.parse); null for any other form or an impossible value, which Date.parse then judges.
 */
function canonicalDayNumber(text: string): number | null {
  if (text.length !== 25 || text[4] !== '-' || text[7] !== '-' || text[10] !== 'T' || text[13] !== ':' || text[16] !== ':' || text[22] !== ':') return null;
  const sign = text[19] === '+' ? 1 : text[19] === '-' ? -1 : 0;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  const hour = digitsAt(text, 11, 2);
  const minute = digitsAt(text, 14, 2);
  const second = digitsAt(text, 17, 2);
  const offsetHours = digitsAt(text, 20, 2);
  const offsetMinutes = digitsAt(text, 23, 2);
  if (sign === 0 || month < 1 || month > 12 || day < 1 || day > (DAYS_IN_MONTH[month - 1] ?? 0) || hour > 23 || minute > 59 || second > 59 || second < 0 || hour < 0 || minute < 0 || offsetHours > 23 || offsetHours < 0 || offsetMinutes > 59 || offsetMinutes < 0 || year < 0) return null;
  if (month === 2 && day === 29 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) return null;
  const minutesInVietnam = hour * 60 + minute - sign * (offsetHours * 60 + offsetMinutes) + 7 * 60;
  return Math.floor(Date.UTC(year, month - 1, day) / DAY_MS + minutesInVietnam / 1440);
}

export function todayInVietnam(now: Date = new Date()): CalendarDate {
  return vietnamDateOf(now);
}

/** An instant written in Vietnam time: 2024-05-04T00:00:00+07:00. */
export function toVietnamIso(instant: string | Date): string {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (Number.isNaN(ms)) throw new InvalidDateError(String(instant));
  return `${new Date(ms + VIETNAM_OFFSET_MS).toISOString().slice(0, 19)}+07:00`;
}

/**
 * Reads a portal timestamp ("2024-03-12T08:15:30.000+0700", "2024-05-03T17:00:00.000+0000",
 * ISO with "Z" or "+07:00", or a bare date taken as Vietnam midnight) and returns it as ISO 8601
 * in Vietnam time, or null when the portal gave nothing or something unreadable.
 */
export function normalizePortalInstant(value: unknown): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const text = value.trim();
  if (isCalendarDate(text)) return `${text}T00:00:00+07:00`;
  const withColonOffset = text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const hasZone = /(Z|[+-]\d{2}:\d{2})$/.test(withColonOffset);
  const ms = Date.parse(hasZone ? withColonOffset : `${withColonOffset}+07:00`);
  return Number.isNaN(ms) ? null : toVietnamIso(new Date(ms));
}
