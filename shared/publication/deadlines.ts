// Evaluates one procedure's publication record against the plan's rules: per step the due date,
// the day it was done, and whether it was done on time, late, is still pending or overdue.
// Days late or left are counted in the step's own unit (working days for posting, calendar
// days otherwise), so "3 ngày làm việc" stays comparable with the plan's wording.
import { vietnamCalendar, workingDaysPast, type WorkingCalendar } from '../calendar/calendar.ts';
import type { PublicationDateField, PublicationRecord } from '../schemas/publication.ts';
import { dayNumber, type CalendarDate } from '../time/dates.ts';
import { plan2024Rules } from './plan2024.ts';
import type { Deadline, DayUnit, PublicationRule, PublicationRules } from './rules.ts';

export type StepStatus = 'on_time' | 'late' | 'pending' | 'overdue' | 'not_applicable';

/**
 * What a captured day says about a step nobody marked done. The day is an upper bound (the step was
 * done by then at the latest), not a done date: seen between the step's start and its due date it
 * proves the step on time; seen after the due date, or before the step's start (a procedure published
 * again), it proves nothing and the step keeps its own status, marked "no evidence yet".
 */
export type StepEvidence = 'seenInTime' | 'noEvidenceYet';

export interface StepEvaluation {
  step: string;
  unit: DayUnit;
  /** Null when the step's trigger has not happened (or the step does not apply). */
  due: CalendarDate | null;
  doneOn: CalendarDate | null;
  status: StepStatus;
  /** Days late in the step's unit (late, overdue), else null. */
  late: number | null;
  /** Days left in the step's unit (pending with a due date), else null. */
  left: number | null;
  source: string;
  /** The captured day bounding a step not marked done (e.g. first seen on the provincial list), else null. */
  seenOn: CalendarDate | null;
  evidence: StepEvidence | null;
}

export interface PublicationEvaluation {
  procedureCode: string;
  steps: StepEvaluation[];
}

export interface EvaluationContext {
  today: CalendarDate;
  calendar?: WorkingCalendar;
  rules?: PublicationRules;
  /** Days by which a step was done at the latest, per done field, captured rather than typed. */
  seenBy?: Partial<Record<PublicationDateField, CalendarDate>>;
}

function dueOf(deadline: Deadline, start: CalendarDate, rules: PublicationRules, calendar: WorkingCalendar): CalendarDate {
  const days = deadline.wording === 'before' && rules.beforeReading === 'dayBeforeNth' ? Math.max(deadline.days - 1, 0) : deadline.days;
  return deadline.unit === 'working' ? calendar.addWorkingDays(start, days) : calendar.addCalendarDays(start, days);
}

function stepDue(rule: PublicationRule, record: PublicationRecord, rules: PublicationRules, calendar: WorkingCalendar): CalendarDate | null {
  const dues = rule.deadlines.flatMap((deadline) => {
    const start = record[deadline.from];
    return start ? [dueOf(deadline, start, rules, calendar)] : [];
  });
  if (dues.length === 0) return null;
  dues.sort();
  return (rule.combine === 'earliest' ? dues[0] : dues[dues.length - 1]) ?? null;
}

function daysLate(unit: DayUnit, due: CalendarDate, day: CalendarDate, calendar: WorkingCalendar): number {
  return unit === 'calendar' ? dayNumber(day) - dayNumber(due) : workingDaysPast(calendar, due, day);
}

function daysLeft(unit: DayUnit, today: CalendarDate, due: CalendarDate, calendar: WorkingCalendar): number {
  return unit === 'calendar' ? dayNumber(due) - dayNumber(today) : calendar.workingDaysBetween(today, due);
}

/** The one evidence rule (see StepEvidence): seen on or after every start of the step, and on or before its due date. */
function evidenceOf(seenOn: CalendarDate, due: CalendarDate | null, rule: PublicationRule, record: PublicationRecord): StepEvidence {
  const starts = rule.deadlines.map((deadline) => record[deadline.from]);
  return due !== null && seenOn <= due && starts.every((start) => start === null || seenOn >= start) ? 'seenInTime' : 'noEvidenceYet';
}

function evaluateStep(rule: PublicationRule, record: PublicationRecord, ctx: Required<EvaluationContext>): StepEvaluation {
  const unit = rule.deadlines[0]?.unit ?? 'calendar';
  const doneOn = record[rule.done];
  const due = stepDue(rule, record, ctx.rules, ctx.calendar);
  const seenOn = doneOn === null ? (ctx.seenBy[rule.done] ?? null) : null;
  const evidence = seenOn === null ? null : evidenceOf(seenOn, due, rule, record);
  const base = { step: rule.step, unit, due, doneOn, late: null, left: null, source: rule.source, seenOn, evidence };
  if (evidence === 'seenInTime') return { ...base, status: 'on_time' };
  if (due === null) {
    if (rule.whenTriggerMissing === 'not_applicable') return { ...base, status: 'not_applicable' };
    return { ...base, status: doneOn ? 'on_time' : 'pending' };
  }
  if (doneOn) {
    return doneOn <= due ? { ...base, status: 'on_time' } : { ...base, status: 'late', late: daysLate(unit, due, doneOn, ctx.calendar) };
  }
  if (ctx.today <= due) return { ...base, status: 'pending', left: daysLeft(unit, ctx.today, due, ctx.calendar) };
  return { ...base, status: 'overdue', late: daysLate(unit, due, ctx.today, ctx.calendar) };
}

export function evaluatePublication(record: PublicationRecord, ctx: EvaluationContext): PublicationEvaluation {
  const full = { today: ctx.today, calendar: ctx.calendar ?? vietnamCalendar, rules: ctx.rules ?? plan2024Rules, seenBy: ctx.seenBy ?? {} };
  return { procedureCode: record.procedureCode, steps: full.rules.rules.map((rule) => evaluateStep(rule, record, full)) };
}

/** Late or overdue: done after its due date, or past it and still not done. */
export function isStepLate(step: Pick<StepEvaluation, 'status'>): boolean {
  return step.status === 'late' || step.status === 'overdue';
}

/** Not done and due within `days`, counted in the step's own unit. */
export function isStepDueSoon(step: Pick<StepEvaluation, 'status' | 'left'>, days: number): boolean {
  return step.status === 'pending' && step.left !== null && step.left <= days;
}
