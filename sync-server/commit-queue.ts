// Group commit: updates that arrive while a batch is being stored wait and form the next batch.
// A batch is stored durably in one transaction, THEN handed to the rooms to apply and relay, so
// no officer ever receives an update the store could still lose. One fsync serves many updates,
// which is what lets durable storage keep up with an in-memory relay. A batch takes a bounded
// slice from each room in turn, so one unit's flood never stands between another unit's edit
// and its batch, and no turn of the event loop holds more than a bounded amount of work.
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
/** Per room and batch: a flood is stored in slices, other rooms' edits go in between. */
const maxSliceUpdates = 256;
const maxSliceBytes = 1024 * 1024;

export class CommitQueue {
  readonly #store: DocumentStore;
  readonly #metrics: SyncMetrics;
  readonly #rooms: StoredBatches;
  readonly #onError: (error: unknown) => void;
  /** Waiting updates per room, rooms in the order they get their next slice. */
  #pending = new Map<Room, PendingUpdate[]>();
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
    const waiting = this.#pending.get(entry.room);
    if (waiting) waiting.push(entry);
    else this.#pending.set(entry.room, [entry]);
    this.#schedule();
  }

  stopAccepting(): void {
    this.#accepting = false;
  }

  /** Resolves once everything enqueued so far is stored and relayed (or failed). */
  async drain(): Promise<void> {
    while (this.#inFlight || this.#pending.size > 0 || this.#scheduled) {
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
        if (this.#pending.size > 0) this.#schedule();
      });
    });
  }

  async #flush(): Promise<void> {
    const slices = this.#takeSlices();
    const batch = [...slices.values()].flat();
    const started = performance.now();
    try {
      await this.#store.append(batch.map((entry) => ({ room: entry.room.name, update: entry.update, user: entry.user, at: entry.at })));
    } catch (error) {
      this.#metrics.storeFailures += 1;
      this.#onError(error);
      for (const [room, slice] of slices) room.dropped(slice.map((entry) => entry.update));
      // Their updates were neither stored nor relayed: reconnecting makes the clients resend them.
      for (const { sender } of batch) if (typeof sender !== 'symbol') sender.close(closeServerError, 'store failed');
      return;
    }
    this.#metrics.observeStore((performance.now() - started) / 1000);
    for (const [room, slice] of slices) this.#rooms.applyStored(room, slice);
  }

  /** From each room with waiting updates, its oldest ones up to the slice bounds (at least one). */
  #takeSlices(): Map<Room, PendingUpdate[]> {
    const slices = new Map<Room, PendingUpdate[]>();
    for (const [room, waiting] of this.#pending) {
      let count = 0;
      let bytes = 0;
      while (count < waiting.length && count < maxSliceUpdates && (count === 0 || bytes + waiting[count]!.update.byteLength <= maxSliceBytes)) {
        bytes += waiting[count]!.update.byteLength;
        count += 1;
      }
      slices.set(room, waiting.splice(0, count));
    }
    for (const [room, waiting] of [...this.#pending]) if (waiting.length === 0) this.#pending.delete(room);
    return slices;
  }
}
