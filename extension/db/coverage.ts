// Coverage per search: what the portal said about the whole search (its total, or how far its
// slices went) and which dossiers of it are stored. Written by the background after each list
// response a portal page read; read by every view that shows a figure.
import Dexie from 'dexie';
import { atLeast, knownTotal, type ListInfo } from '../../shared/portal/listInfo.ts';
import { searchIdentity } from '../../shared/portal/searchIdentity.ts';
import type { SearchCoverage } from '../../shared/portalCoverage/coverage.ts';
import { toVietnamIso } from '../../shared/time/dates.ts';
import type { TthcDatabase } from './database.ts';

export interface ListSeen {
  /** The list request's address (on the portal's API host). */
  url: string;
  info: ListInfo;
  /** The dossiers of this response that were accepted for storing. */
  codes: string[];
}

export async function recordListSeen(db: TthcDatabase, seen: ListSeen, now: Date): Promise<SearchCoverage> {
  const identity = searchIdentity(new URL(seen.url));
  return db.transaction('rw', [db.searchCoverage, db.searchMembers], async () => {
    if (seen.codes.length > 0) await db.searchMembers.bulkPut(seen.codes.map((code) => ({ searchKey: identity.key, code })));
    const [before, stored] = await Promise.all([
      db.searchCoverage.get(identity.key),
      db.searchMembers.where('[searchKey+code]').between([identity.key, Dexie.minKey], [identity.key, Dexie.maxKey]).count(),
    ]);
    // The latest total the portal gave wins (dossiers arrive over time); a slice keeps what was known.
    const total = knownTotal(seen.info) ?? before?.portalTotal ?? null;
    const coverage: SearchCoverage = {
      key: identity.key,
      origin: identity.origin,
      path: identity.path,
      filters: identity.filters,
      window: identity.window,
      portalTotal: total,
      portalAtLeast: total ?? Math.max(before?.portalAtLeast ?? 0, atLeast(seen.info)),
      stored,
      lastSeenAt: toVietnamIso(now),
    };
    await db.searchCoverage.put(coverage);
    return coverage;
  });
}
