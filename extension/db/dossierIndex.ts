// The index fields a stored dossier carries, derived from it whenever it is written, so the side
// panel counts and pages through dossiers by index instead of reading every one:
//   listAt              the appointment (Vietnam time), or NO_APPOINTMENT: the list's order;
//   openAppointmentAt   the appointment of a dossier whose state depends on today (overdue, due
//                       soon, pending): those states are ranges of this index relative to today;
//   settledState        the state of every other dossier (early, on time, late, unknown, paused,
//                       closed), which no longer changes with the day; paused and closed come from
//                       status names and the unit's own (settings `phaseStatusNames`), so a change
//                       of those names re-derives every dossier's fields (reindexDossiers);
//   unitKey             the agency code ('' when none: a key cannot be null), for unit scope;
//   openSeenAt          when an unfinished dossier was last seen: the stale list's range.
import { dossierFinishedAt } from '../../shared/schemas/dossier.ts';
import { CalendarRangeError } from '../../shared/calendar/calendar.ts';
import type { PhaseRules } from '../../shared/dossier/phase.ts';
import { dossierTimeliness, type DossierDates, type Timeliness, type TimelinessContext, type TimelinessState } from '../../shared/dossier/timeliness.ts';
import { vietnamDateOf } from '../../shared/time/dates.ts';
import type { StoredDossier } from './database.ts';

/** Sorts after every instant: dossiers without an appointment come last in the list. */
export const NO_APPOINTMENT = '~';

/** Every state, in the order the panel shows them: paused and closed apart, after those whose clock runs. */
export const timelinessStates: readonly TimelinessState[] = ['overdue', 'due_soon', 'pending', 'late', 'on_time', 'early', 'unknown', 'paused', 'closed'];

/** The states that move with the day: kept as the open dossiers' appointment range, not stored. */
export const openStates: readonly TimelinessState[] = ['overdue', 'due_soon', 'pending'];

export type IndexFields = 'listAt' | 'openAppointmentAt' | 'settledState' | 'unitKey' | 'openSeenAt';

const undetermined: Timeliness = { state: 'unknown', workingDaysLeft: null, workingDaysLate: null };

/** A date outside the working calendar's years cannot be judged: that one dossier reads as unknown. */
export function judgedTimeliness(dossier: DossierDates, ctx: TimelinessContext): Timeliness {
  try {
    return dossierTimeliness(dossier, ctx);
  } catch (error) {
    if (error instanceof CalendarRangeError) return undetermined;
    throw error;
  }
}

/**
 * The dossier with its index fields, any earlier ones replaced. Judged as on its own appointment
 * day: a state that depends on the day then reads due soon, every other state is final. A paused
 * or closed dossier (by `phaseRules`: the defaults when absent) is settled: never overdue.
 */
export function withIndexFields(dossier: Omit<StoredDossier, IndexFields>, phaseRules?: PhaseRules): StoredDossier {
  const { listAt: _l, openAppointmentAt: _o, settledState: _s, unitKey: _u, openSeenAt: _seen, ...rest } = dossier as StoredDossier;
  const row: StoredDossier = { ...rest, unitKey: dossier.agencyCode ?? '', listAt: dossier.appointmentAt ?? NO_APPOINTMENT };
  if (dossierFinishedAt(dossier) === null) row.openSeenAt = dossier.lastSeenAt;
  // Without an appointment the day does not matter: unknown, unless paused or closed.
  const day = vietnamDateOf(dossier.appointmentAt ?? dossier.lastSeenAt);
  const state = judgedTimeliness(dossier, { today: day, dueSoonWorkingDays: 0, phaseRules }).state;
  if (openStates.includes(state)) row.openAppointmentAt = dossier.appointmentAt!;
  else row.settledState = state;
  return row;
}

/**
 * A count kept per agency code (unitKey) and key, updated in the store's transaction with each
 * dossier written: `state:<settled state>` and `open:<appointment day>` (an open dossier: its state
 * is read from the day, relative to today) per agency code, stored as one UnitTally row per code;
 * `procedure:<code>` (label: its name) and
 * `agency:<name>` once for all (unitKey ANY_UNIT: the filter menus are not scoped, and per code
 * they would multiply the rows a batch writes). The panel's counts and filter menus read these few
 * rows, never the dossiers.
 */
export interface DossierTally {
  unitKey: string;
  key: string;
  count: number;
  label?: string;
}

/** The unitKey of the tallies counted for every unit at once. */
export const ANY_UNIT = '*';

