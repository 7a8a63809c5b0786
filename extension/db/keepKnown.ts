// How a new capture of a stored dossier or procedure merges with what is stored (store.ts).

/**
 * The latest capture wins, except where it knows less: a page showing fewer fields (the national
 * portal's lookup or procedure page, a DOM fallback) must not erase an agency code, a date or a
 * decision number that a response or a fuller page gave. A table has one return column, which may
 * show the completion: a capture that knows the completion also knows whether the dossier was
 * handed back, so its return (even none) replaces the table's.
 */
export function keepKnown<T extends object>(before: T | undefined, latest: T): T {
  if (!before) return latest;
  const merged: Record<string, unknown> = { ...(latest as Record<string, unknown>) };
  const knownBefore = before as Record<string, unknown>;
  for (const [field, value] of Object.entries(latest)) {
    if (field === 'returnedAt' && 'completedAt' in latest && latest.completedAt !== null) continue;
    // The other way round: a table's return that is the completion a fuller capture already knows
    // says nothing of a hand-back, whichever of the two arrived last (two tabs can cross).
    if (field === 'returnedAt' && value !== null && value === knownBefore.completedAt) {
      merged[field] = knownBefore.returnedAt ?? null;
      continue;
    }
    const known = knownBefore[field];
    if (value === null && known !== null && known !== undefined) merged[field] = known;
  }
  return merged as T;
}
