// What the dossier list shows: each stored dossier with its timeliness, then filtered, sorted and
// counted in memory. Timeliness is computed once per dossier per day (not per keystroke), so a
// filter change over 20,000 dossiers is one pass over plain objects.
import { CalendarRangeError } from '../../../../shared/calendar/calendar.ts';
import { dossierTimeliness, type Timeliness, type TimelinessContext } from '../../../../shared/dossier/timeliness.ts';
import type { CalendarDate } from '../../../../shared/time/dates.ts';
import type { StoredDossier } from '../../../db/database.ts';
import { isOfUnit, type Settings } from '../../../db/settings.ts';

export type TimelinessState = Timeliness['state'];

export interface DossierRow {
  dossier: StoredDossier;
  timeliness: Timeliness;
  /** Epoch milliseconds of the appointment, for sorting; null when there is none. */
  appointmentMs: number | null;
}

export type StateFilter = 'all' | TimelinessState;

export interface DossierFilter {
  state: StateFilter;
  procedureCode: string;
  agency: string;
  codeQuery: string;
  /** Only the dossiers of the officer's unit (settings), when one is set: the default; the switch shows all. */
  unitOnly: boolean;
  sort: 'appointmentAsc' | 'appointmentDesc';
}

export type UnitSettings = Pick<Settings, 'unit'>;

export const emptyFilter: DossierFilter = { state: 'all', procedureCode: '', agency: '', codeQuery: '', unitOnly: true, sort: 'appointmentAsc' };

/** Paused and closed dossiers are counted apart, after those whose clock runs. */
export const timelinessStates: readonly TimelinessState[] = ['overdue', 'due_soon', 'pending', 'late', 'on_time', 'early', 'unknown', 'paused', 'closed'];

const undetermined: Timeliness = { state: 'unknown', workingDaysLeft: null, workingDaysLate: null };

/** A date outside the working calendar's years cannot be judged: that one dossier reads as unknown. */
type RowContext = TimelinessContext & { today: CalendarDate; dueSoonWorkingDays: number };

function judged(dossier: StoredDossier, ctx: RowContext): Timeliness {
  try {
    return dossierTimeliness(dossier, ctx);
  } catch (error) {
    if (error instanceof CalendarRangeError) return undetermined;
    throw error;
  }
}

export function dossierRows(dossiers: readonly StoredDossier[], ctx: RowContext): DossierRow[] {
  return dossiers.map((dossier) => ({
    dossier,
    timeliness: judged(dossier, ctx),
    appointmentMs: dossier.appointmentAt === null ? null : Date.parse(dossier.appointmentAt),
  }));
}

/** Dossier codes are compared without case or surrounding spaces: officers type them by hand. */
function codeMatcher(query: string): (code: string) => boolean {
  const needle = query.trim().toLowerCase();
  if (needle === '') return () => true;
  return (code) => code.toLowerCase().includes(needle);
}

function byAppointment(direction: 1 | -1) {
  return (a: DossierRow, b: DossierRow): number => {
    if (a.appointmentMs === b.appointmentMs) return a.dossier.code.localeCompare(b.dossier.code);
    // Dossiers without an appointment go last whichever way the list is sorted.
    if (a.appointmentMs === null) return 1;
    if (b.appointmentMs === null) return -1;
    return direction * (a.appointmentMs - b.appointmentMs);
  };
}

export function filterDossiers(rows: readonly DossierRow[], filter: DossierFilter, unit: UnitSettings): DossierRow[] {
  const matchesCode = codeMatcher(filter.codeQuery);
  const selected = rows.filter(
    (row) =>
      (filter.state === 'all' || row.timeliness.state === filter.state) &&
      (!filter.unitOnly || isOfUnit(row.dossier, unit)) &&
      (filter.procedureCode === '' || row.dossier.procedureCode === filter.procedureCode) &&
      (filter.agency === '' || row.dossier.agency === filter.agency) &&
      matchesCode(row.dossier.code),
  );
  return selected.sort(byAppointment(filter.sort === 'appointmentAsc' ? 1 : -1));
}

export function countByState(rows: readonly DossierRow[]): Record<TimelinessState, number> {
  const counts = Object.fromEntries(timelinessStates.map((state) => [state, 0])) as Record<TimelinessState, number>;
  for (const row of rows) counts[row.timeliness.state] += 1;
  return counts;
}

export interface FilterChoices {
  procedures: { code: string; name: string }[];
  agencies: string[];
}

/** The procedures and agencies present among the dossiers, for the filter menus. */
export function filterChoices(dossiers: readonly StoredDossier[]): FilterChoices {
  const procedures = new Map<string, string>();
  const agencies = new Set<string>();
  for (const dossier of dossiers) {
    if (dossier.procedureCode !== null && !procedures.has(dossier.procedureCode)) procedures.set(dossier.procedureCode, dossier.procedureName ?? '');
    if (dossier.agency !== null) agencies.add(dossier.agency);
  }
  return {
    procedures: [...procedures].map(([code, name]) => ({ code, name })).sort((a, b) => a.code.localeCompare(b.code)),
    agencies: [...agencies].sort((a, b) => a.localeCompare(b, 'vi')),
  };
}
