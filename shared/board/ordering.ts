// Order of tasks in a column: fractional keys (sort between two neighbours without touching them)
// with the task id as tiebreak, so two officers who drop tasks at the same spot offline get the
// same order everywhere. A task's column and key are one value (`position`), so a merge never pairs
// one officer's column with another officer's key.
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

export interface Ordered {
  id: string;
  order: string;
}

export function compareOrdered(a: Ordered, b: Ordered): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const ORDER_DIGITS = /^[0-9A-Za-z]+$/;
const SMALLEST_INTEGER = `A${'0'.repeat(26)}`;

/**
 * A well-formed key of fractional-indexing's default alphabet: a head letter giving the length of
 * the integer part ("a" 2, "b" 3 … "A" 27), its digits, and a fraction not ending in "0". Checked
 * by hand because the reader checks every task's key when a board opens.
 */
export function isOrderKey(value: unknown): value is string {
  if (typeof value !== 'string' || value.length < 2 || !ORDER_DIGITS.test(value)) return false;
  const head = value.charCodeAt(0);
  const integerLength = head >= 97 ? head - 97 + 2 : head >= 65 && head <= 90 ? 90 - head + 2 : 0;
  if (integerLength === 0 || value.length < integerLength) return false;
  if (value.slice(0, integerLength) === SMALLEST_INTEGER) return false;
  return !value.slice(integerLength).endsWith('0');
}

/** A key strictly between two keys (null = start or end of the column). */
export function orderBetween(before: string | null, after: string | null): string {
  return generateKeyBetween(before, after);
}

/** Keys for n tasks placed in a row: deterministic, so seeded tasks get the same keys on every replica. */
export function orderSequence(n: number): string[] {
  return generateNKeysBetween(null, null, n);
}

/** Automatic tasks go first in their column, ordered among themselves by id. */
export const AUTOMATIC_TASK_ORDER = generateKeyBetween(null, 'a0');

/**
 * The key for a task dropped between `previous` and `next` in a column already sorted by
 * compareOrdered. When the two neighbours tie (same key, told apart by id), no key fits between them,
 * so the moved task takes the neighbour's key only if its id sorts between theirs; otherwise the
 * caller must re-key the tail of the column (see rekeyAfter).
 */
export function orderForDrop(previous: Ordered | null, next: Ordered | null, movingId: string): string | null {
  if (!previous || !next || previous.order < next.order) return orderBetween(previous?.order ?? null, next?.order ?? null);
  if (previous.id < movingId && movingId < next.id) return previous.order;
  return null;
}

/** Fresh keys for the moved task and every task after it, starting after `previous`. */
export function rekeyAfter(previous: Ordered | null, tail: Ordered[]): string[] {
  const from = previous?.order ?? null;
  const upTo = tail.find((task) => previous === null || task.order > previous.order)?.order ?? null;
  const tied = tail.filter((task) => upTo === null || task.order < upTo);
  return generateNKeysBetween(from, upTo, tied.length + 1);
}
