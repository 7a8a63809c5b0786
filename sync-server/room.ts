// One unit's board in memory: its Yjs state, which only ever holds STORED updates, the presence
// of its officers, and the connections it relays to. An officer's edit is relayed to the others
// as soon as it is checked (relayReceived), before it is durable: they hold it as the sender
// does, and any editor among them gives it back on its next sync should the store fail. What the
// server itself states (its state vector, a "saved" acknowledgement) only ever rests on stored
// updates, which enter the doc through applyStored() / applyRemote(): a client is never told the
// server holds what it could still lose, so it never stops offering it. An officer who joins
// while edits are relayed but not yet stored gets them at once (join), so nobody edits on a
// board older than what the others see.
// A room quiet for a while hibernates: its Y.Doc is dropped and only the encoded state is kept
// (a fraction of the memory); a sync is answered from the bytes, an edit wakes the doc.
import * as Y from 'yjs';
import type { Fanout } from './fanout.ts';
import { RelayedMessage } from './frame.ts';
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
  /** The same message to many connections: framed once for all of them (frame.ts). */
  relay(message: RelayedMessage): void;
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

/** An update of a stored batch; `relayed` when it was relayed on receipt (relayReceived). */
export interface StoredEntry {
  update: Uint8Array;
  sender: RoomConnection | typeof remoteOrigin;
  relayed: boolean;
}

const emptyState = Y.encodeStateAsUpdate(new Y.Doc());
const emptyStateVector = Y.encodeStateVector(new Y.Doc());

export class Room {
  readonly name: string;
  readonly connections = new Set<RoomConnection>();
  /** Updates relayed on receipt and not stored yet, oldest first (the commit queue's order). */
  #unstored: Uint8Array[] = [];
  readonly #fanout: Fanout;
  readonly #metrics: SyncMetrics;
  readonly #quotaBytes: number;
  readonly #presence = new Presence();
  #doc: Y.Doc | null = null;
  /** The hibernated state and its state vector, while #doc is null. */
  #state: Uint8Array = emptyState;
  #stateVector: Uint8Array = emptyStateVector;
  #lastEdit = Date.now();
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

  /** Queued updates that will not be stored (the store failed): their senders send them again. */
  dropped(batch: readonly StoredEntry[]): void {
    this.#leaveQueue(batch);
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
    // The doc has no 'update' listener: relays are explicit, so Yjs encodes nothing here.
    const doc = this.#wake();
    for (const update of updates) applyStoredUpdate(doc, update);
    this.#appendedSinceCompaction = updates.length;
    this.#storedBytes = byteLength(updates);
  }

  /**
   * A connection joins: it gets every update relayed from now on, and at once those relayed
   * before but not stored yet (its sync answer, from the stored state, would lack them).
   */
  join(connection: RoomConnection): void {
    this.connections.add(connection);
    if (this.#unstored.length > 0) connection.send(encodeUpdate(this.#unstored.length === 1 ? this.#unstored[0]! : Y.mergeUpdates(this.#unstored)));
  }

  /** An officer's checked edit, relayed to the room's other connections before it is stored (see the top of this file). */
  relayReceived(update: Uint8Array, sender: RoomConnection): void {
    this.#unstored.push(update);
    this.#relay(new RelayedMessage(encodeUpdate(update)), sender);
  }

  /**
   * Updates that are now durable: applied in one transaction (nothing to encode, as relays are
   * explicit), relayed where they have not been yet, offered to other instances, and
   * acknowledged to their senders.
   */
  applyStored(batch: readonly StoredEntry[]): void {
    this.#storedBytes += this.#leaveQueue(batch);
    const doc = this.#wake();
    this.#lastEdit = Date.now();
    doc.transact(() => {
      for (const entry of batch) applyStoredUpdate(doc, entry.update);
    });
    for (const entry of batch) {
      if (!entry.relayed) this.#relay(new RelayedMessage(encodeUpdate(entry.update)), entry.sender);
      if (entry.sender !== remoteOrigin) this.#fanout.publish(this.name, 'update', entry.update);
    }
    this.#acknowledge(batch);
  }

  /** An update another instance stored in the shared store. */
  applyRemote(update: Uint8Array): void {
    const doc = this.#wake();
    this.#lastEdit = Date.now();
    if (applyStoredUpdate(doc, update)) this.#relay(new RelayedMessage(encodeUpdate(update)), remoteOrigin);
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

  #wake(): Y.Doc {
    if (this.#doc) return this.#doc;
    const doc = new Y.Doc();
    applyStoredUpdate(doc, this.#state);
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

  /** Sends to every connection but the update's sender. */
  #relay(message: RelayedMessage, sender: RoomConnection | typeof remoteOrigin): void {
    for (const connection of this.connections) {
      if (connection === sender) continue;
      connection.relay(message);
      this.#metrics.updatesOut += 1;
    }
  }

  /**
   * A batch left the commit queue, stored or dropped: it no longer waits, and its relayed updates,
   * the oldest unstored ones (the queue keeps a room's order), are no longer unstored. Returns its bytes.
   */
  #leaveQueue(batch: readonly StoredEntry[]): number {
    const bytes = byteLength(batch.map((entry) => entry.update));
    this.#pendingWrites -= batch.length;
    this.#pendingBytes -= bytes;
    let relayed = 0;
    for (const entry of batch) if (entry.relayed) relayed += 1;
    if (relayed > 0) this.#unstored.splice(0, relayed);
    return bytes;
  }

  /** Tells the senders that asked for it what the server now holds durably. */
  #acknowledge(batch: readonly StoredEntry[]): void {
    let ack: Uint8Array | null = null;
    // Once per sender, however many of its updates the batch holds.
    for (const sender of new Set(batch.map((entry) => entry.sender))) {
      if (sender === remoteOrigin || !sender.wantsAck || !this.connections.has(sender)) continue;
      ack ??= encodeSavedAck(this.stateVector());
      sender.send(ack);
    }
  }

  #relayPresence(payload: Uint8Array, fromRemote: boolean): void {
    const message = new RelayedMessage(encodeAwareness(payload));
    for (const connection of this.connections) connection.relay(message);
    if (!fromRemote) this.#fanout.publish(this.name, 'awareness', payload);
  }
}

const byteLength = (updates: readonly Uint8Array[]) => updates.reduce((sum, update) => sum + update.byteLength, 0);
