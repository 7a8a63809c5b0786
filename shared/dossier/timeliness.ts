// Where a dossier stands against its appointment (ngày hẹn trả). Every instant is read as a
// calendar day in Vietnam (UTC+7), and the comparison is by day: the portal promises a day, and
// Civil Code art. 148 lets a period run to 24:00 of its last day.
//   finished:  returned on an earlier day than the appointment day → early (sớm hạn);
//              on the appointment day → on_time (đúng hạn); on a later day → late (trễ hạn).
//   unfinished: workingDaysLeft = working days after today up to and including the appointment
//              day (0 on the appointment day itself); at most `dueSoonWorkingDays` (default 2)
//              → due_soon (sắp đến hạn), more → pending (còn hạn); past the day → overdue (quá hạn).
// Days late are working days after the appointment day up to the return day (or today), at
// least 1: a Saturday return after a Friday appointment is late, by one working day.
// A dossier is finished when its result was ready (`completedAt`), else when it was handed back
// (`returnedAt`): the officer's work ends with the result, the applicant may collect it later.
// Before any date, the phase (phase.ts): closed → 'closed' (ended without a result, never late);
// paused and unfinished → 'paused' (the clock waits; the portal moves the appointment on resuming).
import { vietnamCalendar, workingDaysPast, type WorkingCalendar } from '../calendar/calendar.ts';
import type { Site } from '../schemas/dossier.ts';
import { vietnamDateOf, type CalendarDate } from '../time/dates.ts';
import { dossierPhase, type PhaseRules } from './phase.ts';

export type TimelinessState = 'early' | 'on_time' | 'late' | 'pending' | 'due_soon' | 'overdue' | 'paused' | 'closed' | 'unknown';

export interface Timeliness {
  state: TimelinessState;
  workingDaysLeft: number | null;
  workingDaysLate: number | null;
}

export interface DossierDates {
  acceptedAt: string | null;
  appointmentAt: string | null;
  returnedAt: string | null;
  /** Absent on records stored before it existed: read as unknown (null). */
  completedAt?: string | null;
  /** The status names the phase is read from; without them a dossier is active. */
  status?: string | null;
  stepStatus?: string | null;
  site?: Site;
}

export interface TimelinessContext {
  today: CalendarDate;
  calendar?: WorkingCalendar;
  dueSoonWorkingDays?: number;
  /** Which status names pause or close a dossier (phase.ts `withUnitNames`); the defaults when absent. */
  phaseRules?: PhaseRules;
}

export const DEFAULT_DUE_SOON_WORKING_DAYS = 2;

const stateOnly = (state: TimelinessState): Timeliness => ({ state, workingDaysLeft: null, workingDaysLate: null });

export function dossierTimeliness(dossier: DossierDates, ctx: TimelinessContext): Timeliness {
  const phase = dossierPhase({ status: dossier.status ?? null, stepStatus: dossier.stepStatus, site: dossier.site }, ctx.phaseRules);
  if (phase === 'closed') return stateOnly('closed');
  const finishedAt = dossier.completedAt ?? dossier.returnedAt;
  if (phase === 'paused' && !finishedAt) return stateOnly('paused');
  if (!dossier.appointmentAt) return stateOnly('unknown');
  const calendar = ctx.calendar ?? vietnamCalendar;
  const appointment = vietnamDateOf(dossier.appointmentAt);
  if (finishedAt) {
    const returned = vietnamDateOf(finishedAt);
    if (returned < appointment) return { state: 'early', workingDaysLeft: null, workingDaysLate: null };
    if (returned === appointment) return { state: 'on_time', workingDaysLeft: null, workingDaysLate: null };
    return { state: 'late', workingDaysLeft: null, workingDaysLate: workingDaysPast(calendar, appointment, returned) };
  }
  if (ctx.today > appointment) {
    return { state: 'overdue', workingDaysLeft: null, workingDaysLate: workingDaysPast(calendar, appointment, ctx.today) };
  }
  const left = calendar.workingDaysBetween(ctx.today, appointment);
  const dueSoon = left <= (ctx.dueSoonWorkingDays ?? DEFAULT_DUE_SOON_WORKING_DAYS);
  return { state: dueSoon ? 'due_soon' : 'pending', workingDaysLeft: left, workingDaysLate: null };
}

export type AppointmentFlag =
  | { reason: 'not_working_day'; appointment: CalendarDate }
  | { reason: 'differs_from_processing_time'; appointment: CalendarDate; expected: CalendarDate };

/**
 * iGate's appointment already applies the portal's own calendar: we judge against it, but flag
 * one our calendar disagrees with (../shared/domain.md) so the officer can check it. With the procedure's
 * processing time in working days, the expected day is that many working days after acceptance.
 */
export function appointmentFlag(
  dossier: Pick<DossierDates, 'acceptedAt' | 'appointmentAt'>,
  opts: { calendar?: WorkingCalendar; processingWorkingDays?: number } = {},
): AppointmentFlag | null {
  if (!dossier.appointmentAt) return null;
  const calendar = opts.calendar ?? vietnamCalendar;
  const appointment = vietnamDateOf(dossier.appointmentAt);
  if (!calendar.isWorkingDay(appointment)) return { reason: 'not_working_day', appointment };
  if (opts.processingWorkingDays === undefined || !dossier.acceptedAt) return null;
  const expected = calendar.addWorkingDays(vietnamDateOf(dossier.acceptedAt), opts.processingWorkingDays);
  return expected === appointment ? null : { reason: 'differs_from_processing_time', appointment, expected };
}
