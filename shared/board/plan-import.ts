// Another year's plan from a table: an .xlsx or .csv with the plan's columns (STT, Nội dung công
// việc, Kết quả, Cơ quan chủ trì, Cơ quan phối hợp, Thời gian thực hiện), or text pasted from the
// plan document's table (plan-template.ts reads that). A row whose STT is a Roman numeral opens a
// section; a numbered row is an item; a row without STT continues the item above (a table row cut
// by a page break). Deadlines are read exactly as in the 2024 plan (dueFromDeadline, plan-schedule.ts).
import { parseCsv } from '../csv/csv.ts';
import { readXlsx } from '../xlsx/readSheet.ts';
import { dueFromDeadline, parsePlanTemplate, type PlanItem, type PlanSection, type PlanTemplate } from './plan-template.ts';

/** A table the importer cannot read; `key` is a message of the planImport catalog. */
export class PlanImportError extends Error {
  readonly key: string;
  constructor(key: string) {
    super(key);
    this.name = 'PlanImportError';
    this.key = key;
  }
}

const COLUMNS = {
  number: /^stt$/,
  content: /^nội dung( công việc)?$/,
  result: /^kết quả/,
  lead: /chủ trì/,
  coordinating: /phối hợp/,
  deadline: /^thời (gian|hạn)/,
} as const;
type Column = keyof typeof COLUMNS;

const ROMAN = /^[IVX]+$/;

/** A cell's text, NFC, line breaks kept (they separate the agencies of a list). */
function cellText(cell: unknown): string {
  return (cell === null || cell === undefined ? '' : String(cell)).normalize('NFC').replace(/[ \t]+/g, ' ').trim();
}

function flat(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The agencies of a cell: one per line, or split on list dashes and semicolons, as the plan lists them. */
function agencies(cell: string): string[] {
  return cell.split(/\n|(?:^|[;.]\s*)-\s+|;\s*/).map((part) => part.trim().replace(/^-\s*/, '').replace(/[;.]$/, '').trim()).filter((part) => part !== '');
}

function headerOf(rows: string[][]): { at: number; columns: Record<Column, number> } {
  for (let at = 0; at < rows.length; at += 1) {
    const cells = (rows[at] ?? []).map((cell) => flat(cell).toLowerCase());
    const columns = {} as Record<Column, number>;
    for (const [column, pattern] of Object.entries(COLUMNS) as [Column, RegExp][]) columns[column] = cells.findIndex((cell) => pattern.test(cell));
    if (Object.values(columns).every((i) => i >= 0)) return { at, columns };
  }
  throw new PlanImportError('planImport.noHeader');
}

/** A plan from table rows (cells as text); the first row naming every column is the header. */
export function planFromRows(raw: readonly (readonly unknown[])[], meta: { source: string; year: number }): PlanTemplate {
  const rows = raw.map((row) => row.map(cellText));
  const { at, columns } = headerOf(rows);
  const sections: PlanSection[] = [];
  let last: PlanItem | null = null;
  const cell = (row: string[], column: Column) => flat(row[columns[column]] ?? '');
  const list = (row: string[], column: Column) => agencies(row[columns[column]] ?? '');
  for (const row of rows.slice(at + 1)) {
    const number = cell(row, 'number');
    if (ROMAN.test(number)) {
      sections.push({ number, printedNumber: number, title: cell(row, 'content'), items: [] });
      last = null;
    } else if (/^\d+$/.test(number)) {
      if (sections.length === 0) sections.push({ number: 'I', printedNumber: '', title: '', items: [] });
      const deadline = cell(row, 'deadline').replace(/^-\s+/, '');
      last = {
        id: `${sections.at(-1)!.number}.${number}`,
        content: cell(row, 'content'), result: cell(row, 'result'),
        lead: list(row, 'lead'), coordinating: list(row, 'coordinating'),
        deadline, due: dueFromDeadline(deadline),
      };
      sections.at(-1)!.items.push(last);
    } else if (last !== null && number === '') {
      // A row cut by a page break: its cells continue the item above.
      const more = (column: Column) => cell(row, column);
      last.content = [last.content, more('content')].filter(Boolean).join(' ');
      last.result = [last.result, more('result')].filter(Boolean).join(' ');
      last.lead.push(...list(row, 'lead'));
      last.coordinating.push(...list(row, 'coordinating'));
      if (more('deadline') !== '') {
        last.deadline = [last.deadline, more('deadline')].filter(Boolean).join(' ');
        last.due = dueFromDeadline(last.deadline);
      }
    }
  }
  const template = { source: meta.source, year: meta.year, sections: sections.filter((s) => s.items.length > 0) };
  if (template.sections.length === 0) throw new PlanImportError('planImport.noItems');
  return template;
}

export function planFromCsv(text: string, meta: { source: string; year: number }): PlanTemplate {
  const records = parseCsv(text).map(({ record }) => record);
  const header = Object.keys(records[0] ?? {});
  return planFromRows([header, ...records.map((record) => header.map((name) => record[name] ?? ''))], meta);
}

export function planFromXlsx(bytes: Uint8Array, meta: { source: string; year: number }): PlanTemplate {
  let rows: (string | number | null)[][];
  try {
    rows = readXlsx(bytes).rows;
  } catch {
    throw new PlanImportError('planImport.notXlsx');
  }
  return planFromRows(rows, meta);
}

/** Text pasted from the plan document's table (tab-separated, as the 2024 plan's text). */
export function planFromPastedText(text: string, meta: { source: string; year: number }): PlanTemplate {
  const template = parsePlanTemplate(text, meta);
  if (template.sections.every((section) => section.items.length === 0)) throw new PlanImportError('planImport.noItems');
  return { ...template, sections: template.sections.filter((section) => section.items.length > 0) };
}

/** The plan's year as its deadlines name it most often ("…/2025"), else `fallback`. */
export function planYearOf(template: Pick<PlanTemplate, 'sections'>, fallback: number): number {
  const years = new Map<number, number>();
  for (const item of template.sections.flatMap((section) => section.items)) {
    for (const match of item.deadline.matchAll(/\/(20\d{2})\b/g)) years.set(Number(match[1]), (years.get(Number(match[1])) ?? 0) + 1);
  }
  return [...years.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? fallback;
}
