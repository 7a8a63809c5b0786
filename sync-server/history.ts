// A room's history read back: the moments a unit lead picks from (who, when, how many updates)
// and the document as it was at one of them.
import * as Y from 'yjs';
import { isCalendarDate } from '../shared/time/dates.ts';
import { applyStoredUpdate, type RoomHistory } from './store.ts';

export interface Moment {
  /** The time of the moment's last update (ms): restoring to it keeps the whole moment. */
  at: number;
  user: string;
  updates: number;
}

/** Updates of one officer closer together than this form one moment. */
export const momentGapMs = 60_000;

/**
 * Consecutive updates by the same user, each within `gapMs` of the previous, form one moment,
 * oldest first. Updates from before the history began (written before it was kept) are left out.
 */
export function momentsOf(history: RoomHistory, gapMs = momentGapMs): Moment[] {
  const moments: Moment[] = [];
  for (const entry of history.entries) {
    if (entry.at < history.since) continue;
    const last = moments.at(-1);
    if (last && last.user === entry.user && entry.at - last.at <= gapMs) {
      last.at = Math.max(last.at, entry.at);
      last.updates += 1;
    } else moments.push({ at: entry.at, user: entry.user, updates: 1 });
  }
  return moments;
}

export class BeforeHistoryError extends Error {
  readonly since: number;
  constructor(since: number) {
    super(`history starts at ${new Date(since).toISOString()}`);
    this.since = since;
  }
}

/** The document as it was at `at` (ms): the base and every update stored until then. */
export function documentAt(history: RoomHistory, at: number): Y.Doc {
  if (at < history.since) throw new BeforeHistoryError(history.since);
  const doc = new Y.Doc();
  if (history.base) applyStoredUpdate(doc, history.base);
  for (const entry of history.entries) if (entry.at <= at) applyStoredUpdate(doc, entry.update);
  return doc;
}

/** True when the history holds nothing at all: the unit never stored anything. */
export function isEmptyHistory(history: RoomHistory): boolean {
  return history.base === null && history.entries.length === 0;
}

const vietnamOffsetMs = 7 * 3600 * 1000;

/** An instant in Vietnam time to the millisecond (2026-12-01T11:31:02.123+07:00), so it can be passed back to --at exactly. */
export function vietnamInstant(ms: number): string {
  return `${new Date(ms + vietnamOffsetMs).toISOString().slice(0, 23)}+07:00`;
}

/** An ISO time; one without a zone is read as Vietnam time. NaN when it is not a time. */
export function parseInstant(text: string): number {
  const match = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?))?(Z|[+-]\d{2}:?\d{2})?$/.exec(text.trim());
  if (!match || !isCalendarDate(match[1]!)) return Number.NaN;
  const [, date, time = '00:00', zone = '+07:00'] = match;
  return Date.parse(`${date}T${time}${zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')}`);
}
