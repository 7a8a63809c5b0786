// The one .xlsx writer of the report, shared by the CLI and the side panel: the form's rows
// (sheet.ts) handed to write-excel-file, whose columnSpan/rowSpan become merged cells.
import writeXlsxFile, { type Cell, type SheetData } from 'write-excel-file/universal';
import type { Form06Report } from './form06.ts';
import { formRows, type FormMeta } from './sheet.ts';

const COLUMN_WIDTHS = [6, 34, 9, 10, 14, 10, 9, 10, 10, 9, 9, 10, 9];

export function form06SheetData(report: Form06Report, meta: FormMeta): SheetData {
  return formRows(report, meta).map((row) => row.map((cell): Cell => (cell === null ? null : {
    value: cell.value,
    ...(cell.columnSpan ? { columnSpan: cell.columnSpan } : {}),
    ...(cell.rowSpan ? { rowSpan: cell.rowSpan } : {}),
    ...(cell.bold ? { fontWeight: 'bold' as const } : {}),
    ...(cell.italic ? { fontStyle: 'italic' as const } : {}),
    ...(cell.align ? { align: cell.align } : {}),
    wrap: typeof cell.value === 'string',
    alignVertical: 'center' as const,
  })));
}

export function form06Xlsx(report: Form06Report, meta: FormMeta): Promise<Blob> {
  return writeXlsxFile(form06SheetData(report, meta), { sheet: 'Bieu 06', columns: COLUMN_WIDTHS.map((width) => ({ width })) }).toBlob();
}
