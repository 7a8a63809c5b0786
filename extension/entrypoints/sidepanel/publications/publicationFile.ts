// Publication records imported from a file: a JSON array of records or a CSV with the same column
// names, read by the same CSV reader as the CLI `check`. The whole file is checked before anything
// is stored.
import { CsvError, parseCsv } from '../../../../shared/csv/csv.ts';
import { InputProblem, publicationFromFields, type PublicationRecord } from './publicationInput.ts';

interface FileRecord {
  fields: Record<string, unknown>;
  /** The CSV line (header = 1) or the JSON array item (from 1). */
  row: number;
}

function csvRecords(text: string): FileRecord[] {
  let rows: ReturnType<typeof parseCsv>;
  try {
    rows = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvError) throw new InputProblem('panel.import.badCsv', { detail: error.message });
    throw error;
  }
  if (rows.length > 0 && !('procedureCode' in rows[0]!.record)) throw new InputProblem('panel.import.noHeader');
  return rows.map(({ record, line }) => ({ fields: record, row: line }));
}

function jsonRecords(text: string): FileRecord[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new InputProblem('panel.import.badJson');
  }
  if (!Array.isArray(parsed) || parsed.some((item) => typeof item !== 'object' || item === null || Array.isArray(item))) {
    throw new InputProblem('panel.import.notArray');
  }
  return (parsed as Record<string, unknown>[]).map((fields, index) => ({ fields, row: index + 1 }));
}

export function publicationsFromFile(fileName: string, text: string): PublicationRecord[] {
  const content = text.replace(/^\uFEFF/, '');
  const lower = fileName.toLowerCase();
  const isJson = lower.endsWith('.json') || (!lower.endsWith('.csv') && /^\s*[[{]/.test(content));
  const records = isJson ? jsonRecords(content) : csvRecords(content);
  if (records.length === 0) throw new InputProblem('panel.import.empty');
  return records.map(({ fields, row }) => {
    try {
      return publicationFromFields(fields);
    } catch (error) {
      if (error instanceof InputProblem) throw new InputProblem(error.key, error.params, row);
      throw error;
    }
  });
}
