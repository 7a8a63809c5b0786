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
  readonly role: Role;
  readonly wantsAck: boolean;
  /** Presence client ids this connection announced, removed when it leaves. */
  readonly awarenessIds: Set<number>;
  send(message: Uint8Array): void;
}

/** Origin of changes that came from another instance: relayed locally, never published again. */
export const remoteOrigin = Symbol('remote');
/** Origin of state read from the store at load time: already everywhere it needs to be. */
const restoredOrigin = Symbol('restored');
type Origin = RoomConnection | typeof remoteOrigin | typeof restoredOrigin | null;

const emptyState = Y.encodeStateAsUpdate(new Y.Doc());
const emptyStateVector = Y.encodeStateVector(new Y.Doc());

export class Room {
  readonly name: string;
  readonly connections = new Set<RoomConnection>();
  /** Connections being set up plus open ones: a held room is never evicted. */
  holders = 0;
  /** Updates of this room waiting in the commit queue. */
  pendingWrites = 0;
  appendedSinceCompaction = 0;
  compacting = false;
  readonly #fanout: Fanout;
  readonly #metrics: SyncMetrics;
  readonly #presence = new Presence();
  #doc: Y.Doc | null = null;
  /** The hibernated state and its state vector, while #doc is null. */
  #state: Uint8Array = emptyState;
  #stateVector: Uint8Array = emptyStateVector;
  #lastEdit = Date.now();

  constructor(name: string, fanout: Fanout, metrics: SyncMetrics) {
    this.name = name;
    this.#fanout = fanout;
    this.#metrics = metrics;
  }

  /** Stored state read at load time; nothing is relayed. */
  restore(updates: readonly Uint8Array[]): void {
    const doc = this.#wake();
    for (const update of updates) applyStoredUpdate(doc, update, restoredOrigin);
  }

  /** Applies updates that are already durable, relays them, and acknowledges their senders. */
  applyStored(updates: readonly Uint8Array[], senders: ReadonlySet<RoomConnection | typeof remoteOrigin>): void {
    const update = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates as Uint8Array[]);
    const only = senders.size === 1 ? [...senders][0]! : null;
    this.#apply(update, only);
    const acknowledged = [...senders].filter((sender) => sender !== remoteOrigin && sender.wantsAck && this.connections.has(sender));
    if (acknowledged.length === 0) return;
    const ack = encodeSavedAck(this.stateVector());
    for (const sender of acknowledged) (sender as RoomConnection).send(ack);
  }

  /** An update another instance stored in the shared store. */
  applyRemote(update: Uint8Array): void {
    this.#apply(update, remoteOrigin);
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

  /** Throws on a malformed presence update (the caller closes that connection). */
  applyPresence(payload: Uint8Array, origin: RoomConnection | typeof remoteOrigin): void {
    const change = this.#presence.apply(payload);
    if (!change) return;
    if (origin !== remoteOrigin) {
      for (const id of change.present) origin.awarenessIds.add(id);
      for (const id of change.gone) origin.awarenessIds.delete(id);
    }
    this.#relayPresence(change.payload, origin === remoteOrigin);
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
    if (this.#doc && this.pendingWrites === 0 && now - this.#lastEdit >= idleMs) this.#hibernate();
  }

  get hibernating(): boolean {
    return this.#doc === null;
  }

  destroy(): void {
    this.#doc?.destroy();
    this.#doc = null;
  }

  #apply(update: Uint8Array, origin: Origin): void {
    const doc = this.#wake();
    this.#lastEdit = Date.now();
    applyStoredUpdate(doc, update, origin);
  }

  #wake(): Y.Doc {
    if (this.#doc) return this.#doc;
    const doc = new Y.Doc();
    applyStoredUpdate(doc, this.#state);
    doc.on('update', (update: Uint8Array, origin: Origin) => this.#relayUpdate(update, origin));
    this.#doc = doc;
    return doc;
  }

  #hibernate(): void {
    const doc = this.#doc!;
    this.#state = Y.encodeStateAsUpdate(doc);
    this.#stateVector = Y.encodeStateVector(doc);
    doc.destroy();
    this.#doc = null;
  }

  #relayUpdate(update: Uint8Array, origin: Origin): void {
    if (origin === restoredOrigin) return;
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
