import { describe, expect, it } from 'vitest';
import { evaluatePublication } from '../publication/deadlines.ts';
import { publicationRecordSchema } from '../schemas/publication.ts';
import { computeIndicators, indicatorDossierSchema, type IndicatorInputs } from './compute.ts';
import { periodContains } from './period.ts';
import { indicatorPlanSchema } from './plan.ts';
import { plan2024Indicators } from './plan2024.ts';
import { unitTarget } from './target.ts';

const byId = (results: ReturnType<typeof computeIndicators>, id: string) => results.find((r) => r.id === id);

describe('the 2024 plan annex', () => {
  it('holds the eleven rates with their central targets, plus the untargeted on-time dossier rate', () => {
    const plan = indicatorPlanSchema.parse(plan2024Indicators);
    const targets = Object.fromEntries(plan.indicators.map((i) => [i.id, i.target]));
    expect(targets).toEqual({
      fullProcessOnlineServices: 80, onlinePayment: 45, onlineDossiers: 50, digitisedDossiers: 80,
      electronicResults: 100, electronicCertifiedCopies: 100, digitisedDataReuse: 50, onTimePublication: 100,
      resultsSyncedToNationalPortal: 100, feedbackHandledOnTime: 100, satisfaction: 90, onTimeDossiers: null,
    });
  });
});

describe('a unit\'s target (annex rule a/b)', () => {
  const points = { increase: 10, increaseAs: 'points' } as const;
  const factor = { increase: 10, increaseAs: 'factor' } as const;
  it('is the central target when last year fell short of it (a) or is unknown', () => {
    expect(unitTarget(50, 42, points)).toBe(50);
    expect(unitTarget(50, null, points)).toBe(50);
  });
  it('raises last year\'s result by 10 points or by 10% when it met the target (b)', () => {
    expect(unitTarget(50, 60, points)).toBe(70);
    expect(unitTarget(50, 60, factor)).toBe(66);
    expect(unitTarget(80, 85, factor)).toBe(93.5);
  });
  it('is capped at 100%', () => {
    expect(unitTarget(80, 95, points)).toBe(100);
    expect(unitTarget(100, 100, factor)).toBe(100);
  });
});

describe('periods', () => {
  it('contain the days of a year, a quarter or a month', () => {
    expect(periodContains('2024', '2024-12-31')).toBe(true);
    expect(periodContains('2024-Q1', '2024-03-31')).toBe(true);
    expect(periodContains('2024-Q1', '2024-04-01')).toBe(false);
    expect(periodContains('2024-02', '2024-02-29')).toBe(true);
  });
});

describe('rates', () => {
  const dossier = (code: string, patch: Record<string, unknown>) => indicatorDossierSchema.parse({ code, acceptedAt: '2024-03-04T08:00:00+07:00', ...patch });
  const dossiers = [
    dossier('a', { channel: 'online', paidOnline: true, appointmentAt: '2024-03-08T17:00:00+07:00', returnedAt: '2024-03-07T09:00:00+07:00' }),
    dossier('b', { channel: 'online', paidOnline: false, appointmentAt: '2024-03-08T17:00:00+07:00', returnedAt: '2024-03-11T09:00:00+07:00' }),
    dossier('c', { channel: 'direct', appointmentAt: '2024-03-08T17:00:00+07:00', returnedAt: '2024-03-08T09:00:00+07:00' }),
    dossier('d', { channel: 'direct' }),
    dossier('e', { channel: 'unknown' }),
    dossier('f', { channel: 'online', acceptedAt: '2024-04-01T08:00:00+07:00' }),
  ];
  const record = (code: string, postedDate: string | null) => publicationRecordSchema.parse({ procedureCode: code, publicationDate: '2024-03-01', internalProcessDate: '2024-03-05', eProcessDate: '2024-03-06', postedDate, webPostedDate: '2024-03-04', nationalDbDate: '2024-03-05', provincialSystemDate: '2024-03-05' });
  const publications = [record('1.1', '2024-03-05'), record('1.2', '2024-03-08'), record('1.3', null)]
    .map((r) => ({ publicationDate: r.publicationDate, evaluation: evaluatePublication(r, { today: '2024-03-05' }) }));
  const inputs: IndicatorInputs = {
    period: '2024-Q1',
    dossiers,
    publications,
    figures: [
      { indicatorId: 'satisfaction', period: '2024-Q1', numerator: 95, denominator: 100 },
      { indicatorId: 'satisfaction', period: '2024-Q2', numerator: 50, denominator: 100 },
      { indicatorId: 'onlineDossiers', period: '2024-Q1', numerator: 1, denominator: 100 },
    ],
    previousResults: { onlineDossiers: 70 },
  };
  const results = computeIndicators(plan2024Indicators, inputs);

  it('count online dossiers among those received in the period with a known channel, from records', () => {
    expect(byId(results, 'onlineDossiers')).toMatchObject({ source: 'records', numerator: 2, denominator: 4, rate: 50, target: 80, met: false });
  });

  it('count online payments among dossiers whose payment is known', () => {
    expect(byId(results, 'onlinePayment')).toMatchObject({ source: 'records', numerator: 1, denominator: 2, rate: 50, met: true });
  });

  it('count dossiers returned on or before the appointment day', () => {
    expect(byId(results, 'onTimeDossiers')).toMatchObject({ source: 'records', numerator: 2, denominator: 3, rate: 66.67, target: null, met: null });
  });

  it('count procedures published on time once their steps are settled', () => {
    // 1.1 all on time; 1.2 posted late (due 6/3); 1.3 still inside its posting deadline on 5/3: left out.
    expect(byId(results, 'onTimePublication')).toMatchObject({ source: 'records', numerator: 1, denominator: 2, rate: 50, met: false });
  });

  it('take the rates no record gives from the figures entered for the period', () => {
    expect(byId(results, 'satisfaction')).toMatchObject({ source: 'figures', numerator: 95, denominator: 100, rate: 95, target: 90, met: true });
    expect(byId(results, 'digitisedDossiers')).toMatchObject({ source: 'none', rate: null, met: null });
  });

  it('fall back to entered figures when the records hold nothing for the period', () => {
    const q2 = computeIndicators(plan2024Indicators, { ...inputs, period: '2024-Q2', figures: [{ indicatorId: 'onlinePayment', period: '2024-Q2', numerator: 3, denominator: 4 }] });
    expect(byId(q2, 'onlinePayment')).toMatchObject({ source: 'figures', rate: 75 });
    expect(byId(q2, 'onlineDossiers')).toMatchObject({ source: 'records', numerator: 1, denominator: 1 });
  });
});
