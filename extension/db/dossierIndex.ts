// The index fields a stored dossier carries, derived from it whenever it is written, so the side
// panel counts and pages through dossiers by index instead of reading every one:
//   listAt              the appointment (Vietnam time), or NO_APPOINTMENT: the list's order;
//   openAppointmentAt   the appointment of a dossier whose state depends on today (overdue, due
//                       soon, pending): those states are ranges of this index relative to today;
//   settledState        the state of every other dossier (early, on time, late, unknown…), which
//                       no longer changes with the day;
//   unitKey             the agency code ('' when none: a key cannot be null), for unit scope;
//   openSeenAt          when an unfinished dossier was last seen: the stale list's range.
import { CalendarRangeError } from '../../shared/calendar/calendar.ts';
import { dossierTimeliness, type Timeliness, type TimelinessState } from '../../shared/dossier/timeliness.ts';
import { vietnamDateOf, type CalendarDate } from '../../shared/time/dates.ts';
import type { StoredDossier } from './database.ts';

/** Sorts after every instant: dossiers without an appointment come last in the list. */
export const NO_APPOINTMENT = '~';

/** Every state, in the order the panel shows them. */
export const timelinessStates: readonly TimelinessState[] = ['overdue', 'due_soon', 'pending', 'late', 'on_time', 'early', 'unknown'];

/** The states that move with the day: kept as the open dossiers' appointment range, not stored. */
export const openStates: readonly TimelinessState[] = ['overdue', 'due_soon', 'pending'];

export type IndexFields = 'listAt' | 'openAppointmentAt' | 'settledState' | 'unitKey' | 'openSeenAt';

const undetermined: Timeliness = { state: 'unknown', workingDaysLeft: null, workingDaysLate: null };

/** A date outside the working calendar's years cannot be judged: that one dossier reads as unknown. */
export function judgedTimeliness(dossier: Pick<StoredDossier, 'appointmentAt' | 'returnedAt' | 'acceptedAt'>, ctx: { today: CalendarDate; dueSoonWorkingDays: number }): Timeliness {
  try {
    return dossierTimeliness(dossier, ctx);
  } catch (error) {
    if (error instanceof CalendarRangeError) return undetermined;
    throw error;
  }
}

/**
 * The dossier with its index fields, any earlier ones replaced. Judged as on its own appointment
 * day: a state that depends on the day then reads due soon, every other state is final.
 */
export function withIndexFields(dossier: Omit<StoredDossier, IndexFields>): StoredDossier {
  const { listAt: _l, openAppointmentAt: _o, settledState: _s, unitKey: _u, openSeenAt: _seen, ...rest } = dossier as StoredDossier;
  const row: StoredDossier = { ...rest, unitKey: dossier.agencyCode ?? '', listAt: dossier.appointmentAt ?? NO_APPOINTMENT };
  if (dossier.returnedAt === null) row.openSeenAt = dossier.lastSeenAt;
  const state = dossier.appointmentAt === null ? 'unknown' : judgedTimeliness(dossier, { today: vietnamDateOf(dossier.appointmentAt), dueSoonWorkingDays: 0 }).state;
  if (openStates.includes(state)) row.openAppointmentAt = dossier.appointmentAt!;
  else row.settledState = state;
  return row;
}
