// One unit's board in memory: its Yjs state, which only ever holds STORED updates, the presence
// of its officers, and the connections it relays to. Whatever a client can receive from here is
// already durable, because updates enter only through applyStored() / applyRemote().
// A room quiet for a while hibernates: its Y.Doc is dropped and only the encoded state is kept
// (a fraction of the memory); a sync is answered from the bytes, an edit wakes the doc.
import * as Y from 'yjs';
import type { Fanout } from './fanout.ts';
import type { SyncMetrics } from './metrics.ts';
import { Presence } from './presence.ts';
import { encodeAwareness, encodeSavedAck, encodeSyncStep1Of, encodeSyncStep2Of, encodeUpdate } from './protocol.ts';
import { applyStoredUpdate } from './store.ts';
import type { Role } from './token.ts';

export interface RoomConnection {
  /** The token's `sub`. */
  readonly user: string;
  readonly role: Role;
  readonly wantsAck: boolean;
  /** Presence client ids this connection announced, removed when it leaves. */
  readonly awarenessIds: Set<number>;
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
}

export interface RoomOptions {
  fanout: Fanout;
  metrics: SyncMetrics;
  /** Stored bytes the room may hold (see fits()). */
  quotaBytes: number;
}

/** Origin of changes that came from another instance: relayed locally, never published again. */
export const remoteOrigin = Symbol('remote');
type Origin = RoomConnection | typeof remoteOrigin | null;

const emptyState = Y.encodeStateAsUpdate(new Y.Doc());
const emptyStateVector = Y.encodeStateVector(new Y.Doc());

export class Room {
  readonly name: string;
  readonly connections = new Set<RoomConnection>();
  readonly #fanout: Fanout;
  readonly #metrics: SyncMetrics;
  readonly #quotaBytes: number;
  readonly #presence = new Presence();
  #doc: Y.Doc | null = null;
  /** The hibernated state and its state vector, while #doc is null. */
  #state: Uint8Array = emptyState;
  #stateVector: Uint8Array = emptyStateVector;
  #lastEdit = Date.now();
  readonly #onUpdate = (update: Uint8Array, origin: Origin) => this.#relayUpdate(update, origin);
  /** Connections being set up plus open ones: a held room is never evicted. */
  #holders = 0;
  /** Updates of this room waiting in the commit queue, and their bytes. */
  #pendingWrites = 0;
  #pendingBytes = 0;
  /** Its size for the quota: the encoded state when loaded or hibernated, plus bytes stored since. */
  #storedBytes = 0;
  #appendedSinceCompaction = 0;
  #compacting = false;

  constructor(name: string, options: RoomOptions) {
    this.name = name;
    this.#fanout = options.fanout;
    this.#metrics = options.metrics;
    this.#quotaBytes = options.quotaBytes;
  }

  hold(): void {
    this.#holders += 1;
  }

  letGo(): void {
    this.#holders -= 1;
  }

  get held(): boolean {
    return this.#holders > 0;
  }

  /** Whether an update of `bytes` stays within the room's quota, counting what waits to be stored. */
  fits(bytes: number): boolean {
    return this.#storedBytes + this.#pendingBytes + bytes <= this.#quotaBytes;
  }

  /** An update of this room entered the commit queue. */
  queued(bytes: number): void {
    this.#pendingWrites += 1;
    this.#pendingBytes += bytes;
  }

  /** Queued updates that will not be stored (the store failed). */
  dropped(updates: readonly Uint8Array[]): void {
    this.#pendingWrites -= updates.length;
    this.#pendingBytes -= byteLength(updates);
  }

  get writing(): boolean {
    return this.#pendingWrites > 0;
  }

  /** Counts appended updates; the total since the last compaction. */
  appended(count: number): number {
    this.#appendedSinceCompaction += count;
    return this.#appendedSinceCompaction;
  }

  /** Updates appended to the room's log since it was last folded. */
  get logLength(): number {
    return this.#appendedSinceCompaction;
  }

