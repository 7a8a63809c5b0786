// The provincial plan as a board template: each row of the plan's task tables (sections I to XI)
// becomes one plan item with its lead and coordinating agencies and its deadline. The parser reads
// the plan's text as published (tab-separated table rows, rows split across page breaks), so a
// unit can load another year's plan the same way; plan-2024.json is its output for Decision
// 467/QĐ-UBND, checked against the seed text by plan-template.test.ts.
import type { CalendarDate } from '../time/dates.ts';
import { isCalendarDate } from '../time/dates.ts';
import plan2024 from './plan-2024.json' with { type: 'json' };

export interface PlanSection {
  /** Roman numeral by position in the plan (the printed numeral has a typo in one place). */
  number: string;
  printedNumber: string;
  title: string;
  items: PlanItem[];
}

export interface PlanItem {
  /** "II.4": section numeral and row number; the task id of a seeded plan task derives from it. */
  id: string;
  content: string;
  result: string;
  lead: string[];
  coordinating: string[];
  /** The deadline as the plan words it ("Chậm nhất là 03 ngày làm việc kể từ ..."). */
  deadline: string;
  /** A calendar date when the wording names one (a date, or the end of the last quarter named). */
  due: CalendarDate | null;
}

export interface PlanTemplate {
  source: string;
  year: number;
  sections: PlanSection[];
}

export const planTemplate2024: PlanTemplate = plan2024;

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV'];
const SECTION_LINE = /^([IVX]+)[ \t]+(\S.*?)\s*$/;
const ITEM_LINE = /^(\d+)\t/;
const QUARTER_END = ['03-31', '06-30', '09-30', '12-31'];

function clean(cell: string): string {
  return cell.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();
}

/** Joins a cell continued on the next page; a word cut at a hyphen ("2693/KH-" + "UBND") stays whole. */
function joinCell(head: string, tail: string): string {
  if (tail === '') return head;
  if (head === '') return tail;
  return head.endsWith('-') ? head + tail : `${head} ${tail}`;
}

/** "- Các Sở, Ban, ngành; - UBND cấp huyện; - UBND cấp xã." → three agencies. */
function agencies(cell: string): string[] {
  const text = cell.trim();
  if (text === '') return [];
  // A dash inside a name ("Đài Phát thanh - Truyền hình tỉnh") is not a list mark: only one after ";" or ".".
  return text
    .replace(/^-\s+/, '')
    .split(/[;.]\s+-\s+/)
    .map((part) => part.trim().replace(/[;.]$/, '').trim())
    .filter((part) => part !== '');
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The date a deadline names: "Trước ngày 15/3/2024" or the end of the last quarter in "Quý I, II/2024". */
export function dueFromDeadline(deadline: string): CalendarDate | null {
  // Only a deadline that is itself a date; "Theo Kế hoạch số ... ngày 24/11/2022" dates the plan it cites.
  const dated = /^Trước ngày\s+(\d{1,2})\/(\d{1,2})\/(\d{4})/i.exec(deadline.trim());
  if (dated) {
    const date = `${dated[3]}-${pad(Number(dated[2]))}-${pad(Number(dated[1]))}`;
    return isCalendarDate(date) ? date : null;
  }
  const quarters = /^Quý\s+([IV, ]+)\/(\d{4})/i.exec(deadline.trim());
  if (quarters) {
    const named = (quarters[1] ?? '').split(',').map((q) => ROMAN.indexOf(q.trim())).filter((q) => q >= 0 && q < 4);
    const last = Math.max(...named);
    return named.length > 0 ? `${quarters[2]}-${QUARTER_END[last]}` : null;
  }
  return null;
}

interface RawRow { section: PlanSection; number: string; cells: string[] }

function finishRow(row: RawRow): PlanItem {
  const [content = '', result = '', lead = '', coordinating = '', deadline = ''] = row.cells.map(clean);
  return {
    id: `${row.section.number}.${row.number}`,
    content,
    result,
    lead: agencies(lead),
    coordinating: agencies(coordinating),
    deadline: deadline.replace(/^-\s+/, ''),
    due: dueFromDeadline(deadline),
  };
}

/** Reads the plan's task tables from its text; the annex of indicators after "Phụ lục" is not tasks. */
export function parsePlanTemplate(text: string, meta: { source: string; year: number }): PlanTemplate {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((line) => line.trim() === 'KẾ HOẠCH');
  const end = lines.findIndex((line, i) => i > start && line.trim() === 'Phụ lục');
  const sections: PlanSection[] = [];
  let row: RawRow | null = null;
  const flush = () => {
    if (row) row.section.items.push(finishRow(row));
    row = null;
  };
  for (const line of lines.slice(start + 1, end < 0 ? undefined : end)) {
    if (line.startsWith('STT\t') || line.startsWith('\t\t\tCơ quan chủ trì')) continue;
    const section = SECTION_LINE.exec(line);
    if (section && !ITEM_LINE.test(line)) {
      flush();
      sections.push({ number: ROMAN[sections.length] ?? section[1]!, printedNumber: section[1]!, title: clean(section[2]!), items: [] });
      continue;
    }
    const item = ITEM_LINE.exec(line);
    const current = sections.at(-1);
    if (item && current) {
      flush();
      row = { section: current, number: item[1]!, cells: line.split('\t').slice(1, 6) };
      continue;
    }
    if (line.startsWith('\t') && row) {
      const cells = line.split('\t').slice(1, 6);
      const open: RawRow = row;
      open.cells = open.cells.map((cell, i) => joinCell(clean(cell), clean(cells[i] ?? '')));
    }
  }
  flush();
  return { source: meta.source, year: meta.year, sections };
}
