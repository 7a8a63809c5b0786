// One year's schedule of days off for public servants: the holidays, days in lieu and swaps the
// Government announces each year. Announced years are data files in ./years/; other years are
// computed from the Labour Code rules (./rules.ts) and marked provisional.
import type { CalendarDate } from '../time/dates.ts';

/** Why a weekday is off. */
export type DayOffReason =
  | 'newYear' // Tết Dương lịch, 1/1
  | 'tet' // Tết Nguyên đán
  | 'hungKings' // Giỗ Tổ Hùng Vương, 10/3 lunar
  | 'reunification' // 30/4
  | 'labourDay' // 1/5
  | 'nationalDay' // 2/9
  | 'nationalDayAdjacent' // the day before or after 2/9
  | 'inLieu' // a holiday fell on a weekend
  | 'swap'; // a weekday off paid back by working a Saturday

export interface DayOff {
  date: CalendarDate;
  reason: DayOffReason;
  /** The document that sets this day off. */
  source: string;
  /** The date is not yet confirmed by an announcement: the calendar marks it provisional. */
  unconfirmed?: true;
}

/** A Saturday that the Government makes a working day in exchange for a weekday off. */
export interface WorkingSaturday {
  date: CalendarDate;
  /** The weekday off it pays back. */
  replaces: CalendarDate;
  source: string;
}

export interface YearSchedule {
  year: number;
  /** True when computed from the rules rather than read from an announcement. */
  provisional: boolean;
  daysOff: DayOff[];
  workingSaturdays: WorkingSaturday[];
}
