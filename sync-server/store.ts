// The one storage interface every backend implements: an append-only update log per room, each
// update kept with its time and author for the history window, plus two snapshots: the room's
// current state (what the log is folded into for a fast load) and the base of its history (what
// updates older than the window are folded into, so a moment inside the window can be rebuilt).
import * as Y from 'yjs';

export interface StoredUpdate {
  room: string;
  update: Uint8Array;
  /** The token's `sub` of the officer who sent it; 'system' for peer sync. */
  user: string;
  /** When the server stored it, in ms since the epoch. */
  at: number;
}

/** One kept update of a room's history. */
export interface HistoryEntry {
  at: number;
  user: string;
  update: Uint8Array;
}

export interface RoomHistory {
  /** Everything folded out of the history window, as one update (null: nothing yet). */
  base: Uint8Array | null;
  /** History is complete from this moment (ms) on: a moment before it cannot be rebuilt. */
  since: number;
  /** The kept updates, oldest first. */
  entries: HistoryEntry[];
}

export interface StoreOptions {
  /** Read only: nothing is written, not even the schema. */
  readOnly?: boolean;
  /** Days each update is kept with its time and author before compaction folds it into the base. */
  historyDays?: number;
}

export const defaultHistoryDays = 30;
const dayMs = 24 * 3600 * 1000;

/** Updates stored before this moment leave the history at the next compaction. */
export function historyCutoff(historyDays: number, now = Date.now()): number {
  return now - historyDays * dayMs;
}

export interface DocumentStore {
  /** True when several server instances read and write the same store (PostgreSQL). */
  readonly shared: boolean;
  /** The room's snapshot (if any) followed by its logged updates not yet folded into it, oldest first. */
  load(room: string): Promise<Uint8Array[]>;
  /** Durably stores every entry (fsync'd / committed) before resolving; all or nothing. */
  append(entries: readonly StoredUpdate[]): Promise<void>;
  /**
   * In one transaction: folds the log into the room's snapshot, and folds the updates older than
   * the history window into the history's base, deleting them from the log.
   */
  compact(room: string): Promise<void>;
  /** The room's history: its base and every kept update with its time and author. */
  history(room: string): Promise<RoomHistory>;
  /** Every room with stored state. */
  rooms(): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * The snapshot after a compaction: the unfolded log goes into the current state, the expired
 * updates into the history's base (they are all in the state already: an update is logged, then
 * folded into the state at the latest by the compaction that expires it).
 */
export function foldedSnapshot<Id>(
  snapshot: { state: Uint8Array; upto: Id; base: Uint8Array | null; since: number } | undefined,
  fresh: readonly { id: Id; data: Uint8Array }[],
  expired: readonly { data: Uint8Array; at: number }[],
): { state: Uint8Array; upto: Id | 0; base: Uint8Array | null; since: number } {
  const lastFresh = fresh.at(-1);
  const state = lastFresh ? mergeStoredUpdates([...(snapshot ? [snapshot.state] : []), ...fresh.map((row) => row.data)]) : snapshot!.state;
  const base = expired.length > 0 ? mergeStoredUpdates([...(snapshot?.base ? [snapshot.base] : []), ...expired.map((row) => row.data)]) : (snapshot?.base ?? null);
  const since = Math.max(snapshot?.since ?? 0, ...expired.map((row) => row.at));
  return { state, upto: lastFresh ? lastFresh.id : (snapshot?.upto ?? 0), base, since };
}

/** One update holding the whole state; a garbage-collected doc keeps snapshots small. */
export function mergeStoredUpdates(updates: readonly Uint8Array[]): Uint8Array {
  const doc = new Y.Doc();
  for (const update of updates) applyStoredUpdate(doc, update);
  const merged = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return merged;
}

/**
 * Applies a stored update, skipping one that Yjs cannot read: a single bad row must not make the
 * whole room unreadable.
 */
export function applyStoredUpdate(doc: Y.Doc, update: Uint8Array, origin: unknown = null): boolean {
  try {
    Y.applyUpdate(doc, update, origin);
    return true;
  } catch {
    return false;
  }
}
