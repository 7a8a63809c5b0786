// `npm run bench`: working-day additions per second on 60-working-day spans, for the indexed
// calendar (shared/calendar) and, as the baseline measured in the same run on the same start
// dates, a plain day-by-day loop over the same schedule (a day-off set, the swapped Saturdays,
// the weekday). Target: the indexed calendar at least 50 times faster.
import { vietnamCalendar } from '../shared/calendar/calendar.ts';
import { computeYearSchedule } from '../shared/calendar/rules.ts';
import { announcedSchedules } from '../shared/calendar/years/index.ts';
import { addDays, weekday, type CalendarDate } from '../shared/time/dates.ts';

const SPAN = 60;
const STARTS = 2_000;
const ROUNDS = 5;
const TARGET_RATIO = 50;

/** The same days off as the indexed calendar, kept the plain way. */
function plainSchedule(firstYear: number, lastYear: number) {
  const daysOff = new Set<CalendarDate>();
  const workingSaturdays = new Set<CalendarDate>();
  const announced = new Map(announcedSchedules.map((s) => [s.year, s]));
  for (let year = firstYear; year <= lastYear; year += 1) {
    const schedule = announced.get(year) ?? computeYearSchedule(year);
    for (const day of schedule.daysOff) daysOff.add(day.date);
    for (const saturday of schedule.workingSaturdays) workingSaturdays.add(saturday.date);
  }
  const isWorkingDay = (date: CalendarDate) => {
    if (workingSaturdays.has(date)) return true;
    const day = weekday(date);
    return day !== 0 && day !== 6 && !daysOff.has(date);
  };
  return {
    addWorkingDays(from: CalendarDate, n: number): CalendarDate {
      let date = from;
      for (let left = n; left > 0; ) {
        date = addDays(date, 1);
        if (isWorkingDay(date)) left -= 1;
      }
      return date;
    },
  };
}

const starts = Array.from({ length: STARTS }, (_, i) => addDays('2020-01-01', (i * 7919) % (365 * 10)));
const plain = plainSchedule(2019, 2031);

/** Additions per second: the best of several rounds, each adding SPAN working days to every start. */
function additionsPerSecond(add: (from: CalendarDate, n: number) => CalendarDate, repeat: number): { rate: number; check: string } {
  let best = 0;
  let check = '';
  for (let round = 0; round < ROUNDS; round += 1) {
    const began = performance.now();
    for (let r = 0; r < repeat; r += 1) for (const start of starts) check = add(start, SPAN);
    const seconds = (performance.now() - began) / 1000;
    best = Math.max(best, (repeat * starts.length) / seconds);
  }
  return { rate: best, check };
}

for (const start of starts) {
  if (vietnamCalendar.addWorkingDays(start, SPAN) !== plain.addWorkingDays(start, SPAN)) throw new Error(`indexed and plain calendars disagree from ${start}`);
}
const indexed = additionsPerSecond((d, n) => vietnamCalendar.addWorkingDays(d, n), 50);
const baseline = additionsPerSecond((d, n) => plain.addWorkingDays(d, n), 1);
const ratio = indexed.rate / baseline.rate;
const format = (rate: number) => `${Math.round(rate).toLocaleString('en-US')} /s`;

console.log(`working-day additions, ${SPAN}-working-day spans, ${STARTS} start dates 2020–2029, best of ${ROUNDS} rounds`);
console.log(`  indexed calendar (prefix counts + rank table): ${format(indexed.rate)}`);
console.log(`  baseline, day-by-day loop:                     ${format(baseline.rate)}`);
console.log(`  ratio: ${ratio.toFixed(1)}× (target ≥ ${TARGET_RATIO}×) ${ratio >= TARGET_RATIO ? 'PASS' : 'FAIL'}`);
process.exitCode = ratio >= TARGET_RATIO ? 0 : 1;
