// The windows an officer can collect in one go: a month, a calendar quarter, or a report period of
// section XI (data cut-off of Nghị định 09/2019/NĐ-CP art. 12: Quý I 15/12 of the year before –
// 14/3, Quý II 15/3 – 14/6, Quý III 15/6 – 14/9, Quý IV 15/9 – 14/12, 6 tháng, 9 tháng, Năm).
import { isCalendarDate, type CalendarDate } from '../time/dates.ts';

export interface CollectWindow {
  from: CalendarDate;
  to: CalendarDate;
}

const pad = (n: number) => String(n).padStart(2, '0');

function lastDayOfMonth(year: number, month: number): CalendarDate {
  return `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;
}

/** Report period ends: 14 of the quarter's last month; each starts the day after the previous cut-off. */
const reportEnds: Record<string, { startQuarter: number; endMonth: number }> = {
  Q1: { startQuarter: 1, endMonth: 3 },
  Q2: { startQuarter: 2, endMonth: 6 },
  Q3: { startQuarter: 3, endMonth: 9 },
  Q4: { startQuarter: 4, endMonth: 12 },
  '6M': { startQuarter: 1, endMonth: 6 },
  '9M': { startQuarter: 1, endMonth: 9 },
  Y: { startQuarter: 1, endMonth: 12 },
};

function reportWindow(year: number, part: string): CollectWindow | null {
  const spec = reportEnds[part];
  if (!spec) return null;
  const startMonth = spec.startQuarter * 3 - 3;
  const from = startMonth === 0 ? `${year - 1}-12-15` : `${year}-${pad(startMonth)}-15`;
  return { from, to: `${year}-${pad(spec.endMonth)}-14` };
}

/**
 * `2024-03` a month, `2024-Q1` a calendar quarter, `R2024-Q1` / `R2024-6M` / `R2024-9M` / `R2024-Y`
 * a report period, `2024-03-01..2024-03-31` any window; null for anything else.
 */
export function readCollectWindow(text: string): CollectWindow | null {
  const value = text.trim();
  const range = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(value);
  if (range) return isCalendarDate(range[1]!) && isCalendarDate(range[2]!) && range[1]! <= range[2]! ? { from: range[1]!, to: range[2]! } : null;
  const report = /^R(\d{4})-(Q[1-4]|6M|9M|Y)$/.exec(value);
  if (report) return reportWindow(Number(report[1]), report[2]!);
  const quarter = /^(\d{4})-Q([1-4])$/.exec(value);
  if (quarter) {
    const year = Number(quarter[1]);
    const last = Number(quarter[2]) * 3;
    return { from: `${year}-${pad(last - 2)}-01`, to: lastDayOfMonth(year, last) };
  }
  const month = /^(\d{4})-(\d{2})$/.exec(value);
  if (month && Number(month[2]) >= 1 && Number(month[2]) <= 12) return { from: `${month[1]}-${month[2]}-01`, to: lastDayOfMonth(Number(month[1]), Number(month[2])) };
  return null;
}

/** The choices the collect control offers around a day: this and last month, quarter and report quarter. */
export function windowChoices(today: CalendarDate): string[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const quarter = Math.ceil(month / 3);
  const lastMonth = month === 1 ? `${year - 1}-12` : `${year}-${pad(month - 1)}`;
  const lastQuarter = quarter === 1 ? `${year - 1}-Q4` : `${year}-Q${quarter - 1}`;
  // A report quarter runs to the 14th of its last month: from the 15th the next one is current.
  const reportYear = today >= `${year}-12-15` ? year + 1 : year;
  const reportQuarter = ['Q1', 'Q2', 'Q3', 'Q4'].find((part) => today <= reportWindow(reportYear, part)!.to) ?? 'Q4';
  return [`${year}-${pad(month)}`, lastMonth, `${year}-Q${quarter}`, lastQuarter, `R${reportYear}-${reportQuarter}`, `R${year}-6M`, `R${year}-9M`, `R${year}-Y`];
}
