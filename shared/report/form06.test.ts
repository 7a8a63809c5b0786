import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildForm06, cellCount, cellColumns, cellDossiers, reportLevelOf, type Counts } from './form06.ts';
import { reportDossierSchema, type ReportDossier } from './input.ts';
import { parseReportPeriod, ReportPeriodError, reportPeriodsOf } from './period.ts';
import { defaultReportOptions, placeDossier } from './placement.ts';

const q2 = parseReportPeriod('2024-Q2'); // 2024-03-15 … 2024-06-14
const at = (date: string, time = '09:00:00') => `${date}T${time}+07:00`;

function dossier(patch: Partial<ReportDossier> & { code?: string }): ReportDossier {
  return reportDossierSchema.parse({ code: 'H48-1', channel: 'direct', acceptedAt: at('2024-04-01'), appointmentAt: at('2024-04-10', '17:00:00'), ...patch });
}

describe('report periods (NĐ 09/2019 art. 12 cut-offs)', () => {
  it.each([
    ['2024-Q1', '2023-12-15', '2024-03-14'],
    ['2024-Q2', '2024-03-15', '2024-06-14'],
    ['2024-Q3', '2024-06-15', '2024-09-14'],
    ['2024-Q4', '2024-09-15', '2024-12-14'],
    ['2024-6M', '2023-12-15', '2024-06-14'],
    ['2024-9M', '2023-12-15', '2024-09-14'],
    ['2024', '2023-12-15', '2024-12-14'],
  ])('%s runs from %s to %s', (id, from, to) => {
    expect(parseReportPeriod(id)).toMatchObject({ id, from, to });
  });
  it('lists a year\'s periods in reporting order', () => {
    expect(reportPeriodsOf(2025).map((p) => p.id)).toEqual(['2025-Q1', '2025-Q2', '2025-6M', '2025-Q3', '2025-9M', '2025-Q4', '2025']);
  });
  it.each(['2024-Q5', '2024-q2', '24-Q1', '2024-12M', 'Q2-2024', ''])('refuses "%s"', (value) => {
    expect(() => parseReportPeriod(value)).toThrow(ReportPeriodError);
  });
});

