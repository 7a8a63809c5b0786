// The rooms held in memory: loaded from the store before anyone is served (concurrent loads of one
// room share one promise), and let go a grace period after the last connection left.
import type { Fanout, FanoutKind, FanoutPeer } from './fanout.ts';
import type { SyncMetrics } from './metrics.ts';
import { isEmptyUpdate } from './protocol.ts';
import type { PendingUpdate } from './commit-queue.ts';
import { remoteOrigin, Room } from './room.ts';
import type { DocumentStore } from './store.ts';

/** Author of updates that came from another instance (its own store keeps the officer's name). */
export const systemUser = 'system';

export interface RoomsOptions {
  store: DocumentStore;
  fanout: Fanout;
  metrics: SyncMetrics;
  graceMs: number;
  /** A room with no edit for this long keeps only its encoded state (see Room). */
  hibernateMs: number;
  compactAfterUpdates: number;
  roomQuotaBytes: number;
  /** Where an update another instance published is stored first, unless the store is shared. */
  queue: { enqueue(entry: PendingUpdate): void };
  onError(error: unknown): void;
}

export class Rooms {
  readonly #options: RoomsOptions;
  readonly #rooms = new Map<string, Room>();
  readonly #loading = new Map<string, Promise<Room>>();
  readonly #evictions = new Map<Room, NodeJS.Timeout>();
  /** Compactions and evictions in progress: the store must not close under them. */
  readonly #background = new Set<Promise<unknown>>();

  readonly #upkeep: NodeJS.Timeout;

  constructor(options: RoomsOptions) {
    this.#options = options;
    // One timer for every room, rather than one per room.
    this.#upkeep = setInterval(() => {
      const now = Date.now();
      let hibernating = 0;
      for (const room of this.#rooms.values()) {
        this.#safely(() => room.tidy(now, options.hibernateMs));
        if (room.hibernating) hibernating += 1;
      }
      options.metrics.hibernatingRooms = hibernating;
    }, Math.max(50, Math.min(options.hibernateMs / 2, 5000)));
    this.#upkeep.unref();
  }

  /** The loaded room, held until release(); loading it first if needed. */
  async acquire(name: string): Promise<Room> {
    const room = this.#rooms.get(name) ?? (await this.#load(name));
    room.hold();
    const eviction = this.#evictions.get(room);
    if (eviction) {
      clearTimeout(eviction);
      this.#evictions.delete(room);
    }
    return room;
  }

  release(room: Room): void {
    room.letGo();
    this.#scheduleEviction(room);
  }

  /** A batch the commit queue stored: applied and relayed by its room, compacted once enough piled up. */
  applyStored(room: Room, batch: readonly PendingUpdate[]): void {
    room.applyStored(batch);
    if (room.appended(batch.length) >= this.#options.compactAfterUpdates) this.#compact(room);
  }

  /** Drops every room from memory after compacting what they logged (shutdown). */
  async closeAll(): Promise<void> {
    clearInterval(this.#upkeep);
    for (const timer of this.#evictions.values()) clearTimeout(timer);
    this.#evictions.clear();
    await Promise.allSettled([...this.#loading.values()]);
    await Promise.all([...this.#rooms.values()].map((room) => this.#evict(room)));
    await Promise.allSettled([...this.#background]);
  }

  #load(name: string): Promise<Room> {
    const loading = this.#loading.get(name);
    if (loading) return loading;
    const promise = this.#loadOnce(name).finally(() => this.#loading.delete(name));
    this.#loading.set(name, promise);
    return promise;
  }

  async #loadOnce(name: string): Promise<Room> {
    const { store, fanout, metrics } = this.#options;
    const room = new Room(name, { fanout, metrics, quotaBytes: this.#options.roomQuotaBytes });
    // Subscribe before reading the store: an update stored elsewhere meanwhile arrives either in
    // the rows read or on the channel (applying it twice is harmless in Yjs).
    try {
      await fanout.join(name, (kind, payload, peer) => this.#receive(room, kind, payload, peer));
      const stored = await store.load(name);
      room.restore(stored);
      // A store of its own lacks what other instances stored while this one did not hold the
      // room: ask every instance holding it (Yjs sync step 1 between instances).
      if (!store.shared) fanout.publish(name, 'syncStep1', room.stateVector());
    } catch (error) {
      await fanout.leave(name).catch(() => undefined);
      room.destroy();
      throw error;
    }
    this.#rooms.set(name, room);
    metrics.rooms = this.#rooms.size;
    return room;
  }

  #receive(room: Room, kind: FanoutKind, payload: Uint8Array, peer: FanoutPeer): void {
    if (kind === 'update' || kind === 'syncStep2') this.#receiveUpdate(room, payload);
    else if (kind === 'awareness') this.#safely(() => room.applyPresence(payload, remoteOrigin));
    else this.#safely(() => this.#answerPeer(room, payload, peer));
  }

  #receiveUpdate(room: Room, update: Uint8Array): void {
    if (this.#options.store.shared) room.applyRemote(update);
    else this.#options.queue.enqueue({ room, update, sender: remoteOrigin, user: systemUser, at: Date.now(), relayed: false });
  }

  /**
   * Another instance sent its state vector: answer with what it lacks (only stored updates, as
   * the room holds nothing else). When it asked everyone on loading the room, it may hold what
   * this instance lacks too, so ask it back; a direct request is already that answer's other half.
   */
  #answerPeer(room: Room, stateVector: Uint8Array, peer: FanoutPeer): void {
    const missing = room.missing(stateVector);
    if (!isEmptyUpdate(missing)) peer.reply('syncStep2', missing);
    if (!peer.direct) peer.reply('syncStep1', room.stateVector());
  }

  #scheduleEviction(room: Room): void {
    if (room.held || this.#evictions.has(room) || this.#rooms.get(room.name) !== room) return;
    const timer = setTimeout(() => {
      this.#evictions.delete(room);
      if (room.held) return;
      // Updates still being stored must reach the room before it goes.
      if (room.writing) this.#scheduleEviction(room);
      else this.#track(this.#evict(room));
    }, this.#options.graceMs);
    timer.unref();
    this.#evictions.set(room, timer);
  }

  async #evict(room: Room): Promise<void> {
    this.#rooms.delete(room.name);
    this.#options.metrics.rooms = this.#rooms.size;
    room.destroy();
    const work: Promise<unknown>[] = [this.#options.fanout.leave(room.name)];
    // A short log is cheap to load; folding it is not worth a transaction per evicted room.
    if (room.logLength >= this.#options.compactAfterUpdates / 10) work.push(this.#options.store.compact(room.name));
    await Promise.all(work);
  }

  #compact(room: Room): void {
    if (!room.startCompaction()) return;
    this.#track(
      new Promise((resolve) => setImmediate(resolve))
        .then(() => this.#options.store.compact(room.name))
        .finally(() => room.endCompaction()),
    );
  }

  #track(work: Promise<unknown>): void {
    const tracked = work.catch(this.#options.onError).finally(() => this.#background.delete(tracked));
    this.#background.add(tracked);
  }

  #safely(work: () => void): void {
    try {
      work();
    } catch (error) {
      this.#options.onError(error);
    }
  }
}
