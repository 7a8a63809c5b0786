// Dates as the officer reads them: Vietnam time whatever the computer's zone, day first in Vietnamese.
import type { Locale } from '../../shared/i18n/i18n.ts';
import { vietnameseDate } from '../../shared/i18n/numbers.ts';
import { toVietnamIso, vietnamDateOf, type CalendarDate } from '../../shared/time/dates.ts';

export function formatInstant(instant: string | null, locale: Locale): string {
  if (instant === null) return '—';
  // toVietnamIso writes the Vietnam wall clock: its HH:MM follows the date part.
  return `${formatCalendarDate(vietnamDateOf(instant), locale)} ${toVietnamIso(instant).slice(11, 16)}`;
}

/** 2024-05-04 → 04/05/2024 in Vietnamese; ISO order in English, which reads unambiguously there. */
export function formatCalendarDate(date: CalendarDate | null, locale: Locale): string {
  if (date === null) return '—';
  return locale === 'vi' ? vietnameseDate(date) : date;
}
