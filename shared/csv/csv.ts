// A small RFC 4180 reader for the files officers export from spreadsheets: a header row, commas,
// quoted cells with "" for a quote, CRLF or LF, an optional UTF-8 byte-order mark. Pure, so the
// command line and the extension's import read CSV the same way.
import { bilingual } from '../i18n/i18n.ts';

export class CsvError extends Error {
  readonly line: number;
  /** The catalog key and its params, so a caller can embed the problem in its own sentence per language. */
  readonly key: string;
  readonly params: Record<string, string | number>;
  constructor(key: string, line: number, params: Record<string, string | number> = {}) {
    super(bilingual(key, { line, ...params }));
    this.name = 'CsvError';
    this.line = line;
    this.key = key;
    this.params = { line, ...params };
  }
}

/** Rows of cells, each with the line it starts on. */
function readRows(text: string): { cells: string[]; line: number }[] {
  const rows: { cells: string[]; line: number }[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let rowLine = 1;
  let quoted = false;
  let quoteLine = 1;
  const endRow = () => {
    cells.push(cell);
    if (cells.length > 1 || cells[0] !== '') rows.push({ cells, line: rowLine });
    cells = [];
    cell = '';
  };
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i += 1; }
      else if (ch === '"') quoted = false;
      else { cell += ch; if (ch === '\n') line += 1; }
    } else if (ch === '"' && cell === '') { quoted = true; quoteLine = line; }
    else if (ch === ',') { cells.push(cell); cell = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      endRow();
      line += 1;
      rowLine = line;
    } else cell += ch;
  }
  if (quoted) throw new CsvError('csv.unterminatedQuote', quoteLine);
  endRow();
  return rows;
}

/** Objects keyed by the header row; every row must have as many cells as the header. */
export function parseCsv(text: string): { record: Record<string, string>; line: number }[] {
  const [header, ...rows] = readRows(text.replace(/^\uFEFF/, ''));
  if (!header) throw new CsvError('csv.empty', 1);
  const names = header.cells.map((name) => name.trim());
  return rows.map(({ cells, line }) => {
    if (cells.length !== names.length) throw new CsvError('csv.cellCount', line, { found: cells.length, expected: names.length });
    return { record: Object.fromEntries(names.map((name, i) => [name, (cells[i] ?? '').trim()])), line };
  });
}
