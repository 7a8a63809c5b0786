// One officer's websocket in a room: answers sync, hands editor updates to the commit queue,
// drops viewer updates, meters updates and presence, and closes itself (only itself) on a bad
// frame, a flood or an update past the room's quota.
import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import type { CommitQueue } from './commit-queue.ts';
import type { RelayedMessage } from './frame.ts';
import type { SyncServerConfig } from './config.ts';
import { TokenBucket, type UpdateBudgets } from './limits.ts';
import type { SyncMetrics } from './metrics.ts';
import { encodeSavedAck, isEmptyUpdate, MalformedMessage, parseClientMessage, type ClientMessage } from './protocol.ts';
import type { Room, RoomConnection } from './room.ts';
import type { TokenClaims } from './token.ts';

/**
 * Close codes. 1003 unsupported data, 1011 server error (RFC 6455). The stock client reconnects
 * after any code outside 4400-4499 and stops (emitting `closed` with the code and reason) for
 * those, so: 4529 "too many updates" is transient (it reconnects after its backoff, refused
 * with 429 during the flood cooldown, then resends), 4413 "room quota exceeded" is final
 * (resending cannot fit).
 */
const closeUnsupported = 1003;
const closeServerError = 1011;
export const closeTooManyUpdates = { code: 4529, reason: 'too many updates' } as const;
export const closeRoomQuota = { code: 4413, reason: 'room quota exceeded' } as const;
const slowClientBufferBytes = 32 * 1024 * 1024;

export interface ConnectionContext {
  /** The socket ws took over: relayed messages are written to it already framed (frame.ts). */
  socket: Duplex;
  room: Room;
  claims: TokenClaims;
  wantsAck: boolean;
  metrics: SyncMetrics;
  limits: SyncServerConfig['limits'];
  queue: Pick<CommitQueue, 'enqueue'>;
  budgets: UpdateBudgets;
  onClose(connection: RoomConnection): void;
}

export class SocketConnection implements RoomConnection {
  readonly user: string;
  readonly role: TokenClaims['role'];
  readonly wantsAck: boolean;
  readonly awarenessIds = new Set<number>();
  alive = true;
  readonly #ws: WebSocket;
  readonly #context: ConnectionContext;
  readonly #awarenessBudget: TokenBucket;
  #resumeTimer: NodeJS.Timeout | null = null;
  /** Set once the connection is being closed for a flood or the quota: nothing more is taken. */
  #refusing = false;
  #acknowledgedInitialSync = false;

  constructor(ws: WebSocket, context: ConnectionContext) {
    this.#ws = ws;
    this.#context = context;
    const { limits } = context;
    this.user = context.claims.sub;
    this.role = context.claims.role;
    this.wantsAck = context.wantsAck;
    this.#awarenessBudget = new TokenBucket(limits.awarenessBytesPerSecond);
    ws.binaryType = 'nodebuffer';
    ws.on('message', (data: Buffer, isBinary: boolean) => this.#receive(data, isBinary));
    ws.on('pong', () => {
      this.alive = true;
    });
    // An oversized frame (maxPayload) or a protocol error arrives here; ws closes the socket itself.
    ws.on('error', () => {
      context.metrics.closedForBadMessages += 1;
    });
    ws.on('close', () => {
      if (this.#resumeTimer) clearTimeout(this.#resumeTimer);
      context.onClose(this);
    });
    context.room.join(this);
    this.send(context.room.syncStep1());
    const presence = context.room.presenceMessage();
    if (presence) this.send(presence);
  }

  send(message: Uint8Array): void {
    if (!this.#writable(message.byteLength)) return;
    this.#ws.send(message);
  }

  relay(message: RelayedMessage): void {
    // Written past ws, which is safe because ws never holds a frame back on this server (no
    // compression, so its sender writes each frame to the socket at once, in call order).
    if (this.#writable(message.bytes.byteLength)) this.#context.socket.write(message.frame);
  }

  #writable(bytes: number): boolean {
    if (this.#ws.readyState !== this.#ws.OPEN) return false;
    // A client that stopped reading would make the server hold everything for it: drop it; when
    // it comes back, a sync sends it just what it lacks. (bufferedAmount counts relayed frames too.)
    if (this.#ws.bufferedAmount > slowClientBufferBytes) {
      this.#ws.terminate();
      return false;
    }
    this.#context.metrics.bytesOut += bytes;
    return true;
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
    if (this.#refusing) return;
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
        if (!this.#withinBudget(message.update.byteLength)) return this.#refuse(closeTooManyUpdates);
        if (!room.fits(message.update.byteLength)) {
          metrics.refusedForQuota += 1;
          return this.#refuse(closeRoomQuota);
        }
        // Relayed now, stored and acknowledged with the next batch (room.ts says why that is safe).
        if (this.#context.queue.enqueue({ room, update: message.update, sender: this, user: this.user, at: Date.now(), relayed: true })) room.relayReceived(message.update, this);
        return;
      case 'awareness':
        if (!this.#awarenessBudget.trySpend(message.payload.byteLength)) {
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

  /** Meters one update (limits.ts): over budget the socket is not read for a while (TCP slows the sender). */
  #withinBudget(bytes: number): boolean {
    const wait = this.#context.budgets.meter(this.user, bytes);
    if (wait === 'flood') return false;
    if (wait > 0 && !this.#resumeTimer) {
      this.#context.metrics.throttledConnections += 1;
      this.#ws.pause();
      this.#resumeTimer = setTimeout(() => {
        this.#resumeTimer = null;
        this.#ws.resume();
      }, wait * 1000);
    }
    return true;
  }

  /** Takes nothing more from this client and closes it with a code and reason it can show. */
  #refuse(close: { code: number; reason: string }): void {
    if (close === closeTooManyUpdates) this.#context.metrics.closedForFlooding += 1;
    this.#refusing = true;
    this.close(close.code, close.reason);
  }
}
