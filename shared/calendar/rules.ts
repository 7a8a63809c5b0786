// Days off computed from the Labour Code 2019 art. 112 for a year whose schedule has not been
// announced: 1/1; five days of Tết; Giỗ Tổ (10/3 lunar); 30/4; 1/5; 2/9 and one day next to it.
// A holiday on a weekend gives the next free weekday off in lieu. The arrangement choices below
// (Tết block, which day next to 2/9) reproduce the announced years 2024–2026 apart from their
// swaps; the result is still provisional because the Government may swap days.
import { addDays, weekday, type CalendarDate } from '../time/dates.ts';
import { lunarNewYear, lunarToSolar } from './lunar.ts';
import type { DayOff, DayOffReason, YearSchedule } from './schedule.ts';

const RULE_SOURCE = 'Bộ luật Lao động 2019 điều 112 (tính theo quy tắc, chưa có thông báo)';
const TET_DAYS = 5;

function isWeekend(date: CalendarDate): boolean {
  const day = weekday(date);
  return day === 0 || day === 6;
}

/**
 * Which day next to 2/9 is off, by the weekday of 2/9 (0 = Sunday): the weekday that joins the
 * longest unbroken break with a weekend; on a tie (a Wednesday) the day before. Announced years:
 * 2024 Mon→3/9, 2025 Tue→1/9.
 */
const NATIONAL_DAY_NEIGHBOUR: readonly (-1 | 1)[] = [1, 1, -1, -1, 1, -1, -1];

/**
 * Tết: New Year's Eve and mùng 1–4; each of these five days that falls on a weekend is replaced
 * by the nearest weekday outside the block, alternately before and after it (before first).
 */
function tetDaysOff(year: number): CalendarDate[] {
  const eve = addDays(lunarNewYear(year), -1);
  const block = Array.from({ length: TET_DAYS }, (_, i) => addDays(eve, i));
  const days = block.filter((date) => !isWeekend(date));
  let before = addDays(eve, -1);
  let after = addDays(eve, TET_DAYS);
  for (let i = 0; days.length < TET_DAYS; i += 1) {
    if (i % 2 === 0) {
      while (isWeekend(before)) before = addDays(before, -1);
      days.unshift(before);
      before = addDays(before, -1);
    } else {
      while (isWeekend(after)) after = addDays(after, 1);
      days.push(after);
      after = addDays(after, 1);
    }
  }
  return days;
}

function fixedHolidays(year: number): { date: CalendarDate; reason: DayOffReason }[] {
  const nationalDay = `${year}-09-02`;
  return [
    { date: `${year}-01-01`, reason: 'newYear' },
    { date: lunarToSolar(10, 3, year), reason: 'hungKings' },
    { date: `${year}-04-30`, reason: 'reunification' },
    { date: `${year}-05-01`, reason: 'labourDay' },
    { date: addDays(nationalDay, NATIONAL_DAY_NEIGHBOUR[weekday(nationalDay)] ?? -1), reason: 'nationalDayAdjacent' },
    { date: nationalDay, reason: 'nationalDay' },
  ];
}

export function computeYearSchedule(year: number): YearSchedule {
  const off = new Map<CalendarDate, DayOff>();
  for (const date of tetDaysOff(year)) off.set(date, { date, reason: 'tet', source: RULE_SOURCE });
  const holidays = fixedHolidays(year).sort((a, b) => a.date.localeCompare(b.date));
  const holidayDates = new Set(holidays.map((h) => h.date));
  for (const holiday of holidays) {
    if (!isWeekend(holiday.date) && !off.has(holiday.date)) {
      off.set(holiday.date, { date: holiday.date, reason: holiday.reason, source: RULE_SOURCE });
      continue;
    }
    let inLieu = addDays(holiday.date, 1);
    while (isWeekend(inLieu) || off.has(inLieu) || holidayDates.has(inLieu)) inLieu = addDays(inLieu, 1);
    off.set(inLieu, { date: inLieu, reason: 'inLieu', source: RULE_SOURCE });
  }
  const daysOff = [...off.values()].sort((a, b) => a.date.localeCompare(b.date));
  return { year, provisional: true, daysOff, workingSaturdays: [] };
}
