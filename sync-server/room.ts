// One unit's board in memory: a Y.Doc that only ever holds STORED updates, the presence of its
// officers, and the connections it relays to. Whatever a client can receive from here is already
// durable, because updates enter the doc only through applyStored() / applyRemote().
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Fanout } from './fanout.ts';
import type { SyncMetrics } from './metrics.ts';
import { encodeAwareness, encodeSavedAck, encodeUpdate } from './protocol.ts';
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
type Origin = RoomConnection | typeof remoteOrigin | null;
/** y-protocols' own origin for the server's (always empty) local presence. */
const ownPresence = 'local';
const isConnection = (origin: unknown): origin is RoomConnection => typeof origin === 'object' && origin !== null && 'awarenessIds' in origin;

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

export class Room {
  readonly name: string;
  readonly doc = new Y.Doc();
  readonly awareness: awarenessProtocol.Awareness;
  readonly connections = new Set<RoomConnection>();
  /** Connections being set up plus open ones: a held room is never evicted. */
  holders = 0;
  /** Updates of this room waiting in the commit queue. */
  pendingWrites = 0;
  appendedSinceCompaction = 0;
  compacting = false;
  readonly #fanout: Fanout;
  readonly #metrics: SyncMetrics;

  constructor(name: string, fanout: Fanout, metrics: SyncMetrics) {
    this.name = name;
    this.#fanout = fanout;
    this.#metrics = metrics;
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    this.awareness.setLocalState(null);
    this.doc.on('update', (update: Uint8Array, origin: Origin) => this.#relayUpdate(update, origin));
    this.awareness.on('update', (change: AwarenessChange, origin: Origin | typeof ownPresence) => this.#relayAwareness(change, origin));
  }

  /** Applies updates that are already durable, relays them, and acknowledges their senders. */
  applyStored(updates: readonly Uint8Array[], senders: ReadonlySet<RoomConnection | typeof remoteOrigin>): void {
    const update = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates as Uint8Array[]);
    const only = senders.size === 1 ? [...senders][0]! : null;
    applyStoredUpdate(this.doc, update, only);
    const ack = encodeSavedAck(Y.encodeStateVector(this.doc));
    for (const sender of senders) {
      if (sender !== remoteOrigin && sender.wantsAck && this.connections.has(sender)) sender.send(ack);
    }
  }

  /** An update another instance stored in the shared store. */
  applyRemote(update: Uint8Array): void {
    applyStoredUpdate(this.doc, update, remoteOrigin);
  }

  applyAwareness(payload: Uint8Array, origin: RoomConnection | typeof remoteOrigin): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, payload, origin);
  }

  /** The whole current presence, for a connection that just joined or asked for it. */
  awarenessSnapshot(): Uint8Array | null {
    const ids = [...this.awareness.getStates().keys()];
    return ids.length === 0 ? null : encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids));
  }

  leave(connection: RoomConnection): void {
    this.connections.delete(connection);
    if (connection.awarenessIds.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...connection.awarenessIds], null);
  }

  destroy(): void {
    this.awareness.destroy();
    this.doc.destroy();
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

  #relayAwareness({ added, updated, removed }: AwarenessChange, origin: Origin | typeof ownPresence): void {
    if (origin === ownPresence) return;
    if (isConnection(origin)) {
      for (const id of [...added, ...updated]) origin.awarenessIds.add(id);
      for (const id of removed) origin.awarenessIds.delete(id);
    }
    const changed = [...added, ...updated, ...removed];
    const payload = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
    const message = encodeAwareness(payload);
    for (const connection of this.connections) connection.send(message);
    if (origin !== remoteOrigin) this.#fanout.publish(this.name, 'awareness', payload);
  }
}
