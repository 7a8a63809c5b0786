// tthc-desk deadline --from YYYY-MM-DD --days N --unit working|calendar [--json]
// Prints the due date as its last line (or one JSON object), so scripts can take `tail -1`.
import { vietnamCalendar } from '../../shared/calendar/calendar.ts';
import { bilingual } from '../../shared/i18n/i18n.ts';
import { parseFlags, requireString } from '../args.ts';
import { UsageError } from '../errors.ts';
import { dateFlag } from '../input.ts';
import type { CommandIO } from '../main.ts';

const MAX_DAYS = 3650;
const units = ['working', 'calendar'] as const;
type Unit = (typeof units)[number];

function daysFlag(text: string): number {
  const days = /^\d{1,4}$/.test(text) ? Number(text) : Number.NaN;
  if (!(days <= MAX_DAYS)) throw new UsageError('deadline.badDays', { days: text });
  return days;
}

/** The day count; without one, the refusal lists the values there are to choose from. */
function unitFlag(text: unknown): Unit {
  if (text === undefined) throw new UsageError('deadline.missingUnit');
  if (typeof text !== 'string' || !(units as readonly string[]).includes(text)) throw new UsageError('deadline.badUnit', { unit: String(text) });
  return text as Unit;
}

/** A due date beyond the calendar's years throws CalendarRangeError, which main.ts reports as the input's. */
function dueDate(from: string, days: number, unit: Unit): string {
  return unit === 'working' ? vietnamCalendar.addWorkingDays(from, days) : vietnamCalendar.addCalendarDays(from, days);
}

export async function run(argv: string[], io: CommandIO): Promise<number> {
  const { values } = parseFlags('deadline', argv, {
    from: { type: 'string' },
    days: { type: 'string' },
    unit: { type: 'string' },
    json: { type: 'boolean' },
  });
  const from = dateFlag(requireString(values, 'from'));
  const days = daysFlag(requireString(values, 'days'));
  const unit = unitFlag(values.unit);
  const due = dueDate(from, days, unit);
  const provisional = vietnamCalendar.isProvisionalBetween(from, due);
  if (values.json) {
    io.stdout(JSON.stringify({ from, days, unit, due, provisional }));
    return 0;
  }
  io.stdout(bilingual(`deadline.summary.${unit}`, { from, days, due }));
  if (provisional) io.stdout(bilingual('deadline.provisional'));
  io.stdout(due);
  return 0;
}
