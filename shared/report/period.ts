// Reporting periods of the quarterly report (Thông tư 01/2020/TT-VPCP, Biểu 06). Their data
// windows follow the cut-off of Nghị định 09/2019/NĐ-CP art. 12: a report's window runs from the
// 15th of the month before its first month to the 14th of its last month, so Quý I is
// 15/12 of the previous year – 14/3, and the year is 15/12 – 14/12.
import type { CalendarDate } from '../time/dates.ts';

export type ReportPeriodKind = 'quarter' | 'half' | 'nineMonths' | 'year';

export interface ReportWindow {
  from: CalendarDate;
  to: CalendarDate;
}

export interface ReportPeriod extends ReportWindow {
  /** As written on the command line and in the JSON: 2024-Q2, 2024-6M, 2024-9M, 2024. */
  id: string;
  kind: ReportPeriodKind;
  year: number;
  /** The quarter for 'quarter', else the last quarter the period covers (2 for 6M, 3 for 9M, 4 for the year). */
  lastQuarter: 1 | 2 | 3 | 4;
}

/** A period the text does not name; the message key says what the forms are. */
export class ReportPeriodError extends Error {
  readonly value: string;
  constructor(value: string) {
    super(`report period "${value}"`);
    this.value = value;
    this.name = 'ReportPeriodError';
  }
}

const PERIOD = /^(\d{4})(?:-(Q[1-4]|6M|9M))?$/;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The cut-off window that ends in `lastQuarter` and spans `quarters` quarters. */
function cutOffWindow(year: number, lastQuarter: number, quarters: number): ReportWindow {
  const firstMonth = (lastQuarter - quarters) * 3; // the month before the window's first month; 0 = December of the year before
  const from = firstMonth === 0 ? `${year - 1}-12-15` : `${year}-${pad(firstMonth)}-15`;
  return { from, to: `${year}-${pad(lastQuarter * 3)}-14` };
}

export function parseReportPeriod(value: string): ReportPeriod {
  const match = PERIOD.exec(value.trim());
  if (!match) throw new ReportPeriodError(value);
  const year = Number(match[1]);
  if (year < 1990 || year > 2100) throw new ReportPeriodError(value);
  const part = match[2];
  const id = part ? `${year}-${part}` : String(year);
  if (part === undefined) return { id, kind: 'year', year, lastQuarter: 4, ...cutOffWindow(year, 4, 4) };
  if (part === '6M') return { id, kind: 'half', year, lastQuarter: 2, ...cutOffWindow(year, 2, 2) };
  if (part === '9M') return { id, kind: 'nineMonths', year, lastQuarter: 3, ...cutOffWindow(year, 3, 3) };
  const quarter = Number(part[1]) as 1 | 2 | 3 | 4;
  return { id, kind: 'quarter', year, lastQuarter: quarter, ...cutOffWindow(year, quarter, 1) };
}

/** The periods of a year in the order a unit reports them. */
export function reportPeriodsOf(year: number): ReportPeriod[] {
  return ['Q1', 'Q2', '6M', 'Q3', '9M', 'Q4', ''].map((part) => parseReportPeriod(part ? `${year}-${part}` : String(year)));
}

/** A calendar month as a window (the charts go month by month, not by cut-off). */
export function monthWindow(year: number, month: number): ReportWindow {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { from: `${year}-${pad(month)}-01`, to: `${year}-${pad(month)}-${pad(last)}` };
}
