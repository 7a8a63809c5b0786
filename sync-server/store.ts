// The one storage interface every backend implements: an append-only update log per room plus a
// snapshot the log is folded into. The server core only ever talks to this.
import * as Y from 'yjs';

export interface StoredUpdate {
  room: string;
  update: Uint8Array;
  user: string;
  at: number;
}

export interface DocumentStore {
  /** True when several server instances read and write the same store (PostgreSQL). */
  readonly shared: boolean;
  /** The room's snapshot (if any) followed by its logged updates, oldest first. */
  load(room: string): Promise<Uint8Array[]>;
  /** Durably stores every entry (fsync'd / committed) before resolving; all or nothing. */
  append(entries: readonly StoredUpdate[]): Promise<void>;
  /** Folds the room's log into its snapshot in one transaction. */
  compact(room: string): Promise<void>;
  /** Every room with stored state. */
  rooms(): Promise<string[]>;
  close(): Promise<void>;
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
