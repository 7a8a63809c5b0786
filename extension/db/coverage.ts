// Coverage per search: what the portal said about the whole search (its total, or how far its
// slices went) and which dossiers of it are stored. Written by the background after each list
// response a portal page read; read by every view that shows a figure.
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

/**
 * Each search's member codes, per database, read once: a page then writes only its new members
 * and counts without scanning (a collected page of 1,000 rows arrives every second). Only the
 * background writes members, so the sets can only lag behind writes it made itself.
 */
const memberSets = new WeakMap<TthcDatabase, Map<string, Promise<Set<string>>>>();

function membersOf(db: TthcDatabase, searchKey: string): Promise<Set<string>> {
  let searches = memberSets.get(db);
  if (!searches) memberSets.set(db, (searches = new Map()));
  let members = searches.get(searchKey);
  if (!members) {
    members = db.searchMembers
      .where('searchKey')
      .equals(searchKey)
      .toArray()
      .then((rows) => new Set(rows.flatMap((row) => row.codes)));
    searches.set(searchKey, members);
    members.catch(() => searches.delete(searchKey));
  }
  return members;
}

export async function recordListSeen(db: TthcDatabase, seen: ListSeen, now: Date): Promise<SearchCoverage> {
  const identity = searchIdentity(new URL(seen.url));
  const members = await membersOf(db, identity.key);
  const fresh = [...new Set(seen.codes)].filter((code) => !members.has(code));
  return db.transaction('rw', [db.searchCoverage, db.searchMembers], async () => {
    const [before] = await Promise.all([
      db.searchCoverage.get(identity.key),
      fresh.length > 0 ? db.searchMembers.add({ searchKey: identity.key, codes: fresh }) : undefined,
    ]);
    for (const code of fresh) members.add(code);
    const stored = members.size;
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
