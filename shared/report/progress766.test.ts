import { describe, expect, it } from 'vitest';
import { reportDossierSchema, type ReportDossier } from './input.ts';
import { parseReportPeriod } from './period.ts';
import { estimateProgress766 } from './progress766.ts';

const q2 = parseReportPeriod('2024-Q2');
const at = (date: string) => `${date}T09:00:00+07:00`;
const dossier = (code: string, patch: Partial<ReportDossier>) =>
  reportDossierSchema.parse({ code, channel: 'online', acceptedAt: at('2024-04-01'), appointmentAt: at('2024-04-10'), ...patch });

describe('the 766 "Tiến độ giải quyết" estimate', () => {
  it('is 20 × on time or within the deadline ÷ received or handled', () => {
    const estimate = estimateProgress766([
      dossier('early', { returnedAt: at('2024-04-09') }),
      dossier('on-time', { completedAt: at('2024-04-10') }),
      dossier('late', { returnedAt: at('2024-04-15') }),
      dossier('open-in-time', { appointmentAt: at('2024-06-20') }),
    ], q2);
    expect(estimate).toMatchObject({ basis: 4, onTime: 3, points: 15 });
  });
  it('gives an open dossier the period\'s last day as its end', () => {
    const estimate = estimateProgress766([dossier('open', { appointmentAt: at('2024-06-10') })], q2);
    expect(estimate).toMatchObject({ points: 0, costs: [{ code: 'open', reason: 'overdue', daysLate: 4 }] });
  });
  it('does not count a supplement wait: a paused dossier is within its deadline', () => {
    expect(estimateProgress766([dossier('paused', { phase: 'paused', appointmentAt: at('2024-05-01') })], q2)).toMatchObject({ points: 20 });
  });
  it('makes a dossier with more than one supplement request late, one request does not', () => {
    const estimate = estimateProgress766([
      dossier('twice', { returnedAt: at('2024-04-09'), supplementRequests: 2 }),
      dossier('once', { returnedAt: at('2024-04-09'), supplementRequests: 1 }),
    ], q2);
    expect(estimate).toMatchObject({ points: 10, costs: [{ code: 'twice', reason: 'supplements', daysLate: 0 }] });
  });
  it('counts a dossier stopped, refused or withdrawn as ended on time', () => {
    expect(estimateProgress766([dossier('closed', { phase: 'closed', closedSeenAt: at('2024-05-20') })], q2)).toMatchObject({ points: 20, costs: [] });
  });
  it('lists the late ones first, most days late first, then the open overdue ones', () => {
    const estimate = estimateProgress766([
      dossier('overdue', { appointmentAt: at('2024-04-01') }),
      dossier('late-2', { returnedAt: at('2024-04-12') }),
      dossier('late-5', { returnedAt: at('2024-04-15') }),
    ], q2);
    expect(estimate.costs.map((c) => [c.code, c.daysLate])).toEqual([['late-5', 5], ['late-2', 2], ['overdue', 74]]);
  });
  it('has no score without a dossier in the period', () => {
    expect(estimateProgress766([dossier('later', { acceptedAt: at('2024-07-01') })], q2)).toMatchObject({ points: null, basis: 0 });
  });
});
