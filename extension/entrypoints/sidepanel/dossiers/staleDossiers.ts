// Freshness: an unfinished dossier is only as current as the last time the portal showed it. Those
// not seen for more than N days may have moved on (returned, paused) without the panel knowing.
import { addDays, todayInVietnam, vietnamDateOf } from '../../../../shared/time/dates.ts';
import type { DossierRow } from './dossierView.ts';

/** Unfinished dossiers last seen before today − days, the longest unseen first. */
export function staleDossiers(rows: readonly DossierRow[], days: number, now: Date = new Date()): DossierRow[] {
  const cutoff = addDays(todayInVietnam(now), -days);
  return rows
    .filter((row) => row.dossier.returnedAt === null && vietnamDateOf(row.dossier.lastSeenAt) < cutoff)
    .sort((a, b) => a.dossier.lastSeenAt.localeCompare(b.dossier.lastSeenAt));
}
