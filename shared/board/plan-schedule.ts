// A plan item's deadline as occurrences: the plan's recurring deadlines become one task each, with
// an occurrence key that makes its task id deterministic (plan:2024:XI.2:Q1), so officers who seed
// the same plan offline end with one task per occurrence.
//   "ngày D của tháng cuối quý" (section XI's reports)  → Q1, Q2, Q3 and the year (Y), due day D of
//                                                         March, June, September, December
//   "trước ngày D hằng tháng"                            → M01…M12, due day D of each month
//   "định kỳ hằng quý"                                   → Q1…Q4, due each quarter's last day
//   "Quý I, II, III, IV/2024" (more than one quarter)   → one per quarter named, due its last day
//   anything else                                        → one task, due as dueFromDeadline reads it
// "Trước ngày D" and "Trước N ngày" are read alike: at the latest on that day (domain.md, counting days).
import type { CalendarDate } from '../time/dates.ts';
import { dueFromDeadline, type PlanItem } from './plan-template.ts';

export interface Occurrence {
  /** Null for a one-off item; Q1…Q4, Y, M01…M12 for a recurring one. */
  key: string | null;
  due: CalendarDate | null;
  /** Vietnamese, appended to the task's title ("Quý I/2024", "Tháng 3/2024", "Năm 2024"). */
  label: string | null;
}

const ROMAN = ['I', 'II', 'III', 'IV'];
const QUARTER_END = ['03-31', '06-30', '09-30', '12-31'];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function quarterOccurrence(year: number, quarter: number, due: CalendarDate): Occurrence {
  return { key: `Q${quarter}`, due, label: `Quý ${ROMAN[quarter - 1]}/${year}` };
}

/** Day D of a month, or the month's last day when it has no day D. */
function dayOfMonth(year: number, month: number, day: number): CalendarDate {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(Math.min(day, last))}`;
}

export function occurrencesOf(item: Pick<PlanItem, 'deadline' | 'due'>, year: number): Occurrence[] {
  const text = item.deadline.normalize('NFC').toLowerCase();
  const endOfQuarterMonth = /ngày\s+(\d{1,2})\s+(?:của\s+)?tháng\s+cuối\s+quý/.exec(text);
  if (endOfQuarterMonth) {
    const day = Number(endOfQuarterMonth[1]);
    return [
      ...[1, 2, 3].map((q) => quarterOccurrence(year, q, dayOfMonth(year, q * 3, day))),
      { key: 'Y', due: dayOfMonth(year, 12, day), label: `Năm ${year}` },
    ];
  }
  const monthly = /trước\s+ngày\s+(\d{1,2})\s+hằng\s+tháng/.exec(text);
  if (monthly) {
    const day = Number(monthly[1]);
    return Array.from({ length: 12 }, (_, i) => ({ key: `M${pad(i + 1)}`, due: dayOfMonth(year, i + 1, day), label: `Tháng ${i + 1}/${year}` }));
  }
  if (/định\s+kỳ\s+hằng\s+quý|hằng\s+quý/.test(text)) {
    return [1, 2, 3, 4].map((q) => quarterOccurrence(year, q, `${year}-${QUARTER_END[q - 1]}`));
  }
  const quarters = /^quý\s+([ivx, ]+)\/(\d{4})/.exec(text);
  if (quarters) {
    const named = [...new Set((quarters[1] ?? '').split(',').map((q) => ROMAN.indexOf(q.trim().toUpperCase()) + 1).filter((q) => q > 0))];
    const listYear = Number(quarters[2]);
    if (named.length > 1) return named.map((q) => quarterOccurrence(listYear, q, `${listYear}-${QUARTER_END[q - 1]}`));
  }
  return [{ key: null, due: item.due ?? dueFromDeadline(item.deadline), label: null }];
}

/** A unit as the plan names agencies: its own name, and its kind. */
export interface PlanUnit {
  name: string | null;
  kind: 'department' | 'district' | 'commune' | null;
}

/** Words by which the plan names every unit of a kind. */
const KIND_WORDS: Record<NonNullable<PlanUnit['kind']>, RegExp> = {
  department: /sở,?\s*ban,?\s*ngành|các sở|cơ quan chuyên môn|sở, ngành/,
  district: /cấp huyện|ubnd huyện|một cửa cấp huyện/,
  commune: /cấp xã|cấp huyện, xã|cấp huyện, cấp xã|huyện, xã/,
};
/** Wording that names every unit. */
const EVERY_UNIT = /^(các )?cơ quan, đơn vị(, địa phương)?|^các cơ quan, đơn vị liên quan/;

function names(agency: string, unit: PlanUnit): boolean {
  const text = agency.normalize('NFC').toLowerCase();
  if (EVERY_UNIT.test(text)) return true;
  if (unit.name !== null && text.includes(unit.name.normalize('NFC').toLowerCase().trim())) return true;
  return unit.kind !== null && KIND_WORDS[unit.kind].test(text);
}

/** The unit's part in a plan item: lead, coordinating, or none. */
export function unitRole(item: Pick<PlanItem, 'lead' | 'coordinating'>, unit: PlanUnit): 'lead' | 'coordinating' | null {
  if (item.lead.some((agency) => names(agency, unit))) return 'lead';
  if (item.coordinating.some((agency) => names(agency, unit))) return 'coordinating';
  return null;
}
