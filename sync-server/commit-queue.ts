// Group commit: updates that arrive while a batch is being stored wait and form the next batch.
// A batch is stored durably in one transaction, THEN handed to the rooms to apply and relay, so
// no officer ever receives an update the store could still lose. One fsync serves many updates,
// which is what lets durable storage keep up with an in-memory relay. A batch is bounded, so one
// turn of the event loop never holds more than a bounded amount of work: a flood waits its turn.
import type { SyncMetrics } from './metrics.ts';
import type { remoteOrigin, Room, RoomConnection } from './room.ts';
import type { DocumentStore } from './store.ts';

export interface PendingUpdate {
  room: Room;
  update: Uint8Array;
  sender: RoomConnection | typeof remoteOrigin;
  /** The token's `sub` of the sender; 'system' for updates from another instance. */
  user: string;
  /** When it was received (ms since epoch). */
  at: number;
}

/** Where stored batches go: the rooms apply and relay them. */
export interface StoredBatches {
  applyStored(room: Room, batch: readonly PendingUpdate[]): void;
}

/** Server error (RFC 6455); the stock client reconnects and resends what was not stored. */
const closeServerError = 1011;
const maxBatchUpdates = 2_000;
const maxBatchBytes = 8 * 1024 * 1024;

export class CommitQueue {
  readonly #store: DocumentStore;
  readonly #metrics: SyncMetrics;
  readonly #rooms: StoredBatches;
  readonly #onError: (error: unknown) => void;
  #pending: PendingUpdate[] = [];
  #scheduled = false;
  #inFlight: Promise<void> | null = null;
  #accepting = true;

  constructor(store: DocumentStore, metrics: SyncMetrics, rooms: StoredBatches, onError: (error: unknown) => void) {
    this.#store = store;
    this.#metrics = metrics;
    this.#rooms = rooms;
    this.#onError = onError;
  }

  enqueue(entry: PendingUpdate): void {
    // While shutting down nothing new is taken: unstored updates stay with the client, which
    // sends them again when it reconnects.
    if (!this.#accepting) return;
    entry.room.queued(entry.update.byteLength);
    this.#pending.push(entry);
    this.#schedule();
  }

  stopAccepting(): void {
    this.#accepting = false;
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
    const batch = this.#takeBatch();
    const started = performance.now();
    try {
      await this.#store.append(batch.map((entry) => ({ room: entry.room.name, update: entry.update, user: entry.user, at: entry.at })));
    } catch (error) {
      this.#metrics.storeFailures += 1;
      this.#onError(error);
      for (const [room, entries] of groupByRoom(batch)) room.dropped(entries.map((entry) => entry.update));
      // Their updates were neither stored nor relayed: reconnecting makes the clients resend them.
      for (const { sender } of batch) if (typeof sender !== 'symbol') sender.close(closeServerError, 'store failed');
      return;
    }
    this.#metrics.observeStore((performance.now() - started) / 1000);
    for (const [room, entries] of groupByRoom(batch)) this.#rooms.applyStored(room, entries);
  }

  /** The oldest pending updates, up to the batch bounds (always at least one). */
  #takeBatch(): PendingUpdate[] {
    let count = 0;
    let bytes = 0;
    while (count < this.#pending.length && count < maxBatchUpdates && (count === 0 || bytes + this.#pending[count]!.update.byteLength <= maxBatchBytes)) {
      bytes += this.#pending[count]!.update.byteLength;
      count += 1;
    }
    return this.#pending.splice(0, count);
  }
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
