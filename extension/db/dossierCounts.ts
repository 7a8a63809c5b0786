// The dossier counts per timeliness state, from the tallies the background keeps with each write
// (dossierIndex.ts): a settled state is read as counted, an open dossier's state from its
// appointment day relative to today, so a new day needs no rewrite. A few hundred small rows are
// read, never the dossiers (an IndexedDB count walks its range: 300 ms for 66,000 entries).
import { vietnamCalendar } from '../../shared/calendar/calendar.ts';
import type { TimelinessState } from '../../shared/dossier/timeliness.ts';
import type { CalendarDate } from '../../shared/time/dates.ts';
import type { TthcDatabase } from './database.ts';
import { NO_APPOINTMENT, timelinessStates, unitTallyEntries, type DossierTally } from './dossierIndex.ts';

export interface CountScope {
  today: CalendarDate;
  dueSoonWorkingDays: number;
  /** The unit's agency codes; null counts every dossier. */
  unitCodes: readonly string[] | null;
}

/** The first day past the due-soon threshold: the (threshold + 1)-th working day after today (shared/dossier/timeliness.ts). */
function pendingFrom(today: CalendarDate, dueSoonWorkingDays: number): CalendarDate {
  return vietnamCalendar.addWorkingDays(today, dueSoonWorkingDays + 1);
}

/** The appointment range [from, to) of each open state, as the listAt index's Vietnam-time instants. */
export function openStateRanges(today: CalendarDate, dueSoonWorkingDays: number): Partial<Record<TimelinessState, [string, string]>> {
  const start = `${today}T00:00:00+07:00`;
  const bound = `${pendingFrom(today, dueSoonWorkingDays)}T00:00:00+07:00`;
  return { overdue: ['', start], due_soon: [start, bound], pending: [bound, NO_APPOINTMENT] };
}

/** The state an open dossier due on `day` is in today. */
function openState(day: CalendarDate, today: CalendarDate, pending: CalendarDate): TimelinessState {
  if (day < today) return 'overdue';
  return day < pending ? 'due_soon' : 'pending';
}

/** Counts per state of the tallies given (already read). */
export function countsFromTallies(tallies: readonly DossierTally[], scope: CountScope): Record<TimelinessState, number> {
  const counts = Object.fromEntries(timelinessStates.map((state) => [state, 0])) as Record<TimelinessState, number>;
  const pending = pendingFrom(scope.today, scope.dueSoonWorkingDays);
  const inScope = scope.unitCodes === null ? () => true : (unitKey: string) => scope.unitCodes!.includes(unitKey);
  for (const tally of tallies) {
    if (!inScope(tally.unitKey)) continue;
    const [kind, value] = [tally.key.slice(0, tally.key.indexOf(':')), tally.key.slice(tally.key.indexOf(':') + 1)];
    if (kind === 'open') counts[openState(value, scope.today, pending)] += tally.count;
    else if (kind === 'state' && value in counts) counts[value as TimelinessState] += tally.count;
  }
  return counts;
}

/** The scope's state and appointment-day tallies: every agency code's, or those of the unit's codes. */
export async function readTallies(db: TthcDatabase, unitCodes: readonly string[] | null): Promise<DossierTally[]> {
  const rows = unitCodes === null ? await db.unitTallies.toArray() : await db.unitTallies.bulkGet([...unitCodes]);
  return rows.flatMap((row) => (row ? unitTallyEntries(row) : []));
}

export async function countDossiersByState(db: TthcDatabase, scope: CountScope): Promise<Record<TimelinessState, number>> {
  return countsFromTallies(await readTallies(db, scope.unitCodes), scope);
}
