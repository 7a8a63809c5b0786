// Biểu 06/VPCP/KSTT (Thông tư 01/2020/TT-VPCP): one row per lĩnh vực, grouped by the agency's
// level where the portal names it, then the total. Columns (3) = (4)+(5)+(6), (7) = (8)+(9)+(10),
// (11) = (12)+(13) hold by construction, and (3) = (7)+(11) because every dossier counted as
// received is either resolved in the window or pending at its end (placement.ts).
import type { ReportDossier } from './input.ts';
import type { ReportWindow } from './period.ts';
import { defaultReportOptions, placeInDays, windowDays, type NoteKind, type PendingColumn, type ReceivedColumn, type ReportOptions, type ResolvedColumn } from './placement.ts';

/** Sở/ban/ngành, UBND cấp huyện, UBND cấp xã. */
export type ReportLevel = 'department' | 'district' | 'commune';
export const reportLevels: readonly ReportLevel[] = ['department', 'district', 'commune'];

export interface Counts {
  received: { total: number; online: number; direct: number; carriedOver: number };
  resolved: { total: number; early: number; onTime: number; late: number };
  pending: { total: number; inTime: number; overdue: number };
}

export interface ReportRow extends Counts {
  /** Identifies the row for a drill-down: level and sector. */
  key: string;
  /** The sector's name, else its code; null when the portal gave neither. */
  sector: string | null;
  level: ReportLevel | null;
}

export type ReportNotes = Record<NoteKind, number>;

export interface Form06Report {
  window: ReportWindow;
  rows: ReportRow[];
  total: Counts;
  notes: ReportNotes;
  /** Dossiers the table counts. */
  counted: number;
  /** Dossiers left out for missing data (no accepted date, closed on an unseen day). */
  leftOut: number;
}

/**
 * The level a portal's level name means. "Thị xã" and "quận" are district-level towns, so they are
 * matched before the commune words; "tỉnh", "sở", "ban", "ngành" mean a provincial department.
 */
const levelsByName = new Map<string, ReportLevel | null>();

export function reportLevelOf(agencyLevel: string | null): ReportLevel | null {
  if (agencyLevel === null) return null;
  // A portal has a handful of level names and the report reads one per dossier: each is read once.
  let level = levelsByName.get(agencyLevel);
  if (level === undefined) {
    level = readLevel(agencyLevel);
    levelsByName.set(agencyLevel, level);
  }
  return level;
}

function readLevel(agencyLevel: string): ReportLevel | null {
  const name = agencyLevel.normalize('NFC').toLowerCase();
  if (/huyện|quận|thị xã|thành phố thuộc tỉnh/.test(name)) return 'district';
  if (/xã|phường|thị trấn/.test(name)) return 'commune';
  if (/sở|ban|ngành|tỉnh/.test(name)) return 'department';
  return null;
}

export function rowKeyOf(dossier: Pick<ReportDossier, 'sectorCode' | 'sectorName' | 'agencyLevel'>): string {
  return `${reportLevelOf(dossier.agencyLevel) ?? '-'}|${dossier.sectorCode ?? dossier.sectorName ?? ''}`;
}

export function emptyCounts(): Counts {
  return {
    received: { total: 0, online: 0, direct: 0, carriedOver: 0 },
    resolved: { total: 0, early: 0, onTime: 0, late: 0 },
    pending: { total: 0, inTime: 0, overdue: 0 },
  };
}

function emptyNotes(): ReportNotes {
  return { noAcceptedDate: 0, closedWithoutDate: 0, unknownChannel: 0, noAppointment: 0, finishBeforeAcceptance: 0 };
}

function add(counts: Counts, received: ReceivedColumn, resolved: ResolvedColumn | null, pending: PendingColumn | null): void {
  counts.received.total += 1;
  counts.received[received] += 1;
  if (resolved !== null) {
    counts.resolved.total += 1;
    counts.resolved[resolved] += 1;
  }
  if (pending !== null) {
    counts.pending.total += 1;
    counts.pending[pending] += 1;
  }
}

const levelOrder = (level: ReportLevel | null) => (level === null ? reportLevels.length : reportLevels.indexOf(level));

/** Rows by level (known levels first, in the form's order), then by sector name; the unnamed sector last. */
function compareRows(a: ReportRow, b: ReportRow): number {
  return levelOrder(a.level) - levelOrder(b.level)
    || Number(a.sector === null) - Number(b.sector === null)
    || (a.sector ?? '').localeCompare(b.sector ?? '', 'vi');
}

export function buildForm06(dossiers: Iterable<ReportDossier>, window: ReportWindow, options: ReportOptions = defaultReportOptions): Form06Report {
  const days = windowDays(window);
  const rows = new Map<string, ReportRow>();
  const total = emptyCounts();
  const notes = emptyNotes();
  let counted = 0;
  let leftOut = 0;
  for (const dossier of dossiers) {
    const placement = placeInDays(dossier, days.from, days.to, options);
    if (!placement.in) {
      if (placement.note !== null) {
        notes[placement.note] += 1;
        leftOut += 1;
      }
      continue;
    }
    for (const note of placement.notes) notes[note] += 1;
    const key = rowKeyOf(dossier);
    let row = rows.get(key);
    if (row === undefined) {
      row = { key, sector: dossier.sectorName ?? dossier.sectorCode, level: reportLevelOf(dossier.agencyLevel), ...emptyCounts() };
      rows.set(key, row);
    }
    add(row, placement.received, placement.resolved, placement.pending);
    add(total, placement.received, placement.resolved, placement.pending);
    counted += 1;
  }
  return { window, rows: [...rows.values()].sort(compareRows), total, notes, counted, leftOut };
}

/** A cell of the table: a row key (null for the total row) and a column of the form. */
export type CellColumn =
  | 'received.total' | 'received.online' | 'received.direct' | 'received.carriedOver'
  | 'resolved.total' | 'resolved.early' | 'resolved.onTime' | 'resolved.late'
  | 'pending.total' | 'pending.inTime' | 'pending.overdue';

export const cellColumns: readonly CellColumn[] = [
  'received.total', 'received.online', 'received.direct', 'received.carriedOver',
  'resolved.total', 'resolved.early', 'resolved.onTime', 'resolved.late',
  'pending.total', 'pending.inTime', 'pending.overdue',
];

/** The dossiers one cell counts, in input order: what a click on the cell lists. */
export function cellDossiers<D extends ReportDossier>(
  dossiers: Iterable<D>,
  window: ReportWindow,
  cell: { rowKey: string | null; column: CellColumn },
  options: ReportOptions = defaultReportOptions,
): D[] {
  const [group, part] = cell.column.split('.') as ['received' | 'resolved' | 'pending', string];
  const days = windowDays(window);
  const found: D[] = [];
  for (const dossier of dossiers) {
    if (cell.rowKey !== null && rowKeyOf(dossier) !== cell.rowKey) continue;
    const placement = placeInDays(dossier, days.from, days.to, options);
    if (!placement.in) continue;
    const value = group === 'received' ? placement.received : placement[group];
    if (value !== null && (part === 'total' || value === part)) found.push(dossier);
  }
  return found;
}

/** A cell's count read from the report, so the table and the drill-down can be checked against each other. */
export function cellCount(counts: Counts, column: CellColumn): number {
  const [group, part] = column.split('.') as [keyof Counts, string];
  return (counts[group] as Record<string, number>)[part] ?? 0;
}
