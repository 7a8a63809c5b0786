// Group commit: updates that arrive while a batch is being stored wait and form the next batch.
// A batch is stored durably in one transaction, THEN applied and relayed, so no officer ever
// receives an update the store could still lose. One fsync serves many updates, which is what
// lets durable storage keep up with an in-memory relay.
import type { SyncMetrics } from './metrics.ts';
import { remoteOrigin, type Room, type RoomConnection } from './room.ts';
import type { DocumentStore } from './store.ts';

export interface PendingUpdate {
  room: Room;
  update: Uint8Array;
  sender: RoomConnection | typeof remoteOrigin;
}

export interface CommitOutcome {
  stored(room: Room, updates: Uint8Array[], senders: Set<RoomConnection | typeof remoteOrigin>): void;
  /** Nothing of the batch was applied or relayed; its senders must resend after reconnecting. */
  failed(batch: readonly PendingUpdate[], error: unknown): void;
}

export class CommitQueue {
  readonly #store: DocumentStore;
  readonly #metrics: SyncMetrics;
  readonly #outcome: CommitOutcome;
  #pending: PendingUpdate[] = [];
  #scheduled = false;
  #inFlight: Promise<void> | null = null;

  constructor(store: DocumentStore, metrics: SyncMetrics, outcome: CommitOutcome) {
    this.#store = store;
    this.#metrics = metrics;
    this.#outcome = outcome;
  }

  enqueue(entry: PendingUpdate): void {
    entry.room.pendingWrites += 1;
    this.#pending.push(entry);
    this.#schedule();
  }

  /** Resolves once everything enqueued so far is stored and relayed (or failed). */
  async drain(): Promise<void> {
    while (this.#inFlight || this.#pending.length > 0 || this.#scheduled) {
      if (this.#inFlight) await this.#inFlight;
      else await new Promise((resolve) => setImmediate(resolve));
    }
  }

  #schedule(): void {
    if (this.#scheduled || this.#inFlight) return;
    this.#scheduled = true;
    // setImmediate runs after the current round of socket reads, so one batch gathers them all.
    setImmediate(() => {
      this.#scheduled = false;
      this.#inFlight = this.#flush().finally(() => {
        this.#inFlight = null;
        if (this.#pending.length > 0) this.#schedule();
      });
    });
  }

  async #flush(): Promise<void> {
    const batch = this.#pending;
    this.#pending = [];
    const started = performance.now();
    try {
      const at = Date.now();
      await this.#store.append(batch.map((entry) => ({ room: entry.room.name, update: entry.update, user: authorOf(entry.sender), at })));
    } catch (error) {
      this.#metrics.storeFailures += 1;
      for (const entry of batch) entry.room.pendingWrites -= 1;
      this.#outcome.failed(batch, error);
      return;
    }
    this.#metrics.observeStore((performance.now() - started) / 1000);
    for (const [room, entries] of groupByRoom(batch)) {
      room.pendingWrites -= entries.length;
      this.#outcome.stored(room, entries.map((entry) => entry.update), new Set(entries.map((entry) => entry.sender)));
    }
  }
}

/** Who made an update, for the room's history: the token's user, or 'system' for peer sync. */
function authorOf(sender: PendingUpdate['sender']): string {
  if (sender === remoteOrigin) return 'system';
  return (sender as { user?: string }).user ?? 'unknown';
}

function groupByRoom(batch: readonly PendingUpdate[]): Map<Room, PendingUpdate[]> {
  const groups = new Map<Room, PendingUpdate[]>();
  for (const entry of batch) {
    const group = groups.get(entry.room);
    if (group) group.push(entry);
    else groups.set(entry.room, [entry]);
  }
  return groups;
}
