// The demo portal's own time arithmetic, kept apart from shared/time on purpose: the stand-in
// must not share the code that reads it, or a bug there would look right on both sides.
// Vietnam is UTC+7 all year; a date is computed by shifting the instant, never by cutting text.

export type CalendarDate = string;

const DAY_MS = 86_400_000;
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: CalendarDate): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** The calendar date in Vietnam at an instant. */
export function vietnamDate(ms: number): CalendarDate {
  return new Date(ms + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** Epoch ms of a timestamp this portal wrote ("2024-03-12T08:15:30.000+0700" or "...+0000"), or null. */
export function timestampMs(value: unknown): number | null {
  if (typeof value !== 'string' || value === '') return null;
  const ms = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(ms) ? null : ms;
}

/** dd/MM/yyyy HH:mm:ss in Vietnam time, as Vietnamese pages show times; empty when absent. */
export function displayVietnamTime(value: unknown): string {
  const ms = timestampMs(value);
  if (ms === null) return '';
  const iso = new Date(ms + VIETNAM_OFFSET_MS).toISOString();
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)} ${iso.slice(11, 19)}`;
}
