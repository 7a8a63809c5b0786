// Computes a plan's rates for a period. A rate whose basis is a kind of record is counted from
// the records the extension keeps (dossiers, publication evaluations) when they hold any case
// for the period; otherwise, and for the rates no record can give, from the figures the officer
// entered for that period.
import { z } from 'zod';
import { dossierTimeliness } from '../dossier/timeliness.ts';
import { isStepLate, type PublicationEvaluation } from '../publication/deadlines.ts';
import { channelSchema } from '../schemas/dossier.ts';
import type { IndicatorFigure, Period } from '../schemas/indicator.ts';
import { normalizePortalInstant, vietnamDateOf, type CalendarDate } from '../time/dates.ts';
import { periodContains } from './period.ts';
import type { IndicatorDefinition, IndicatorPlan, RateBasis } from './plan.ts';
import { unitTarget } from './target.ts';

/** Portal timestamps ("…+0700", "…Z") are read as instants; an unreadable one fails validation. */
const instant = z
  .preprocess((v) => (v === undefined || v === null || v === '' ? null : (normalizePortalInstant(v) ?? v)), z.iso.datetime({ offset: true }).nullable())
  .default(null);

/** The part of a dossier the rates need; a full stored dossier parses too. */
export const indicatorDossierSchema = z.object({
  code: z.string().min(1),
  acceptedAt: instant,
  appointmentAt: instant,
  returnedAt: instant,
  channel: channelSchema.default('unknown'),
  paidOnline: z.boolean().nullable().default(null),
});
export type IndicatorDossier = z.infer<typeof indicatorDossierSchema>;

export interface IndicatorInputs {
  period: Period;
  dossiers?: IndicatorDossier[];
  /** Publication evaluations with the publication date of each procedure. */
  publications?: { publicationDate: CalendarDate | null; evaluation: PublicationEvaluation }[];
  figures?: IndicatorFigure[];
  /** Last year's result per indicator id, for the unit's own target. */
  previousResults?: Record<string, number>;
}

export interface IndicatorResult {
  id: string;
  name: IndicatorDefinition['name'];
  /** Where the numbers came from: records, entered figures, or nothing yet. */
  source: 'records' | 'figures' | 'none';
  numerator: number | null;
  denominator: number | null;
  /** Percent, rounded to hundredths. */
  rate: number | null;
  target: number | null;
  met: boolean | null;
}

interface Count { numerator: number; denominator: number }

function inPeriod(period: Period, at: string | null): boolean {
  return at !== null && periodContains(period, vietnamDateOf(at));
}

function countDossiers(basis: RateBasis, inputs: IndicatorInputs): Count {
  const dossiers = inputs.dossiers ?? [];
  if (basis === 'dossiers.online') {
    const received = dossiers.filter((d) => inPeriod(inputs.period, d.acceptedAt) && d.channel !== 'unknown');
    return { numerator: received.filter((d) => d.channel === 'online').length, denominator: received.length };
  }
  if (basis === 'dossiers.onlinePayment') {
    const paid = dossiers.filter((d) => inPeriod(inputs.period, d.acceptedAt) && d.paidOnline !== null);
    return { numerator: paid.filter((d) => d.paidOnline).length, denominator: paid.length };
  }
  // On time = returned no later than the appointment day (early or on_time); judged in the period of return.
  const finished = dossiers.filter((d): d is IndicatorDossier & { returnedAt: string } => inPeriod(inputs.period, d.returnedAt) && d.appointmentAt !== null);
  const onTime = finished.filter((d) => ['early', 'on_time'].includes(dossierTimeliness(d, { today: vietnamDateOf(d.returnedAt) }).state));
  return { numerator: onTime.length, denominator: finished.length };
}

/**
 * A procedure is published on time when no step is late or overdue; it counts once every step
 * is settled (done, or already overdue), so a procedure still inside its deadlines is left out.
 */
function countPublications(inputs: IndicatorInputs): Count {
  const settled = (inputs.publications ?? [])
    .filter((p) => p.publicationDate !== null && periodContains(inputs.period, p.publicationDate))
    .map((p) => p.evaluation.steps)
    .filter((steps) => steps.some(isStepLate) || steps.every((s) => s.status !== 'pending'));
  const onTime = settled.filter((steps) => steps.every((s) => s.status === 'on_time' || s.status === 'not_applicable'));
  return { numerator: onTime.length, denominator: settled.length };
}

function fromRecords(indicator: IndicatorDefinition, inputs: IndicatorInputs): Count | null {
  if (indicator.basis === 'figures') return null;
  const count = indicator.basis === 'publications.onTime' ? countPublications(inputs) : countDossiers(indicator.basis, inputs);
  return count.denominator > 0 ? count : null;
}

function fromFigures(indicator: IndicatorDefinition, inputs: IndicatorInputs): Count | null {
  const figure = (inputs.figures ?? []).find((f) => f.indicatorId === indicator.id && f.period === inputs.period);
  return figure ? { numerator: figure.numerator, denominator: figure.denominator } : null;
}

function percent({ numerator, denominator }: Count): number {
  return Math.round((numerator / denominator) * 10_000) / 100;
}

export function computeIndicators(plan: IndicatorPlan, inputs: IndicatorInputs): IndicatorResult[] {
  return plan.indicators.map((indicator) => {
    const previous = inputs.previousResults?.[indicator.id] ?? null;
    const target = indicator.target === null ? null : unitTarget(indicator.target, previous, plan.targetRule);
    const records = fromRecords(indicator, inputs);
    const count = records ?? fromFigures(indicator, inputs);
    const rate = count ? percent(count) : null;
    return {
      id: indicator.id,
      name: indicator.name,
      source: records ? 'records' : count ? 'figures' : 'none',
      numerator: count?.numerator ?? null,
      denominator: count?.denominator ?? null,
      rate,
      target,
      met: rate === null || target === null ? null : rate >= target,
    };
  });
}
