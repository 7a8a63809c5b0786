// tthc-desk report FILE --period 2024-Q2|2024-6M|2024-9M|2024 [--unit CODE] [--json] [--xlsx OUT]:
// Biểu 06/VPCP/KSTT from a saved portal response (any shape the adapters read) or a JSON array of
// dossier records (shared/report/input.ts). --json prints the table as data; --xlsx writes the form.
import { stat, writeFile } from 'node:fs/promises';
import { bilingual, t, type Locale } from '../../shared/i18n/i18n.ts';
import { vietnameseDate } from '../../shared/i18n/numbers.ts';
import { buildForm06, type Counts, type Form06Report } from '../../shared/report/form06.ts';
import { reportDossierOf, reportDossierSchema, type ReportDossier } from '../../shared/report/input.ts';
import { parseReportPeriod, ReportPeriodError, type ReportPeriod } from '../../shared/report/period.ts';
import { bodyRows, COLUMN_KEYS } from '../../shared/report/sheet.ts';
import { form06Xlsx } from '../../shared/report/xlsx.ts';
import { asObject } from '../../shared/portal/read.ts';
import { parseFlags, requireString } from '../args.ts';
import { UsageError } from '../errors.ts';
import { parseJson, parseRecord, readInputFile } from '../input.ts';
import type { CommandIO } from '../main.ts';
import { renderTable } from '../table.ts';
import { parseFile } from './parse.ts';

function periodFlag(value: string): ReportPeriod {
  try {
    return parseReportPeriod(value);
  } catch (error) {
    if (error instanceof ReportPeriodError) throw new UsageError('report.badPeriod', { period: value });
    throw error;
  }
}

/** A JSON array whose entries carry a dossier code and report fields is a list of records; anything else goes to the adapters. */
function isRecordList(body: unknown): body is unknown[] {
  if (!Array.isArray(body)) return false;
  const first = asObject(body[0]);
  return first !== null && typeof first.code === 'string' && ('acceptedAt' in first || 'appointmentAt' in first);
}

/**
 * A saved response is one sighting of its dossiers, made when it was saved: a dossier it shows ended
 * without a result was seen so on that day at the latest (the file's modification time), which is
 * the end the report gives it, as the extension gives the day it first captured that status.
 */
function readDossiers(file: string, text: string, savedAt: string): ReportDossier[] {
  const looksLikeJson = /^\s*[[{]/.test(text);
  const body = looksLikeJson ? parseJson(file, text) : null;
  if (isRecordList(body)) return body.map((raw, i) => parseRecord(reportDossierSchema, file, { kind: 'record', n: i + 1 }, raw));
  if (Array.isArray(body)) throw new UsageError('report.notDossiers', { file });
  const result = parseFile(file, text, null);
  if (result.dossiers.length === 0) throw new UsageError('report.noDossiers', { file });
  return result.dossiers.map((dossier) => {
    const read = reportDossierOf(dossier);
    return read.phase === 'closed' ? { ...read, closedSeenAt: savedAt } : read;
  });
}

/** The JSON the issue specifies: ISO dates, one row per sector, the total and the notes. */
export function reportJson(report: Form06Report) {
  const counts = ({ received, resolved, pending }: Counts) => ({ received, resolved, pending });
  return {
    period: { from: report.window.from, to: report.window.to },
    rows: report.rows.map((row) => ({ sector: row.sector, level: row.level, ...counts(row) })),
    total: counts(report.total),
    notes: report.notes,
  };
}

/** Each language's line whole: "every captured dossier" is itself translated. */
function unitLine(unit: string | null): string {
  const line = (locale: Locale) => t('report.unitLine', { unit: unit ?? t('report.unitAll', {}, locale) }, locale);
  return `${line('vi')} / ${line('en')}`;
}

function printText(report: Form06Report, period: ReportPeriod, unit: string | null, io: CommandIO): void {
  const header = COLUMN_KEYS.map((key, i) => `(${i + 1}) ${t(`report.column.${key}`)}`);
  const rows = bodyRows(report).map((row) => row.map((cell) => (cell === null ? '' : String(cell.value))));
  const notes = Object.entries(report.notes).filter(([, n]) => n > 0).map(([kind, n]) => bilingual(`report.note.${kind}`, { count: n }));
  io.stdout([
    bilingual('report.title'),
    `${period.id} ${bilingual('report.window', { from: vietnameseDate(report.window.from), to: vietnameseDate(report.window.to) })}`,
    unitLine(unit),
    renderTable(header, rows),
    bilingual('report.basedOn', { count: report.counted, leftOut: report.leftOut }),
    ...notes,
  ].join('\n'));
}

async function writeXlsx(file: string, report: Form06Report, unit: string | null): Promise<void> {
  const blob = await form06Xlsx(report, { unit });
  try {
    await writeFile(file, new Uint8Array(await blob.arrayBuffer()));
  } catch (error) {
    throw new UsageError('report.xlsxUnwritable', { file, reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message });
  }
}

export async function run(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseFlags('report', argv, { period: { type: 'string' }, unit: { type: 'string' }, json: { type: 'boolean' }, xlsx: { type: 'string' } }, 1);
  const file = positionals[0];
  if (file === undefined) throw new UsageError('input.missingFile', { command: 'report' });
  const period = periodFlag(requireString(values, 'period'));
  const unit = typeof values.unit === 'string' && values.unit !== '' ? values.unit : null;
  const dossiers = readDossiers(file, await readInputFile(file), (await stat(file)).mtime.toISOString()).filter((d) => unit === null || d.agencyCode === unit);
  const report = buildForm06(dossiers, period);
  if (typeof values.xlsx === 'string') {
    await writeXlsx(values.xlsx, report, unit);
    io.stderr(bilingual('report.xlsxWritten', { file: values.xlsx }));
  }
  if (values.json) io.stdout(JSON.stringify(reportJson(report), null, 2));
  else printText(report, period, unit, io);
  return 0;
}
