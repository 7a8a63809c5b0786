// Biểu 06 laid out as the form prints it, for the .xlsx export (CLI and side panel) and the CSV:
// title, window line, unit line, two rows of group headers with merged cells, the row of column
// numbers (1)…(13), a heading row per level with its subtotal, one row per sector, the total row.
// Every number is a plain number, never a formula, so the file reads the same in any spreadsheet.
import { cellText } from '../text/cellText.ts';
import { t, type Locale } from '../i18n/i18n.ts';
import { vietnameseDate } from '../i18n/numbers.ts';
import type { ReportPeriod } from './period.ts';
import { cellColumns, cellCount, emptyCounts, reportLevels, type Counts, type Form06Report, type ReportLevel, type ReportRow } from './form06.ts';

/** The form's thirteen columns, as keys of the report catalog (report.column.*), in print order. */
export const COLUMN_KEYS = ['stt', 'sector', 'total', 'online', 'direct', 'carriedOver', 'total', 'early', 'onTime', 'late', 'total', 'inTime', 'overdue'] as const;
export const FORM_COLUMNS = COLUMN_KEYS.length;

export interface FormCell {
  value: string | number;
  columnSpan?: number;
  rowSpan?: number;
  bold?: boolean;
  italic?: boolean;
  align?: 'left' | 'center' | 'right';
}

/** One printed row: a cell, or null where a merged cell covers the place. */
export type FormRow = (FormCell | null)[];

export interface FormMeta {
  /** The reporting unit as printed; null when the report covers every captured dossier. */
  unit: string | null;
  locale?: Locale;
}

const ROMAN = ['I', 'II', 'III', 'IV'];

/** "Quý II/2024", "6 tháng 2024", "9 tháng 2024", "Năm 2024" (and in English). */
export function reportPeriodName(period: ReportPeriod, locale?: Locale): string {
  return t(`report.period.${period.kind}`, { quarter: ROMAN[period.lastQuarter - 1] ?? '', year: period.year }, locale);
}

function numbers(counts: Counts, bold = false): FormCell[] {
  return cellColumns.map((column) => ({ value: cellCount(counts, column), bold, align: 'right' as const }));
}

function sum(rows: readonly ReportRow[]): Counts {
  const total = emptyCounts();
  for (const row of rows) {
    for (const group of ['received', 'resolved', 'pending'] as const) {
      const target = total[group] as Record<string, number>;
      for (const [part, value] of Object.entries(row[group])) target[part] = (target[part] ?? 0) + value;
    }
  }
  return total;
}

function headerRows(locale: Locale): FormRow[] {
  const label = (key: string, extra: Partial<FormCell> = {}): FormCell => ({ value: t(`report.column.${key}`, {}, locale), bold: true, align: 'center', ...extra });
  return [
    [label('stt', { rowSpan: 2 }), label('sector', { rowSpan: 2 }), label('received', { columnSpan: 4 }), null, null, null, label('resolved', { columnSpan: 4 }), null, null, null, label('pending', { columnSpan: 3 }), null, null],
    [null, null, ...COLUMN_KEYS.slice(2).map((key) => label(key))],
    Array.from({ length: FORM_COLUMNS }, (_, i) => ({ value: `(${i + 1})`, italic: true, align: 'center' as const })),
  ];
}

/** A line of the table part: a level heading with its subtotal, a sector, or the total. */
export interface BodyLine {
  kind: 'level' | 'sector' | 'total';
  /** STT as printed: I, II… for a level, 1, 2… for a sector within it, empty for the total. */
  number: string | number;
  label: string;
  counts: Counts;
  /** The report row's key for a sector, null for the total, undefined for a level heading. */
  rowKey: string | null | undefined;
}

/** Level headings with subtotals when any level is known, sector rows, then the total. */
export function bodyLines(report: Form06Report, locale: Locale = 'vi'): BodyLine[] {
  const lines: BodyLine[] = [];
  const levels: (ReportLevel | null)[] = [...reportLevels, null];
  const grouped = report.rows.some((row) => row.level !== null);
  let group = 0;
  for (const level of levels) {
    const members = report.rows.filter((row) => row.level === level);
    if (members.length === 0) continue;
    if (grouped) {
      lines.push({ kind: 'level', number: ROMAN[group] ?? '', label: t(`report.level.${level ?? 'unknown'}`, {}, locale), counts: sum(members), rowKey: undefined });
      group += 1;
    }
    members.forEach((row, i) => lines.push({ kind: 'sector', number: i + 1, label: row.sector === null ? t('report.sector.unknown', {}, locale) : cellText(row.sector, t('panel.export.truncated', {}, locale)), counts: row, rowKey: row.key }));
  }
  lines.push({ kind: 'total', number: '', label: t('report.totalRow', {}, locale), counts: report.total, rowKey: null });
  return lines;
}

/** The table part as printed rows. */
export function bodyRows(report: Form06Report, locale: Locale = 'vi'): FormRow[] {
  return bodyLines(report, locale).map((line): FormRow => {
    if (line.kind === 'total') return [{ value: line.label, bold: true, columnSpan: 2, align: 'center' }, null, ...numbers(line.counts, true)];
    const bold = line.kind === 'level';
    return [{ value: line.number, bold, align: 'center' }, { value: line.label, bold }, ...numbers(line.counts, bold)];
  });
}

export function formRows(report: Form06Report, meta: FormMeta): FormRow[] {
  const locale = meta.locale ?? 'vi';
  const line = (value: string, extra: Partial<FormCell> = {}): FormRow => [{ value, columnSpan: FORM_COLUMNS, align: 'center', ...extra }, ...Array<null>(FORM_COLUMNS - 1).fill(null)];
  const window = t('report.window', { from: vietnameseDate(report.window.from), to: vietnameseDate(report.window.to) }, locale);
  const unit = t('report.unitLine', { unit: meta.unit ?? t('report.unitAll', {}, locale) }, locale);
  return [
    line(t('report.form', {}, locale), { align: 'right', italic: true }),
    line(t('report.title', {}, locale), { bold: true }),
    line(window, { italic: true }),
    [{ value: unit, columnSpan: 8, align: 'left' }, ...Array<null>(7).fill(null), { value: t('report.measure', {}, locale), columnSpan: 5, align: 'right', italic: true }, null, null, null, null],
    ...headerRows(locale),
    ...bodyRows(report, locale),
  ];
}

/** The table as CSV text: one header line with every column's full name, then the body rows (no merged cells in CSV). */
export function formCsv(report: Form06Report, locale: Locale = 'vi'): string {
  const group = (key: string, part: string) => `${t(`report.column.${key}`, {}, locale)}: ${t(`report.column.${part}`, {}, locale)}`;
  const header = [
    t('report.column.stt', {}, locale), t('report.column.sector', {}, locale),
    ...['total', 'online', 'direct', 'carriedOver'].map((p) => group('received', p)),
    ...['total', 'early', 'onTime', 'late'].map((p) => group('resolved', p)),
    ...['total', 'inTime', 'overdue'].map((p) => group('pending', p)),
  ];
  const quote = (value: string | number) => (typeof value === 'number' || !/[",\n]/.test(value) ? String(value) : `"${value.replace(/"/g, '""')}"`);
  const body = bodyRows(report, locale).map((row) => {
    const cells = row.map((cell) => cell?.value ?? '');
    return cells.map(quote).join(',');
  });
  return [header.map(quote).join(','), ...body].join('\r\n');
}
