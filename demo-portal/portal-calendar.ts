// The demo portal's own working calendar, used to set appointment dates the way iGate does
// (../shared/domain.md: iGate's appointmentDate already applies the portal's calendar). Deliberately
// separate from shared/calendar: the portal is a third party whose calendar we judge, not share.
import { addDays, weekday, type CalendarDate } from './clock.ts';

const daysOff = new Set([
  '2024-01-01', '2024-02-08', '2024-02-09', '2024-02-12', '2024-02-13', '2024-02-14', '2024-04-18', '2024-04-29', '2024-04-30', '2024-05-01', '2024-09-02', '2024-09-03',
  '2025-01-01', '2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-04-07', '2025-04-30', '2025-05-01', '2025-05-02', '2025-09-01', '2025-09-02',
  '2026-01-01', '2026-01-02', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-04-27', '2026-04-30', '2026-05-01',
]);
const workingSaturdays = new Set(['2024-05-04', '2025-04-26', '2026-01-10']);

export function isPortalWorkingDay(date: CalendarDate): boolean {
  if (workingSaturdays.has(date)) return true;
  const day = weekday(date);
  return day !== 0 && day !== 6 && !daysOff.has(date);
}

/** The working day `n` working days after `date` (before it when n < 0); n = 0 gives `date` itself. */
export function shiftWorkingDays(date: CalendarDate, n: number): CalendarDate {
  let current = date;
  const step = n < 0 ? -1 : 1;
  for (let left = Math.abs(n); left > 0; ) {
    current = addDays(current, step);
    if (isPortalWorkingDay(current)) left -= 1;
  }
  return current;
}

/** `date` if it is a working day, else the next one. */
export function nextWorkingDay(date: CalendarDate): CalendarDate {
  let current = date;
  while (!isPortalWorkingDay(current)) current = addDays(current, 1);
  return current;
}
