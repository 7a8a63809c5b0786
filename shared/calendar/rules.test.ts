import { describe, expect, it } from 'vitest';
import { computeYearSchedule } from './rules.ts';
import { announcedSchedules } from './years/index.ts';

const offDates = (year: number) => computeYearSchedule(year).daysOff.map((d) => d.date);

describe('days off computed from the Labour Code rules', () => {
  it.each(announcedSchedules.map((s) => [s.year, s] as const))('reproduce the announced %i schedule apart from its swaps', (_, schedule) => {
    const announced = schedule.daysOff.filter((d) => d.reason !== 'swap').map((d) => d.date);
    expect(offDates(schedule.year)).toEqual(announced);
  });

  it('are always provisional and always hold eleven weekdays off', () => {
    for (const year of [2027, 2028, 2029, 2030, 2035]) {
      const schedule = computeYearSchedule(year);
      expect(schedule.provisional).toBe(true);
      expect(schedule.daysOff).toHaveLength(11);
    }
  });

  it('give days in lieu for holidays on weekends, past the next holiday (2023: Giỗ Tổ Sat 29/4, 30/4 Sun)', () => {
    const lieu = computeYearSchedule(2023).daysOff.filter((d) => d.reason === 'inLieu').map((d) => d.date);
    expect(lieu).toEqual(['2023-01-02', '2023-05-02', '2023-05-03', '2023-09-04']);
  });

  it('keep five weekdays of Tết when Tết spans a weekend (2027: Tết on Saturday 6/2)', () => {
    const tet = computeYearSchedule(2027).daysOff.filter((d) => d.reason === 'tet').map((d) => d.date);
    expect(tet).toEqual(['2027-02-04', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10']);
  });

  it('choose the day next to 2/9 that joins a weekend (2027: Thursday → Friday 3/9)', () => {
    expect(offDates(2027)).toContain('2027-09-03');
    expect(offDates(2027)).not.toContain('2027-09-01');
  });
});
