// Group commit: updates wait and form a batch, stored durably in one transaction, THEN handed to
// the rooms, which apply them to the state the server answers from and acknowledge them. (Each was
// already relayed on receipt, room.ts says why that is safe, so officers do not wait for the disk.)
// Commits are at least `commitSpacingMs` apart: under load one fsync serves every update of that
// window, which is what lets durable storage cost less than the relay; after a quiet spell the
// next update is committed at once. Nothing a client sees waits on that spacing but its "saved"
// acknowledgement. A batch takes a bounded
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
  /** Relayed on receipt (Room.relayReceived); otherwise relayed once stored. */
  relayed: boolean;
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
/**
 * The least time between the starts of two commits. bench:sync (1,000 officers, an edit a second
 * each) committed about every 10 ms without it. Each commit writes the index pages it changed
 * (one per room it touches) and flushes them: at 200 ms a commit carries twenty times the updates
 * for about twice the pages, and the store's CPU per update fell from 14.7 to 8.7 µs (the store
 * alone, 50 against 200 updates a commit). Relays do not wait for it; an officer's "saved" comes
 * at most that much later, which no one can see.
 */
const commitSpacingMs = 200;
/** How long handing a stored batch to its rooms may hold the event loop before the sockets are read again. */
const maxHandOverTurnMs = 1;

export class CommitQueue {
  readonly #store: DocumentStore;
  readonly #metrics: SyncMetrics;
  readonly #rooms: StoredBatches;
  readonly #onError: (error: unknown) => void;
  /** Waiting updates per room, rooms in the order they get their next slice. */
  #pending = new Map<Room, PendingUpdate[]>();
  #scheduled = false;
  /** Set while the next commit waits for its spacing; drain() does not wait for it. */
  #spacingTimer: NodeJS.Timeout | null = null;
  #inFlight: Promise<void> | null = null;
  #accepting = true;
  #lastCommitStart = -Infinity;

  constructor(store: DocumentStore, metrics: SyncMetrics, rooms: StoredBatches, onError: (error: unknown) => void) {
    this.#store = store;
    this.#metrics = metrics;
    this.#rooms = rooms;
    this.#onError = onError;
  }

  /** False once shutting down: nothing new is taken (nor relayed); the client sends it again when it reconnects. */
  enqueue(entry: PendingUpdate): boolean {
    if (!this.#accepting) return false;
    entry.room.queued(entry.update.byteLength);
    const waiting = this.#pending.get(entry.room);
    if (waiting) waiting.push(entry);
    else this.#pending.set(entry.room, [entry]);
    this.#schedule();
    return true;
  }

  stopAccepting(): void {
    this.#accepting = false;
  }

  /** Resolves once everything enqueued so far is stored and relayed (or failed). */
  async drain(): Promise<void> {
    while (this.#inFlight || this.#pending.size > 0 || this.#scheduled) {
      if (this.#spacingTimer) {
        clearTimeout(this.#spacingTimer);
        this.#spacingTimer = null;
        this.#commit();
      } else if (this.#inFlight) await this.#inFlight;
      else await new Promise((resolve) => setImmediate(resolve));
    }
  }

  #schedule(): void {
    if (this.#scheduled || this.#inFlight) return;
    this.#scheduled = true;
    const wait = this.#lastCommitStart + commitSpacingMs - performance.now();
    // setImmediate runs after the current round of socket reads, so one batch gathers them all.
    if (wait <= 0) setImmediate(() => this.#commit());
    else
      this.#spacingTimer = setTimeout(() => {
        this.#spacingTimer = null;
        this.#commit();
      }, wait);
  }

  #commit(): void {
    this.#scheduled = false;
    this.#lastCommitStart = performance.now();
    this.#inFlight = this.#flush().finally(() => {
      this.#inFlight = null;
      if (this.#pending.size > 0) this.#schedule();
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
      for (const [room, slice] of slices) room.dropped(slice);
      // Their updates were neither stored nor relayed: reconnecting makes the clients resend them.
      for (const { sender } of batch) if (typeof sender !== 'symbol') sender.close(closeServerError, 'store failed');
      return;
    }
    this.#metrics.observeStore((performance.now() - started) / 1000);
    await this.#handOver(slices);
  }

  /**
   * The stored slices to their rooms, a turn of the event loop at a time: applying a batch of a
   * whole commit window (about 200 updates in bench:sync) took 2–10 ms at once, and every relay
   * arriving meanwhile waited for it (the largest share of the fan-out p99). Each room's slice
   * is applied whole; other rooms' slices wait for the next turn, after the sockets were read.
   */
  async #handOver(slices: Map<Room, PendingUpdate[]>): Promise<void> {
    let turnStarted = performance.now();
    for (const [room, slice] of slices) {
      if (performance.now() - turnStarted >= maxHandOverTurnMs) {
        await new Promise((resolve) => setImmediate(resolve));
        turnStarted = performance.now();
      }
      this.#rooms.applyStored(room, slice);
    }
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
