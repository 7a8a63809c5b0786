import { describe, expect, it } from 'vitest';
import { vietnamCalendar } from '../../shared/calendar/calendar.ts';
import { withUnitNames } from '../../shared/dossier/phase.ts';
import { addDays } from '../../shared/time/dates.ts';
import { sampleDossier } from '../entrypoints/sidepanel/dossiers/sampleDossier.ts';
import { countsFromTallies } from './dossierCounts.ts';
import { addToUnitTally, ANY_UNIT, judgedTimeliness, TallyChanges, talliesOf, tallyRows, unitTallyEntries, withIndexFields } from './dossierIndex.ts';

const today = '2024-03-20';
const at = (day: string) => `${day}T17:00:00+07:00`;
const dossiers = [
  sampleDossier('OVERDUE', { appointmentAt: at(vietnamCalendar.addWorkingDays(today, -2)) }),
  sampleDossier('TODAY', { appointmentAt: at(today) }),
  sampleDossier('DUESOON', { appointmentAt: at(vietnamCalendar.addWorkingDays(today, 2)) }),
  sampleDossier('PENDING', { appointmentAt: at(vietnamCalendar.addWorkingDays(today, 3)), agencyCode: '000.00.20.H48' }),
  sampleDossier('LATE', { appointmentAt: at('2024-03-01'), returnedAt: at('2024-03-05') }),
  sampleDossier('EARLY', { appointmentAt: at('2024-03-15'), returnedAt: at('2024-03-11'), agencyCode: null }),
  sampleDossier('NODATE', { appointmentAt: null }),
  sampleDossier('WEEKEND', { appointmentAt: at(addDays(today, 3)) }),
  sampleDossier('SUSPENDED', { appointmentAt: at(vietnamCalendar.addWorkingDays(today, -2)), status: 'Tạm dừng xử lý' }),
  sampleDossier('SUPPLEMENT', { appointmentAt: at(today), stepStatus: 'Yêu cầu bổ sung giấy tờ' }),
  sampleDossier('CANCELLED', { appointmentAt: at(vietnamCalendar.addWorkingDays(today, -2)), status: 'Đã hủy' }),
  sampleDossier('CANCELLED-NODATE', { appointmentAt: null, status: 'Đã hủy' }),
  sampleDossier('COMPLETED', { appointmentAt: at(today), completedAt: at('2024-03-11') }),
];

describe('countsFromTallies', () => {
  it('gives every dossier the state judging it one by one gives, whatever the day and threshold', () => {
    for (const [day, dueSoonWorkingDays] of [[today, 2], [addDays(today, 5), 0], ['2024-02-01', 10]] as const) {
      const expected = { overdue: 0, due_soon: 0, pending: 0, late: 0, on_time: 0, early: 0, unknown: 0, paused: 0, closed: 0 };
      for (const d of dossiers) expected[judgedTimeliness(d, { today: day, dueSoonWorkingDays }).state] += 1;
      expect(countsFromTallies(talliesOf(dossiers), { today: day, dueSoonWorkingDays, unitCodes: null })).toEqual(expected);
    }
  });

  it('counts suspended and cancelled dossiers apart (past their appointment or without one), not as overdue or unknown, and a completed one as finished', () => {
    const counts = countsFromTallies(talliesOf(dossiers), { today, dueSoonWorkingDays: 2, unitCodes: null });
    expect(counts).toMatchObject({ overdue: 1, paused: 2, closed: 2, early: 2, unknown: 1 });
  });

  it("counts a dossier paused by the unit's own status name apart once its fields are derived with it", () => {
    const waiting = sampleDossier('WAITING', { appointmentAt: at(vietnamCalendar.addWorkingDays(today, -2)), status: 'Chờ ý kiến liên ngành' });
    const scope = { today, dueSoonWorkingDays: 2, unitCodes: null };
    expect(countsFromTallies(talliesOf([waiting]), scope)).toMatchObject({ overdue: 1, paused: 0 });
    const rules = withUnitNames({ paused: ['Chờ ý kiến'], closed: [] });
    expect(countsFromTallies(talliesOf([withIndexFields(waiting, rules)]), scope)).toMatchObject({ overdue: 0, paused: 1 });
  });

  it("counts only the unit's agency codes when given", () => {
    const counts = countsFromTallies(talliesOf(dossiers), { today, dueSoonWorkingDays: 2, unitCodes: ['000.00.20.H48'] });
    expect(counts).toEqual({ overdue: 0, due_soon: 0, pending: 1, late: 0, on_time: 0, early: 0, unknown: 0, paused: 0, closed: 0 });
  });
});

describe('TallyChanges', () => {
  it('moves a dossier from its appointment day to its final state when it is returned, and counts a procedure once', () => {
    const open = sampleDossier('A', { appointmentAt: at(today) });
    const changes = new TallyChanges();
    changes.replace(undefined, open);
    changes.replace(open, withIndexFields({ ...open, returnedAt: at(today) }));
    const counted = [...changes.changes.values()].filter((tally) => tally.count !== 0).map(({ key, count }) => [key, count]);
    expect(counted).toEqual([['procedure:1.001612', 1], ['agency:Sở Xây dựng', 1], ['state:on_time', 1]]);
  });
});

describe('unit tallies (one row per agency code)', () => {
  it('hold the same counts as one tally per key, procedures and agencies kept apart for every unit', () => {
    const { shared, units } = tallyRows(talliesOf(dossiers));
    expect(shared.every((tally) => tally.unitKey === ANY_UNIT)).toBe(true);
    expect(units.map((row) => row.unitKey).sort()).toEqual(['', '000.00.20.H48', '000.00.53.H48']);
    const scope = { today, dueSoonWorkingDays: 2, unitCodes: null };
    expect(countsFromTallies(units.flatMap(unitTallyEntries), scope)).toEqual(countsFromTallies(talliesOf(dossiers), scope));
  });

  it('move a returned dossier from its appointment day to its state, and drop a key, then the row, once it counts nothing', () => {
    const open = sampleDossier('A', { appointmentAt: at(today) });
    const [stored] = tallyRows(talliesOf([open])).units;
    expect(stored).toEqual({ unitKey: open.unitKey, counts: { [`open:${today}`]: 1 } });
    const changes = new TallyChanges();
    changes.replace(open, withIndexFields({ ...open, returnedAt: at(today) }));
    const perUnit = Object.fromEntries([...changes.changes.values()].filter((tally) => tally.unitKey !== ANY_UNIT).map((tally) => [tally.key, tally.count]));
    expect(addToUnitTally(open.unitKey!, stored, perUnit)).toEqual({ unitKey: open.unitKey, counts: { 'state:on_time': 1 } });
    expect(addToUnitTally(open.unitKey!, stored, { [`open:${today}`]: -1 })).toBeNull();
  });
});
