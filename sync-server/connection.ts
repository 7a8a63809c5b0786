// One officer's websocket in a room: answers sync, hands editor updates to the commit queue,
// drops viewer updates, caps presence traffic, and closes itself (only itself) on a bad frame.
import type { WebSocket } from 'ws';
import { ByteBudget } from './limits.ts';
import type { SyncMetrics } from './metrics.ts';
import { encodeSavedAck, isEmptyUpdate, MalformedMessage, parseClientMessage, type ClientMessage } from './protocol.ts';
import type { Room, RoomConnection } from './room.ts';
import type { TokenClaims } from './token.ts';

/** Close codes: 1003 unsupported data (RFC 6455), 1011 server error; 4xxx would stop the stock client reconnecting. */
const closeUnsupported = 1003;
const closeServerError = 1011;
const slowClientBufferBytes = 32 * 1024 * 1024;

export interface ConnectionContext {
  room: Room;
  claims: TokenClaims;
  wantsAck: boolean;
  metrics: SyncMetrics;
  awarenessBytesPerSecond: number;
  commit(room: Room, update: Uint8Array, sender: RoomConnection): void;
  onClose(connection: RoomConnection): void;
}

export class SocketConnection implements RoomConnection {
  readonly role: TokenClaims['role'];
  /** The token's user (`sub`), recorded with each update this connection sends. */
  readonly user: string;
  readonly wantsAck: boolean;
  readonly awarenessIds = new Set<number>();
  alive = true;
  readonly #ws: WebSocket;
  readonly #context: ConnectionContext;
  readonly #awarenessBudget: ByteBudget;
  #acknowledgedInitialSync = false;

  constructor(ws: WebSocket, context: ConnectionContext) {
    this.#ws = ws;
    this.#context = context;
    this.role = context.claims.role;
    this.user = context.claims.sub;
    this.wantsAck = context.wantsAck;
    this.#awarenessBudget = new ByteBudget(context.awarenessBytesPerSecond);
    ws.binaryType = 'nodebuffer';
    ws.on('message', (data: Buffer, isBinary: boolean) => this.#receive(data, isBinary));
    ws.on('pong', () => {
      this.alive = true;
    });
    // An oversized frame (maxPayload) or a protocol error arrives here; ws closes the socket itself.
    ws.on('error', () => {
      context.metrics.closedForBadMessages += 1;
    });
    ws.on('close', () => context.onClose(this));
    context.room.connections.add(this);
    this.send(context.room.syncStep1());
    const presence = context.room.presenceMessage();
    if (presence) this.send(presence);
  }

  send(message: Uint8Array): void {
    if (this.#ws.readyState !== this.#ws.OPEN) return;
    // A client that stopped reading would make the server hold everything for it: drop it; when
    // it comes back, a sync sends it just what it lacks.
    if (this.#ws.bufferedAmount > slowClientBufferBytes) {
      this.#ws.terminate();
      return;
    }
    this.#context.metrics.bytesOut += message.byteLength;
    this.#ws.send(message);
  }

  /** Ping/pong liveness: a socket that missed the last ping is dropped. */
  checkAlive(): void {
    if (!this.alive) {
      this.#ws.terminate();
      return;
    }
    this.alive = false;
    this.#ws.ping();
  }

  close(code: number, reason: string): void {
    this.#ws.close(code, reason);
  }

  #receive(data: Buffer, isBinary: boolean): void {
    const { metrics } = this.#context;
    metrics.bytesIn += data.byteLength;
    try {
      if (!isBinary) throw new MalformedMessage('text frame');
      this.#handle(parseClientMessage(data));
    } catch (error) {
      metrics.closedForBadMessages += 1;
      this.close(error instanceof MalformedMessage ? closeUnsupported : closeServerError, 'bad message');
    }
  }

  #handle(message: ClientMessage): void {
    const { room, metrics } = this.#context;
    switch (message.type) {
      case 'syncStep1':
        this.send(room.syncStep2(message.stateVector));
        if (this.wantsAck && !this.#acknowledgedInitialSync) {
          this.#acknowledgedInitialSync = true;
          this.send(encodeSavedAck(room.stateVector()));
        }
        return;
      case 'update':
        if (this.role !== 'editor') {
          metrics.droppedViewerUpdates += 1;
          return;
        }
        metrics.updatesIn += 1;
        // The reply to the server's sync step 1 is usually empty: nothing to store, already "saved".
        if (isEmptyUpdate(message.update)) {
          if (this.wantsAck) this.send(encodeSavedAck(room.stateVector()));
          return;
        }
        this.#context.commit(room, message.update, this);
        return;
      case 'awareness':
        if (!this.#awarenessBudget.spend(message.payload.byteLength)) {
          metrics.droppedAwarenessBytes += message.payload.byteLength;
          return;
        }
        try {
          room.applyPresence(message.payload, this);
        } catch (error) {
          throw new MalformedMessage((error as Error).message);
        }
        return;
      case 'queryAwareness': {
        const presence = room.presenceMessage();
        if (presence) this.send(presence);
        return;
      }
    }
  }
}
