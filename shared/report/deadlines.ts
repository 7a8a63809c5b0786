// When the report of section XI is due: by the 17th (UBND cấp xã), the 19th (Sở/ban/ngành, UBND
// cấp huyện) of the quarter's last month, for Quý I, 6 tháng, 9 tháng and the year; the province
// itself reports by the 22nd. A report's deadline is announced from five working days before it.
import { vietnamCalendar, type WorkingCalendar } from '../calendar/calendar.ts';
import type { CalendarDate } from '../time/dates.ts';
import { parseReportPeriod, type ReportPeriod } from './period.ts';

export type ReportingUnitKind = 'department' | 'district' | 'commune' | 'province';

export const REPORT_DUE_DAY: Record<ReportingUnitKind, number> = { commune: 17, district: 19, department: 19, province: 22 };

/** Working days before the deadline from which it is announced. */
export const REPORT_NOTICE_WORKING_DAYS = 5;

export interface ReportDeadline {
  period: ReportPeriod;
  due: CalendarDate;
}

/** The year's four reports: Quý I, 6 tháng, 9 tháng and the year, each due in its last quarter's last month. */
export function reportDeadlines(year: number, kind: ReportingUnitKind): ReportDeadline[] {
  const day = String(REPORT_DUE_DAY[kind]).padStart(2, '0');
  return [`${year}-Q1`, `${year}-6M`, `${year}-9M`, String(year)].map((id) => {
    const period = parseReportPeriod(id);
    return { period, due: `${year}-${String(period.lastQuarter * 3).padStart(2, '0')}-${day}` };
  });
}

/** The report deadline to announce today: one due today or later, at most five working days ahead. */
export function reportDeadlineToAnnounce(today: CalendarDate, kind: ReportingUnitKind, calendar: WorkingCalendar = vietnamCalendar): ReportDeadline | null {
  const year = Number(today.slice(0, 4));
  return reportDeadlines(year, kind).find(({ due }) => due >= today && calendar.addWorkingDays(due, -REPORT_NOTICE_WORKING_DAYS) <= today) ?? null;
}