describe('where a dossier falls (Biểu 06 definitions)', () => {
  const place = (patch: Partial<ReportDossier>) => placeDossier(dossier(patch), q2);

  it('accepted on `from`: received in the window by its channel, not carried over', () => {
    expect(place({ acceptedAt: at('2024-03-15', '07:30:00'), channel: 'online' })).toMatchObject({ in: true, received: 'online' });
  });
  it('accepted the day before `from` and still open: carried over (Từ kỳ trước)', () => {
    expect(place({ acceptedAt: at('2024-03-14', '16:00:00'), appointmentAt: at('2024-03-20') })).toMatchObject({ in: true, received: 'carriedOver', pending: 'overdue' });
  });
  it('accepted before `from` and finished before it: not in the period', () => {
    expect(place({ acceptedAt: at('2024-03-01'), returnedAt: at('2024-03-14', '23:59:00') })).toEqual({ in: false, note: null });
  });
  it('accepted before `from`, finished on `from`: carried over and resolved', () => {
    expect(place({ acceptedAt: at('2024-03-01'), appointmentAt: at('2024-03-20'), returnedAt: at('2024-03-15') })).toMatchObject({ received: 'carriedOver', resolved: 'early' });
  });
  it('accepted after `to`: not in the report, and not a note', () => {
    expect(place({ acceptedAt: at('2024-06-15', '00:10:00') })).toEqual({ in: false, note: null });
  });
  it('without an accepted date: left out and noted', () => {
    expect(place({ acceptedAt: null })).toEqual({ in: false, note: 'noAcceptedDate' });
  });
  it('postal counts with direct', () => {
    expect(place({ channel: 'postal' })).toMatchObject({ received: 'direct' });
  });
  it('an unknown channel counts as direct by default and is noted; a province may count it online', () => {
    expect(place({ channel: 'unknown' })).toMatchObject({ received: 'direct', notes: ['unknownChannel'] });
    expect(placeDossier(dossier({ channel: 'unknown' }), q2, { ...defaultReportOptions, unknownChannelAs: 'online' })).toMatchObject({ received: 'online' });
  });
  it('finished on `to`: resolved in the window', () => {
    expect(place({ appointmentAt: at('2024-06-20'), completedAt: at('2024-06-14', '23:59:59') })).toMatchObject({ resolved: 'early', pending: null });
  });
  it('finished the day after `to`: still pending at `to`', () => {
    expect(place({ appointmentAt: at('2024-06-20'), completedAt: at('2024-06-15', '00:00:00') })).toMatchObject({ resolved: null, pending: 'inTime' });
  });
  it('finish equal to the appointment\'s date: on time, whatever the hours', () => {
    expect(place({ appointmentAt: at('2024-04-10', '08:00:00'), returnedAt: at('2024-04-10', '16:45:00') })).toMatchObject({ resolved: 'onTime' });
  });
  it('finish the day before the appointment: early; the day after: late', () => {
    expect(place({ returnedAt: at('2024-04-09') })).toMatchObject({ resolved: 'early' });
    expect(place({ returnedAt: at('2024-04-11') })).toMatchObject({ resolved: 'late' });
  });
  it('the completion date wins over the return date; a province may read the return date only', () => {
    const late = dossier({ completedAt: at('2024-04-10'), returnedAt: at('2024-04-12') });
    expect(placeDossier(late, q2)).toMatchObject({ resolved: 'onTime' });
    expect(placeDossier(late, q2, { ...defaultReportOptions, finishOn: 'return' })).toMatchObject({ resolved: 'late' });
  });
  it('the +0000 midnight appointment is the next Vietnam day: a return on 4/5 is on time', () => {
    const midnight = dossier({ appointmentAt: '2024-05-03T17:00:00.000+0000', returnedAt: '2024-05-04T10:00:00.000+0700' });
    expect(placeDossier(midnight, q2)).toMatchObject({ resolved: 'onTime' });
  });
  it('the +0000 midnight appointment on `to`: an open dossier is in time at the end of the window', () => {
    expect(place({ appointmentAt: '2024-06-13T17:00:00.000+0000' })).toMatchObject({ pending: 'inTime' });
    expect(place({ appointmentAt: '2024-06-13T16:59:00.000+0000' })).toMatchObject({ pending: 'overdue' });
  });
  it('open with the appointment on `to`: in time; before `to`: overdue', () => {
    expect(place({ appointmentAt: at('2024-06-14') })).toMatchObject({ pending: 'inTime' });
    expect(place({ appointmentAt: at('2024-06-13') })).toMatchObject({ pending: 'overdue' });
  });
  it('paused (waiting for a supplement) past its appointment: in time by convention; a province may judge it by the appointment', () => {
    const paused = dossier({ phase: 'paused', appointmentAt: at('2024-05-01') });
    expect(placeDossier(paused, q2)).toMatchObject({ pending: 'inTime' });
    expect(placeDossier(paused, q2, { ...defaultReportOptions, pausedCountsAs: 'byAppointment' })).toMatchObject({ pending: 'overdue' });
  });
  it('closed without a result: finishes the day the status was first seen and counts on time', () => {
    const closed = dossier({ phase: 'closed', appointmentAt: at('2024-04-10'), closedSeenAt: '2024-05-02T18:00:00.000+0000' });
    expect(placeDossier(closed, q2)).toMatchObject({ resolved: 'onTime' });
    expect(placeDossier(closed, q2, { ...defaultReportOptions, closedCountsAs: 'byAppointment' })).toMatchObject({ resolved: 'late' });
  });
  it('closed after `to`: pending at `to`', () => {
    expect(place({ phase: 'closed', appointmentAt: at('2024-06-20'), closedSeenAt: at('2024-06-20') })).toMatchObject({ pending: 'inTime' });
  });
  it('closed on a day never seen and with no date at all: left out and noted', () => {
    expect(place({ phase: 'closed' })).toEqual({ in: false, note: 'closedWithoutDate' });
  });
  it('a finish before the acceptance is read as the acceptance day and noted', () => {
    expect(place({ returnedAt: at('2024-03-20') })).toMatchObject({ received: 'direct', resolved: 'early', notes: ['finishBeforeAcceptance'] });
  });
  it('without an appointment: on time or in time by default, noted', () => {
    expect(place({ appointmentAt: null, returnedAt: at('2024-04-05') })).toMatchObject({ resolved: 'onTime', notes: ['noAppointment'] });
    expect(place({ appointmentAt: null })).toMatchObject({ pending: 'inTime', notes: ['noAppointment'] });
  });
});

describe('levels', () => {
  it.each([
    ['Cấp Sở', 'department'], ['Sở, ban, ngành', 'department'], ['Cấp tỉnh', 'department'],
    ['Cấp huyện', 'district'], ['Quận/Huyện', 'district'], ['Thị xã', 'district'],
    ['Cấp xã', 'commune'], ['Phường/Xã', 'commune'], ['Thị trấn', 'commune'], ['Khác', null],
  ])('"%s" is %s', (name, level) => expect(reportLevelOf(name)).toBe(level));
});

