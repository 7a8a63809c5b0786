// An estimate of the "Tiến độ giải quyết" group of the Decision 766/QĐ-TTg index (20 of 100
// points): 20 × (dossiers finished on time or still within their deadline) ÷ (dossiers received or
// handled in the period). A dossier's end is the first of done, returned, stopped/refused,
// withdrawn; an open one takes the period's last day. Time waiting for a supplement is not
// counted: the portal moves the appointment when work resumes, so a dossier is judged against its
// appointment, and a paused one is within its deadline. More than one supplement request makes a
// dossier late. The national portal's own computation is not published in full: an estimate.
import { fromDayNumber, type CalendarDate } from '../time/dates.ts';
import type { ReportDossier } from './input.ts';
import type { ReportWindow } from './period.ts';
import { daysOf, defaultReportOptions, finishDay, placeInDays, windowDays, type ReportOptions } from './placement.ts';

export const PROGRESS_766_POINTS = 20;

/** Why a dossier costs points: finished late, still open past its appointment, or asked for a supplement more than once. */
export type CostReason = 'late' | 'overdue' | 'supplements';

export interface PointCost {
  code: string;
  reason: CostReason;
  appointmentOn: CalendarDate | null;
  /** Calendar days from the appointment to the dossier's end (its finish, or the period's last day); 0 when not late by date. */
  daysLate: number;
}

export interface Progress766Estimate {
  /** Out of 20, to hundredths; null when no dossier was received or handled in the period. */
  points: number | null;
  /** On time or still within the deadline. */
  onTime: number;
  /** Received or handled in the period. */
  basis: number;
  /** The dossiers that cost points: late ones first, then repeated supplements, then open overdue ones; most days late first. */
  costs: PointCost[];
}

const reasonOrder: Record<CostReason, number> = { late: 0, supplements: 1, overdue: 2 };

/** The finish when the dossier ended in the window, else the window's last day. */
function endDay(dossier: ReportDossier, to: number, resolved: boolean, options: ReportOptions): number {
  return resolved ? (finishDay(dossier, options) ?? to) : to;
}

export function estimateProgress766(dossiers: Iterable<ReportDossier>, window: ReportWindow, options: ReportOptions = defaultReportOptions): Progress766Estimate {
  const days = windowDays(window);
  let basis = 0;
  const costs: PointCost[] = [];
  for (const dossier of dossiers) {
    const placement = placeInDays(dossier, days.from, days.to, options);
    if (!placement.in) continue;
    basis += 1;
    const reason: CostReason | null = placement.resolved === 'late' ? 'late'
      : placement.pending === 'overdue' ? 'overdue'
        : (dossier.supplementRequests ?? 0) > 1 ? 'supplements' : null;
    if (reason === null) continue;
    const { appointment } = daysOf(dossier);
    const end = endDay(dossier, days.to, placement.resolved !== null, options);
    costs.push({ code: dossier.code, reason, appointmentOn: appointment === null ? null : fromDayNumber(appointment), daysLate: appointment === null ? 0 : Math.max(0, end - appointment) });
  }
  costs.sort((a, b) => reasonOrder[a.reason] - reasonOrder[b.reason] || b.daysLate - a.daysLate || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const onTime = basis - costs.length;
  return { points: basis === 0 ? null : Math.round((PROGRESS_766_POINTS * onTime * 100) / basis) / 100, onTime, basis, costs };
}
