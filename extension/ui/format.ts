// Dates as the officer reads them: Vietnam time whatever the computer's zone, day first in Vietnamese.
import type { Locale } from '../../shared/i18n/i18n.ts';
import type { CalendarDate } from '../../shared/time/dates.ts';

const vietnamParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export function formatInstant(instant: string | null, locale: Locale): string {
  if (instant === null) return '—';
  const parts = Object.fromEntries(vietnamParts.formatToParts(new Date(instant)).map((part) => [part.type, part.value]));
  const date = locale === 'vi' ? `${parts.day}/${parts.month}/${parts.year}` : `${parts.year}-${parts.month}-${parts.day}`;
  return `${date} ${parts.hour}:${parts.minute}`;
}

/** 2024-05-04 → 04/05/2024 in Vietnamese; ISO order in English, which reads unambiguously there. */
export function formatCalendarDate(date: CalendarDate | null, locale: Locale): string {
  if (date === null) return '—';
  if (locale === 'en') return date;
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}