describe('the table', () => {
  const dossiers = [
    dossier({ code: 'a', sectorName: 'Hộ tịch', agencyLevel: 'Cấp xã', channel: 'online', returnedAt: at('2024-04-09') }),
    dossier({ code: 'b', sectorName: 'Hộ tịch', agencyLevel: 'Cấp xã', channel: 'postal', returnedAt: at('2024-04-12') }),
    dossier({ code: 'c', sectorName: 'Đất đai', agencyLevel: 'Cấp huyện', acceptedAt: at('2024-03-01'), appointmentAt: at('2024-05-01') }),
    dossier({ code: 'd', sectorName: 'Xây dựng', agencyLevel: 'Cấp Sở', phase: 'paused', appointmentAt: at('2024-05-01') }),
    dossier({ code: 'e', sectorName: 'Ánh sáng' }),
    dossier({ code: 'f', acceptedAt: null }),
  ];
  const report = buildForm06(dossiers, q2);

  it('has one row per sector, grouped by level in the form\'s order, unknown level last', () => {
    expect(report.rows.map((r) => [r.level, r.sector])).toEqual([['department', 'Xây dựng'], ['district', 'Đất đai'], ['commune', 'Hộ tịch'], [null, 'Ánh sáng']]);
  });
  it('counts each column and the total row', () => {
    const hoTich = report.rows.find((r) => r.sector === 'Hộ tịch');
    expect(hoTich).toMatchObject({ received: { total: 2, online: 1, direct: 1, carriedOver: 0 }, resolved: { total: 2, early: 1, onTime: 0, late: 1 }, pending: { total: 0 } });
    expect(report.total).toEqual({
      received: { total: 5, online: 1, direct: 3, carriedOver: 1 },
      resolved: { total: 2, early: 1, onTime: 0, late: 1 },
      pending: { total: 3, inTime: 1, overdue: 2 },
    });
  });
  it('says how many dossiers it rests on and how many were left out, and why', () => {
    expect(report).toMatchObject({ counted: 5, leftOut: 1, notes: { noAcceptedDate: 1 } });
  });
  it('lists exactly the dossiers of a cell', () => {
    expect(cellDossiers(dossiers, q2, { rowKey: null, column: 'pending.overdue' }).map((d) => d.code)).toEqual(['c', 'e']);
    const row = report.rows.find((r) => r.sector === 'Hộ tịch')!;
    expect(cellDossiers(dossiers, q2, { rowKey: row.key, column: 'received.direct' }).map((d) => d.code)).toEqual(['b']);
  });
});

const dayArb = fc.integer({ min: 0, max: 200 }).map((n) => new Date(Date.UTC(2024, 1, 1) + n * 86_400_000).toISOString().slice(0, 10));
const instantArb = fc.option(fc.tuple(dayArb, fc.constantFrom('00:00:00+07:00', '17:00:00+00:00', '16:59:00+00:00', '12:00:00+07:00')).map(([d, t]) => `${d}T${t}`), { nil: null });
const dossierArb: fc.Arbitrary<ReportDossier> = fc.record({
  code: fc.string({ minLength: 1, maxLength: 4 }),
  acceptedAt: instantArb,
  appointmentAt: instantArb,
  completedAt: instantArb,
  returnedAt: instantArb,
  channel: fc.constantFrom('online', 'direct', 'postal', 'unknown'),
  sectorCode: fc.constantFrom(null, 'HT', 'DD'),
  sectorName: fc.constantFrom(null, 'Hộ tịch', 'Đất đai'),
  agencyLevel: fc.constantFrom(null, 'Cấp xã', 'Cấp huyện', 'Cấp Sở'),
  agencyCode: fc.constant(null),
  phase: fc.constantFrom('active', 'paused', 'closed'),
  closedSeenAt: instantArb,
  supplementRequests: fc.option(fc.nat(3), { nil: null }),
});
const optionsArb = fc.record({
  finishOn: fc.constantFrom('completion', 'return'),
  closedCountsAs: fc.constantFrom('onTime', 'byAppointment'),
  pausedCountsAs: fc.constantFrom('inTime', 'byAppointment'),
  unknownChannelAs: fc.constantFrom('direct', 'online'),
  withoutAppointment: fc.constantFrom('inTime', 'late'),
} as const);

function addsUp(c: Counts): void {
  expect(c.received.total).toBe(c.received.online + c.received.direct + c.received.carriedOver);
  expect(c.resolved.total).toBe(c.resolved.early + c.resolved.onTime + c.resolved.late);
  expect(c.pending.total).toBe(c.pending.inTime + c.pending.overdue);
  expect(c.received.total).toBe(c.resolved.total + c.pending.total);
}

describe('columns add up, for any dossiers, period and settings', () => {
  const periodArb = fc.constantFrom('2024-Q1', '2024-Q2', '2024-6M', '2024-Q3').map(parseReportPeriod);
  it('3 = 4+5+6, 7 = 8+9+10, 11 = 12+13 and 3 = 7+11, in every row and the total; the rows sum to the total', () => {
    fc.assert(fc.property(fc.array(dossierArb, { maxLength: 40 }), periodArb, optionsArb, (dossiers, period, options) => {
      const report = buildForm06(dossiers, period, options);
      for (const row of report.rows) addsUp(row);
      addsUp(report.total);
      for (const column of cellColumns) {
        expect(report.rows.reduce((sum, row) => sum + cellCount(row, column), 0)).toBe(cellCount(report.total, column));
      }
      expect(report.counted).toBe(report.total.received.total);
    }));
  });
  it('each cell\'s drill-down lists as many dossiers as the cell counts', () => {
    fc.assert(fc.property(fc.array(dossierArb, { maxLength: 25 }), periodArb, (dossiers, period) => {
      const report = buildForm06(dossiers, period);
      for (const row of report.rows) {
        for (const column of cellColumns) expect(cellDossiers(dossiers, period, { rowKey: row.key, column })).toHaveLength(cellCount(row, column));
      }
    }), { numRuns: 50 });
  });
});
