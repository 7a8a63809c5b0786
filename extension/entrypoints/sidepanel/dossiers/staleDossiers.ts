// Freshness: an unfinished dossier is only as current as the last time the portal showed it. Those
// not seen for more than N days may have moved on (returned, paused) without the panel knowing.
// Read through the unfinished dossiers' last-seen index (dossierIndex.ts): only stale ones are read.
import { dossierFinishedAt } from '../../../../shared/schemas/dossier.ts';
import { addDays, todayInVietnam, vietnamDateOf } from '../../../../shared/time/dates.ts';
import type { StoredDossier, TthcDatabase } from '../../../db/database.ts';

type Seen = Pick<StoredDossier, 'completedAt' | 'returnedAt' | 'lastSeenAt'>;

/** Unfinished dossiers last seen before today − days, the longest unseen first. */
export function staleDossiers<T extends Seen>(dossiers: readonly T[], days: number, now: Date = new Date()): T[] {
  const cutoff = addDays(todayInVietnam(now), -days);
  return dossiers
    .filter((dossier) => dossierFinishedAt(dossier) === null && vietnamDateOf(dossier.lastSeenAt) < cutoff)
    .sort((a, b) => a.lastSeenAt.localeCompare(b.lastSeenAt));
}

export interface StaleList {
  count: number;
  /** The longest unseen, at most `shown` of them. */
  dossiers: StoredDossier[];
}

/** The stale dossiers (of the unit's agency codes, or all with null), counted, the first `shown` read. */
export async function readStaleDossiers(db: TthcDatabase, unitCodes: readonly string[] | null, days: number, shown: number, now: Date = new Date()): Promise<StaleList> {
  // lastSeenAt is stored in Vietnam time (store.ts): before the cutoff day's midnight is before that day.
  const before = `${addDays(todayInVietnam(now), -days)}T00:00:00+07:00`;
  const ranges = unitCodes === null
    ? [db.dossiers.where('openSeenAt').below(before)]
    : unitCodes.map((code) => db.dossiers.where('[unitKey+openSeenAt]').between([code, ''], [code, before]));
  const [counts, firsts] = await Promise.all([
    Promise.all(ranges.map((range) => range.count())),
    Promise.all(ranges.map((range) => range.limit(shown).toArray())),
  ]);
  return { count: counts.reduce((sum, n) => sum + n, 0), dossiers: staleDossiers(firsts.flat(), days, now).slice(0, shown) };
}