  /** False when a compaction already runs; otherwise starts counting afresh. */
  startCompaction(): boolean {
    if (this.#compacting) return false;
    this.#compacting = true;
    this.#appendedSinceCompaction = 0;
    return true;
  }

  /**
   * The log was folded: the room's size becomes its encoded state again, so updates that
   * overwrote each other stop counting against the quota.
   */
  endCompaction(): void {
    this.#compacting = false;
    this.#storedBytes = this.#doc ? Y.encodeStateAsUpdate(this.#doc).byteLength : this.#state.byteLength;
  }

  /** Stored state read at load time; nothing is relayed. */
  restore(updates: readonly Uint8Array[]): void {
    // Nothing to relay: no 'update' listener meanwhile, so Yjs encodes nothing.
    const doc = this.#wake();
    doc.off('update', this.#onUpdate);
    for (const update of updates) applyStoredUpdate(doc, update);
    doc.on('update', this.#onUpdate);
    this.#appendedSinceCompaction = updates.length;
    this.#storedBytes = byteLength(updates);
  }

  /** Applies updates that are already durable, relays them, and acknowledges their senders. */
  applyStored(updates: readonly Uint8Array[], senders: ReadonlySet<RoomConnection | typeof remoteOrigin>): void {
    const bytes = byteLength(updates);
    this.#pendingWrites -= updates.length;
    this.#pendingBytes -= bytes;
    this.#storedBytes += bytes;
    const only = senders.size === 1 ? [...senders][0]! : null;
    if (updates.length === 1) this.#applyAsReceived(updates[0]!, only);
    else this.#applyInOneTransaction(updates, only);
    const acknowledged = [...senders].filter((sender) => sender !== remoteOrigin && sender.wantsAck && this.connections.has(sender));
    if (acknowledged.length === 0) return;
    const ack = encodeSavedAck(this.stateVector());
    for (const sender of acknowledged) (sender as RoomConnection).send(ack);
  }

  /** An update another instance stored in the shared store. */
  applyRemote(update: Uint8Array): void {
    this.#applyAsReceived(update, remoteOrigin);
  }

  stateVector(): Uint8Array {
    return this.#doc ? Y.encodeStateVector(this.#doc) : this.#stateVector;
  }

  syncStep1(): Uint8Array {
    return encodeSyncStep1Of(this.stateVector());
  }

  /** What a client with `stateVector` lacks. */
  syncStep2(stateVector: Uint8Array): Uint8Array {
    return encodeSyncStep2Of(this.missing(stateVector));
  }

  /** The stored updates a holder of `stateVector` lacks, as one update; from the bytes when hibernating. */
  missing(stateVector: Uint8Array): Uint8Array {
    return this.#doc ? Y.encodeStateAsUpdate(this.#doc, stateVector) : Y.diffUpdate(this.#state, stateVector);
  }

  /**
   * Throws on a malformed presence update (the caller closes that connection). From a connection,
   * only its own officer's states are taken, stamped with its token's identity (presence.ts).
   */
  applyPresence(payload: Uint8Array, origin: RoomConnection | typeof remoteOrigin): void {
    const author = origin === remoteOrigin ? null : { sub: origin.user, role: origin.role, ids: origin.awarenessIds };
    const change = this.#presence.apply(payload, author);
    this.#metrics.refusedPresence += change.refused;
    if (change.payload) this.#relayPresence(change.payload, origin === remoteOrigin);
  }

  /** Everyone present, for a connection that just joined or asked. */
  presenceMessage(): Uint8Array | null {
    const snapshot = this.#presence.snapshot();
    return snapshot && encodeAwareness(snapshot);
  }

  leave(connection: RoomConnection): void {
    this.connections.delete(connection);
    const removal = this.#presence.remove(connection.awarenessIds);
    if (removal) this.#relayPresence(removal, false);
  }

  /** Periodic upkeep: expire unrenewed presence, hibernate when no edit came for `idleMs`. */
  tidy(now: number, idleMs: number): void {
    const expired = this.#presence.expire(now);
    if (expired) this.#relayPresence(expired, true);
    if (this.#doc && this.#pendingWrites === 0 && now - this.#lastEdit >= idleMs) this.#hibernate();
  }

  get hibernating(): boolean {
    return this.#doc === null;
  }

  destroy(): void {
    this.#doc?.destroy();
    this.#doc = null;
  }

  /**
   * Many updates in one transaction: each is applied once and the relayed update is encoded
   * once, so the work grows with the batch, never faster (merging the updates first does not).
   */
  #applyInOneTransaction(updates: readonly Uint8Array[], origin: Origin): void {
    const doc = this.#wake();
    this.#lastEdit = Date.now();
    doc.transact(() => {
      for (const update of updates) applyStoredUpdate(doc, update);
    }, origin);
  }

  /**
   * One update is relayed as received. Yjs encodes a transaction's update only for 'update'
   * listeners, so without one here a large update costs its decoding alone.
   */
  #applyAsReceived(update: Uint8Array, origin: Origin): void {
    const doc = this.#wake();
    this.#lastEdit = Date.now();
    doc.off('update', this.#onUpdate);
    const applied = applyStoredUpdate(doc, update, origin);
    doc.on('update', this.#onUpdate);
    if (applied) this.#relayUpdate(update, origin);
  }

  #wake(): Y.Doc {
    if (this.#doc) return this.#doc;
    const doc = new Y.Doc();
    applyStoredUpdate(doc, this.#state);
    doc.on('update', this.#onUpdate);
    this.#doc = doc;
    return doc;
  }

  #hibernate(): void {
    const doc = this.#doc!;
    this.#state = Y.encodeStateAsUpdate(doc);
    this.#stateVector = Y.encodeStateVector(doc);
    this.#storedBytes = this.#state.byteLength;
    doc.destroy();
    this.#doc = null;
  }

  #relayUpdate(update: Uint8Array, origin: Origin): void {
    const message = encodeUpdate(update);
    for (const connection of this.connections) {
      if (connection === origin) continue;
      connection.send(message);
      this.#metrics.updatesOut += 1;
    }
    if (origin !== remoteOrigin) this.#fanout.publish(this.name, 'update', update);
  }

  #relayPresence(payload: Uint8Array, fromRemote: boolean): void {
    const message = encodeAwareness(payload);
    for (const connection of this.connections) connection.send(message);
    if (!fromRemote) this.#fanout.publish(this.name, 'awareness', payload);
  }
}

const byteLength = (updates: readonly Uint8Array[]) => updates.reduce((sum, update) => sum + update.byteLength, 0);
