// What the dossier list shows of the dossiers read (a page, or a bounded set: dossierPages.ts):
// each with its timeliness (paused and closed by the unit's phase rules), filtered and sorted.
import type { Timeliness, TimelinessContext } from '../../../../shared/dossier/timeliness.ts';
import type { CalendarDate } from '../../../../shared/time/dates.ts';
import type { StoredDossier } from '../../../db/database.ts';
import { judgedTimeliness, timelinessStates } from '../../../db/dossierIndex.ts';
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

export { timelinessStates };

type RowContext = TimelinessContext & { today: CalendarDate; dueSoonWorkingDays: number };

export function dossierRows(dossiers: readonly StoredDossier[], ctx: RowContext): DossierRow[] {
  return dossiers.map((dossier) => ({
    dossier,
    timeliness: judgedTimeliness(dossier, ctx),
    appointmentMs: dossier.appointmentAt === null ? null : Date.parse(dossier.appointmentAt),
  }));
}

/** Dossier codes are compared without case or surrounding spaces: officers type them by hand. */
export function codeMatcher(query: string): (code: string) => boolean {
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

/** Whether a row passes every filter (the list's order aside). */
export function filterMatcher(filter: DossierFilter, unit: UnitSettings): (row: DossierRow) => boolean {
  const matchesCode = codeMatcher(filter.codeQuery);
  return (row) =>
    (filter.state === 'all' || row.timeliness.state === filter.state) &&
    (!filter.unitOnly || isOfUnit(row.dossier, unit)) &&
    (filter.procedureCode === '' || row.dossier.procedureCode === filter.procedureCode) &&
    (filter.agency === '' || row.dossier.agency === filter.agency) &&
    matchesCode(row.dossier.code);
}

export function filterDossiers(rows: readonly DossierRow[], filter: DossierFilter, unit: UnitSettings): DossierRow[] {
  return rows.filter(filterMatcher(filter, unit)).sort(byAppointment(filter.sort === 'appointmentAsc' ? 1 : -1));
}

export interface FilterChoices {
  procedures: { code: string; name: string }[];
  agencies: string[];
}
