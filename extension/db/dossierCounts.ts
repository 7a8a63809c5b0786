// The dossier counts per timeliness state, from index counts only (dossierIndex.ts): a settled
// state is counted as stored, an open one as a range of the open dossiers' appointments relative
// to today. No dossier is read, so the cost does not grow with what each dossier holds, and a new
// day needs no rewrite. With a unit, each of its agency codes is counted apart and summed.
import Dexie from 'dexie';
import { vietnamCalendar } from '../../shared/calendar/calendar.ts';
import type { TimelinessState } from '../../shared/dossier/timeliness.ts';
import type { CalendarDate } from '../../shared/time/dates.ts';
import type { TthcDatabase } from './database.ts';
import { NO_APPOINTMENT, timelinessStates } from './dossierIndex.ts';

export interface CountScope {
  today: CalendarDate;
  dueSoonWorkingDays: number;
  /** The unit's agency codes; null counts every dossier. */
  unitCodes: readonly string[] | null;
}

/**
 * The appointment range [from, to) of each open state, as the index's Vietnam-time instants: due
 * soon runs up to the (threshold + 1)-th working day after today (shared/dossier/timeliness.ts).
 */
export function openStateRanges(today: CalendarDate, dueSoonWorkingDays: number): Partial<Record<TimelinessState, [string, string]>> {
  const start = `${today}T00:00:00+07:00`;
  const bound = `${vietnamCalendar.addWorkingDays(today, dueSoonWorkingDays + 1)}T00:00:00+07:00`;
  return { overdue: ['', start], due_soon: [start, bound], pending: [bound, NO_APPOINTMENT] };
}

function countState(db: TthcDatabase, state: TimelinessState, ranges: Partial<Record<TimelinessState, [string, string]>>, code: string | null): Promise<number> {
  const range = ranges[state];
  if (range) {
    const [from, to] = range;
    return code === null
      ? db.dossiers.where('openAppointmentAt').between(from, to).count()
      : db.dossiers.where('[unitKey+openAppointmentAt]').between([code, from], [code, to]).count();
  }
  return code === null
    ? db.dossiers.where('[settledState+unitKey]').between([state, Dexie.minKey], [state, Dexie.maxKey]).count()
    : db.dossiers.where('[settledState+unitKey]').equals([state, code]).count();
}

/** The count of each of `states` (every state by default) in one read transaction. */
export async function countDossiersByState(db: TthcDatabase, scope: CountScope, states: readonly TimelinessState[] = timelinessStates): Promise<Record<TimelinessState, number>> {
  const ranges = openStateRanges(scope.today, scope.dueSoonWorkingDays);
  const codes = scope.unitCodes ?? [null];
  const counts = await db.transaction('r', db.dossiers, () =>
    Promise.all(states.map(async (state) => {
      const perCode = await Promise.all(codes.map((code) => countState(db, state, ranges, code)));
      return [state, perCode.reduce((sum, n) => sum + n, 0)] as const;
    })),
  );
  return Object.fromEntries(counts) as Record<TimelinessState, number>;
}
