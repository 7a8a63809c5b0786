// Where one dossier falls in Biểu 06 for a window: which "received" column, and whether it was
// resolved in the window (early / on time / late) or still pending at its end (in time / overdue).
// Every day is a Vietnam calendar date (vietnamDayNumber), never a cut timestamp string.
//   finish      completion date, else return date (setting `finishOn`); a dossier ended without a
//               result (`closed`) finishes the day that status was first seen.
//   left out    accepted after `to`; finished before `from` (not in this period at all); no
//               accepted date (counted in the notes).
//   received    accepted before `from` and not finished before it: carried over (Từ kỳ trước);
//               accepted in the window: online, or direct (postal counts with direct).
//   resolved    finished in the window: before the appointment's date early, on it on time, after
//               it late; a closed dossier counts on time (setting `closedCountsAs`).
//   pending     not finished by `to`: in time when the appointment's date is on or after `to`, or
//               the dossier is paused (setting `pausedCountsAs`); overdue otherwise.
import { dayNumber, vietnamDayNumber } from '../time/dates.ts';
import type { ReportWindow } from './period.ts';
import type { ReportDossier } from './input.ts';

/** Readings a province may take differently; the defaults are the usual convention. */
export interface ReportOptions {
  /** 'completion' (default): completion date, else return date. 'return': the return date only. */
  finishOn: 'completion' | 'return';
  /** A dossier closed without a result: 'onTime' (default, the convention) or judged like any other ('byAppointment'). */
  closedCountsAs: 'onTime' | 'byAppointment';
  /** A paused dossier still open at `to`: 'inTime' (default: supplement waits count as in time) or 'byAppointment'. */
  pausedCountsAs: 'inTime' | 'byAppointment';
  /** A dossier received with no known channel: counted as 'direct' (default) or 'online'; always noted. */
  unknownChannelAs: 'direct' | 'online';
  /** A dossier without an appointment: 'inTime' (default: resolved on time, pending in time) or 'late'; always noted. */
  withoutAppointment: 'inTime' | 'late';
}

export const defaultReportOptions: ReportOptions = {
  finishOn: 'completion',
  closedCountsAs: 'onTime',
  pausedCountsAs: 'inTime',
  unknownChannelAs: 'direct',
  withoutAppointment: 'inTime',
};

export type ReceivedColumn = 'online' | 'direct' | 'carriedOver';
export type ResolvedColumn = 'early' | 'onTime' | 'late';
export type PendingColumn = 'inTime' | 'overdue';

/** Why a dossier the report saw is noted: left out, or counted by a setting rather than by its data. */
export type NoteKind = 'noAcceptedDate' | 'closedWithoutDate' | 'unknownChannel' | 'noAppointment' | 'finishBeforeAcceptance';

export type Placement =
  | { in: false; note: NoteKind | null }
  | {
    in: true;
    received: ReceivedColumn;
    resolved: ResolvedColumn | null;
    pending: PendingColumn | null;
    notes: NoteKind[];
  };

const outside: Placement = { in: false, note: null };

/** Days are compared as day numbers (vietnamDayNumber): the report reads every date of every dossier. */
type Day = number;

function dayOf(at: string | null): Day | null {
  return at === null ? null : vietnamDayNumber(at);
}

interface DossierDays { accepted: Day | null; appointment: Day | null; completed: Day | null; returned: Day | null; closedSeen: Day | null }

/**
 * Each dossier's days, read once: the side panel places the same dossiers again for every period,
 * every month of the charts and every drill-down. Report dossiers are values, never changed in place.
 */
const daysRead = new WeakMap<ReportDossier, DossierDays>();

export function daysOf(dossier: ReportDossier): DossierDays {
  let days = daysRead.get(dossier);
  if (days === undefined) {
    days = {
      accepted: dayOf(dossier.acceptedAt),
      appointment: dayOf(dossier.appointmentAt),
      completed: dayOf(dossier.completedAt),
      returned: dayOf(dossier.returnedAt),
      closedSeen: dayOf(dossier.closedSeenAt),
    };
    daysRead.set(dossier, days);
  }
  return days;
}

/** The finish day, or undefined for a closed dossier whose end was never seen. */
export function finishDay(dossier: ReportDossier, options: ReportOptions): Day | null | undefined {
  const days = daysOf(dossier);
  if (dossier.phase === 'closed') return days.closedSeen ?? days.completed ?? days.returned ?? undefined;
  return options.finishOn === 'completion' ? (days.completed ?? days.returned) : days.returned;
}

function resolvedColumn(dossier: ReportDossier, finish: Day, appointment: Day | null, options: ReportOptions): ResolvedColumn {
  if (dossier.phase === 'closed' && options.closedCountsAs === 'onTime') return 'onTime';
  if (appointment === null) return options.withoutAppointment === 'inTime' ? 'onTime' : 'late';
  if (finish < appointment) return 'early';
  return finish === appointment ? 'onTime' : 'late';
}

function pendingColumn(dossier: ReportDossier, to: Day, appointment: Day | null, options: ReportOptions): PendingColumn {
  if (dossier.phase === 'paused' && options.pausedCountsAs === 'inTime') return 'inTime';
  if (appointment === null) return options.withoutAppointment === 'inTime' ? 'inTime' : 'overdue';
  return appointment >= to ? 'inTime' : 'overdue';
}

export function placeDossier(dossier: ReportDossier, window: ReportWindow, options: ReportOptions = defaultReportOptions): Placement {
  return placeInDays(dossier, dayNumber(window.from), dayNumber(window.to), options);
}

/** A window's bounds as day numbers, for placing many dossiers in one window. */
export function windowDays(window: ReportWindow): { from: Day; to: Day } {
  return { from: dayNumber(window.from), to: dayNumber(window.to) };
}

export function placeInDays(dossier: ReportDossier, from: Day, to: Day, options: ReportOptions = defaultReportOptions): Placement {
  const { accepted, appointment } = daysOf(dossier);
  if (accepted === null) return { in: false, note: 'noAcceptedDate' };
  if (accepted > to) return outside;
  const rawFinish = finishDay(dossier, options);
  if (rawFinish === undefined) return { in: false, note: 'closedWithoutDate' };
  const notes: NoteKind[] = [];
  // A finish recorded before the acceptance is a data slip: the dossier cannot end before it starts.
  let finish = rawFinish;
  if (finish !== null && finish < accepted) {
    notes.push('finishBeforeAcceptance');
    finish = accepted;
  }
  if (accepted < from && finish !== null && finish < from) return outside;
  let received: ReceivedColumn;
  if (accepted < from) received = 'carriedOver';
  else if (dossier.channel === 'online') received = 'online';
  else if (dossier.channel === 'unknown') {
    notes.push('unknownChannel');
    received = options.unknownChannelAs;
  } else received = 'direct';
  if (appointment === null && !(dossier.phase === 'closed' && options.closedCountsAs === 'onTime')) notes.push('noAppointment');
  if (finish !== null && finish <= to) {
    return { in: true, received, resolved: resolvedColumn(dossier, finish, appointment, options), pending: null, notes };
  }
  return { in: true, received, resolved: null, pending: pendingColumn(dossier, to, appointment, options), notes };
}