/**
 * A unit's (agency code's) `state:` and `open:` tallies, kept as one row: a collected page of
 * 1,000 dossiers changes some 200 of them over a score of agency codes, and IndexedDB costs about
 * the same per request whatever its size: one read and one write per code instead of per tally.
 * The rows stay small: one key per settled state and per appointment day with open dossiers (a day
 * outside the working calendar's years is judged unknown, so even a hostile page cannot make a row
 * hold more than the calendar's days).
 */
export interface UnitTally {
  unitKey: string;
  /** Tally key → count, none at 0. */
  counts: Record<string, number>;
}

/** The tallies kept for every unit at once (rows of dossierTallies) and the changes per unit (rows of unitTallies). */
export function splitTallies(tallies: Iterable<DossierTally>): { shared: DossierTally[]; perUnit: Map<string, Record<string, number>> } {
  const shared: DossierTally[] = [];
  const perUnit = new Map<string, Record<string, number>>();
  for (const tally of tallies) {
    if (tally.unitKey === ANY_UNIT) {
      shared.push(tally);
      continue;
    }
    const counts = perUnit.get(tally.unitKey) ?? {};
    counts[tally.key] = (counts[tally.key] ?? 0) + tally.count;
    perUnit.set(tally.unitKey, counts);
  }
  return { shared, perUnit };
}

/** A unit's row with `changes` added (counts at 0 or below dropped); null once it counts nothing. */
export function addToUnitTally(unitKey: string, stored: UnitTally | undefined, changes: Record<string, number>): UnitTally | null {
  const counts = { ...stored?.counts };
  for (const [key, change] of Object.entries(changes)) {
    const count = (counts[key] ?? 0) + change;
    if (count > 0) counts[key] = count;
    else delete counts[key];
  }
  return Object.keys(counts).length === 0 ? null : { unitKey, counts };
}

/** A unit row's tallies, one per key, as the counts read them. */
export function unitTallyEntries(row: UnitTally): DossierTally[] {
  return Object.entries(row.counts).map(([key, count]) => ({ unitKey: row.unitKey, key, count }));
}

/** The rows of both tables for tallies counted from scratch (talliesOf): a rebuild, an upgrade, a seed. */
export function tallyRows(tallies: Iterable<DossierTally>): { shared: DossierTally[]; units: UnitTally[] } {
  const { shared, perUnit } = splitTallies(tallies);
  const units = [...perUnit].flatMap(([unitKey, counts]) => addToUnitTally(unitKey, undefined, counts) ?? []);
  return { shared, units };
}

function tallyKeysOf(row: StoredDossier): { unitKey: string; key: string; label?: string }[] {
  const unitKey = row.unitKey ?? row.agencyCode ?? '';
  const keys: { unitKey: string; key: string; label?: string }[] = [
    row.openAppointmentAt === undefined ? { unitKey, key: `state:${row.settledState ?? 'unknown'}` } : { unitKey, key: `open:${vietnamDateOf(row.openAppointmentAt)}` },
  ];
  if (row.procedureCode !== null) keys.push({ unitKey: ANY_UNIT, key: `procedure:${row.procedureCode}`, label: row.procedureName ?? '' });
  if (row.agency !== null) keys.push({ unitKey: ANY_UNIT, key: `agency:${row.agency}` });
  return keys;
}

/** Changes of tallies, keyed by unitKey and key: +1 for what a row counts in, −1 for what its earlier version did. */
export class TallyChanges {
  readonly changes = new Map<string, DossierTally>();

  private add(unitKey: string, key: string, delta: number, label?: string): void {
    const id = `${unitKey}\u0000${key}`;
    const change = this.changes.get(id) ?? { unitKey, key, count: 0 };
    change.count += delta;
    if (label !== undefined) change.label = label;
    this.changes.set(id, change);
  }

  /** A dossier written as `after`, replacing `before` (undefined for a new one). */
  replace(before: StoredDossier | undefined, after: StoredDossier | undefined): void {
    if (before) for (const { unitKey, key } of tallyKeysOf(before)) this.add(unitKey, key, -1);
    if (after) for (const { unitKey, key, label } of tallyKeysOf(after)) this.add(unitKey, key, 1, label);
  }
}

/** The tallies of a set of dossiers written at once (the schema upgrade; seeds of tests and benchmarks). */
export function talliesOf(rows: Iterable<StoredDossier>): DossierTally[] {
  const changes = new TallyChanges();
  for (const row of rows) changes.replace(undefined, row);
  return [...changes.changes.values()];
}
