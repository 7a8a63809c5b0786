import { describe, expect, it } from 'vitest';
import { vietnamCalendar } from '../../shared/calendar/calendar.ts';
import { addDays } from '../../shared/time/dates.ts';
import { sampleDossier } from '../entrypoints/sidepanel/dossiers/sampleDossier.ts';
import { countsFromTallies } from './dossierCounts.ts';
import { judgedTimeliness, TallyChanges, talliesOf, withIndexFields } from './dossierIndex.ts';

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
];

describe('countsFromTallies', () => {
  it('gives every dossier the state judging it one by one gives, whatever the day and threshold', () => {
    for (const [day, dueSoonWorkingDays] of [[today, 2], [addDays(today, 5), 0], ['2024-02-01', 10]] as const) {
      const expected = { overdue: 0, due_soon: 0, pending: 0, late: 0, on_time: 0, early: 0, unknown: 0 };
      for (const d of dossiers) expected[judgedTimeliness(d, { today: day, dueSoonWorkingDays }).state] += 1;
      expect(countsFromTallies(talliesOf(dossiers), { today: day, dueSoonWorkingDays, unitCodes: null })).toEqual(expected);
    }
  });

  it("counts only the unit's agency codes when given", () => {
    const counts = countsFromTallies(talliesOf(dossiers), { today, dueSoonWorkingDays: 2, unitCodes: ['000.00.20.H48'] });
    expect(counts).toEqual({ overdue: 0, due_soon: 0, pending: 1, late: 0, on_time: 0, early: 0, unknown: 0 });
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
