// Reading the record files the commands take (JSON array or CSV), with every problem turned into
// one sentence that names the file, the record and the field.
import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { CsvError, parseCsv } from '../shared/csv/csv.ts';
import { InvalidDateError, parseCalendarDate, type CalendarDate } from '../shared/time/dates.ts';
import { t, type Locale } from '../shared/i18n/i18n.ts';
import { UsageError, usageErrorFromText } from './errors.ts';

/** The file's text; an empty file or one that is not UTF-8 text is refused here, for every command. */
export async function readInputFile(file: string): Promise<string> {
  let text: string;
  try {
    // Windows editors (Notepad, Excel's "CSV UTF-8") start the file with a byte-order mark.
    text = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  } catch (error) {
    throw new UsageError('input.unreadable', { file, reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message });
  }
  if (text.trim() === '') throw new UsageError('input.empty', { file });
  // NUL never appears in JSON, CSV or HTML text: it is a spreadsheet, a PDF or a UTF-16 export.
  if (text.includes('\u0000')) throw new UsageError('input.notText', { file });
  return text;
}

/** A CSV problem inside the file's sentence, each language whole (not the bilingual text twice). */
function csvProblem(file: string, error: CsvError): UsageError {
  const sentence = (locale: Locale) => t('input.badCsv', { file, detail: t(error.key, error.params, locale) }, locale);
  return usageErrorFromText(`${sentence('vi')} / ${sentence('en')}`);
}

export function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError('input.badJson', { file, detail: (error as Error).message });
  }
}

/** A date flag: an impossible date such as 2024-02-30 is a usage error, not a crash. */
export function dateFlag(value: string): CalendarDate {
  try {
    return parseCalendarDate(value);
  } catch (error) {
    if (error instanceof InvalidDateError) throw usageErrorFromText(error.message);
    throw error;
  }
}

/** Where a record sits: its position in a JSON array, its line in a CSV file, or the whole file. */
export interface RecordPlace { kind: 'record' | 'line' | 'file'; n: number }

function describeIssue(file: string, place: RecordPlace, raw: unknown, issue: z.core.$ZodIssue): UsageError {
  const field = issue.path.join('.') || '—';
  const value = issue.path.reduce<unknown>((at, key) => (at && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[key] : undefined), raw);
  const shown = typeof value === 'string' || typeof value === 'number' ? ` = "${value}"` : '';
  return new UsageError(`input.badField.${place.kind}`, { file, n: place.n, field, value: shown, problem: issue.message });
}

export function parseRecord<T extends z.ZodType>(schema: T, file: string, place: RecordPlace, raw: unknown): z.output<T> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  // zod reports at least one issue for a failed parse.
  throw describeIssue(file, place, raw, result.error.issues[0] as z.core.$ZodIssue);
}

/**
 * Rows of a JSON array or a CSV file: a .json file is JSON, a .csv file CSV, any other name is
 * JSON when it starts with [ or {.
 */
export function readRecords<T extends z.ZodType>(schema: T, file: string, text: string): z.output<T>[] {
  const name = file.toLowerCase();
  const looksLikeJson = name.endsWith('.json') || (!name.endsWith('.csv') && /^\s*[[{]/.test(text));
  if (!looksLikeJson) {
    try {
      return parseCsv(text).map(({ record, line }) => parseRecord(schema, file, { kind: 'line', n: line }, record));
    } catch (error) {
      if (error instanceof CsvError) throw csvProblem(file, error);
      throw error;
    }
  }
  const data = parseJson(file, text);
  if (!Array.isArray(data)) throw new UsageError('input.notArray', { file });
  return data.map((raw, i) => parseRecord(schema, file, { kind: 'record', n: i + 1 }, raw));
}
