// Reporting periods: a year (2024), a quarter (2024-Q1) or a month (2024-03).
import type { Period } from '../schemas/indicator.ts';
import type { CalendarDate } from '../time/dates.ts';

/** First and last calendar day of a period; string comparison orders 'YYYY-MM-DD' dates. */
export function periodBounds(period: Period): [CalendarDate, CalendarDate] {
  const [year, part] = period.split('-') as [string, string | undefined];
  if (part === undefined) return [`${year}-01-01`, `${year}-12-31`];
  const [firstMonth, lastMonth] = part.startsWith('Q') ? [Number(part[1]) * 3 - 2, Number(part[1]) * 3] : [Number(part), Number(part)];
  const lastDay = new Date(Date.UTC(Number(year), lastMonth, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return [`${year}-${pad(firstMonth)}-01`, `${year}-${pad(lastMonth)}-${pad(lastDay)}`];
}

export function periodContains(period: Period, date: CalendarDate): boolean {
  const [first, last] = periodBounds(period);
  return date >= first && date <= last;
}
