// Biểu 06 on screen: the form's two header rows and column numbers, a heading per level with its
// subtotal, one row per sector and the total. Every sector and total number is a button that
// lists its dossiers.
import { t } from '../../../../shared/i18n/i18n.ts';
import { cellColumns, cellCount, type CellColumn, type Form06Report } from '../../../../shared/report/form06.ts';
import { bodyLines, COLUMN_KEYS } from '../../../../shared/report/sheet.ts';

export interface SelectedCell { rowKey: string | null; column: CellColumn; label: string }

interface Props {
  report: Form06Report;
  selected: SelectedCell | null;
  onSelect: (cell: SelectedCell) => void;
}

export function Form06Table({ report, selected, onSelect }: Props) {
  const isSelected = (key: string | null, column: CellColumn) => selected !== null && selected.rowKey === key && selected.column === column;
  return (
    <div className="form06-scroller">
      <table className="form06">
        <thead>
          <tr>
            <th rowSpan={2} scope="col">{t('report.column.stt')}</th>
            <th rowSpan={2} scope="col">{t('report.column.sector')}</th>
            <th colSpan={4} scope="colgroup">{t('report.column.received')}</th>
            <th colSpan={4} scope="colgroup">{t('report.column.resolved')}</th>
            <th colSpan={3} scope="colgroup">{t('report.column.pending')}</th>
          </tr>
          <tr>{COLUMN_KEYS.slice(2).map((key, i) => <th key={i} scope="col">{t(`report.column.${key}`)}</th>)}</tr>
          <tr className="numbers">{COLUMN_KEYS.map((_, i) => <th key={i} scope="col">({i + 1})</th>)}</tr>
        </thead>
        <tbody>
          {bodyLines(report).map((line, i) => (
            <tr key={line.rowKey ?? `${line.kind}-${i}`} className={line.kind}>
              <td>{line.number}</td>
              <th scope="row">{line.label}</th>
              {cellColumns.map((column, c) => {
                const value = cellCount(line.counts, column);
                const rowKey = line.rowKey;
                if (rowKey === undefined) return <td key={column} className="number">{value}</td>;
                return (
                  <td key={column} className="number">
                    <button
                      type="button"
                      data-cell={`${rowKey ?? 'total'}|${column}`}
                      aria-pressed={isSelected(rowKey, column)}
                      onClick={() => onSelect({ rowKey, column, label: `${line.label} · (${c + 3})` })}
                    >
                      {value}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
