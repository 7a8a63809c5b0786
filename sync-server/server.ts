// startSyncServer: wires auth ▸ rooms ▸ persistence ▸ fan-out behind the HTTP server. The core
// knows rooms and the Yjs protocol; the store and the fan-out are swapped by configuration.
import { createServer, STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { decideAccess, tokenOf, unitOfPath } from './auth.ts';
import { clientAddress } from './client-address.ts';
import { CommitQueue } from './commit-queue.ts';
import { parseSyncServerConfig, type SyncServerConfig, type SyncServerConfigInput } from './config.ts';
import { SocketConnection } from './connection.ts';
import { LocalFanout, type Fanout } from './fanout.ts';
import { momentsOf, type Moment } from './history.ts';
import { handleHttp, requestUrl } from './http.ts';
import { ConnectionRateLimiter } from './limits.ts';
import { SyncMetrics, type RefusalReason } from './metrics.ts';
import { remoteOrigin, type Room, type RoomConnection } from './room.ts';
import { Rooms } from './rooms.ts';
import { SqliteStore } from './sqlite-store.ts';
import type { DocumentStore } from './store.ts';
import type { TokenClaims } from './token.ts';

export interface RunningSyncServer {
  /** ws://host:port — clients connect to `${url}/${unit}?token=…`. */
  url: string;
  port: number;
  /** Stops accepting, stores and relays everything received, closes sockets and the store. */
  close(): Promise<void>;
}

/** Server going away (RFC 6455): the stock client reconnects, to this or another instance. */
const closeGoingAway = 1001;
const closeServerError = 1011;

/** Hooks, not forks: a store or fan-out passed here replaces the one the configuration names. */
export interface SyncServerPlugins {
  store?: DocumentStore;
  fanout?: Fanout;
}

export async function startSyncServer(input: Partial<SyncServerConfigInput> = {}, plugins: SyncServerPlugins = {}): Promise<RunningSyncServer> {
  const config = parseSyncServerConfig(input);
  const metrics = new SyncMetrics();
  const store = plugins.store ?? (await openStore(config));
  let fanout: Fanout;
  try {
    fanout = plugins.fanout ?? (await openFanout(config));
  } catch (error) {
    await store.close();
    throw error;
  }
  const logError = (error: unknown) => console.error(`[sync-server] ${(error as Error).stack ?? String(error)}`);
  const connections = new Set<SocketConnection>();

  const queue = new CommitQueue(store, metrics, {
    stored(room, updates, senders) {
      room.applyStored(updates, senders);
      rooms.noteStored(room, updates.length);
    },
    failed(batch, error) {
      logError(error);
      // Their updates were neither stored nor relayed: reconnecting makes the clients resend them.
      for (const { sender } of batch) if (sender instanceof SocketConnection) sender.close(closeServerError, 'store failed');
    },
  });
  const rooms = new Rooms({
    store,
    fanout,
    metrics,
    graceMs: config.roomGraceMs,
    hibernateMs: config.roomHibernateMs,
    compactAfterUpdates: config.compactAfterUpdates,
    onRemoteUpdate(room, update) {
      if (store.shared) room.applyRemote(update);
      else queue.enqueue({ room, update, sender: remoteOrigin });
    },
    onError: logError,
  });

  async function historyOf(unit: string): Promise<{ since: number; moments: Moment[] }> {
    const history = await store.history(unit);
    return { since: history.since, moments: momentsOf(history) };
  }

  const secrets = [config.secret, ...(config.previousSecret ? [config.previousSecret] : [])];
  const limiter = new ConnectionRateLimiter(config.limits.connectionsPerIpPerMinute);
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.limits.maxMessageBytes, perMessageDeflate: false });
  let ready = false;
  let closing = false;

  const http = createServer((request, response) => {
    handleHttp(request, response, { isReady: () => ready && !closing, metrics, secrets, history: historyOf }).catch((error) => {
      logError(error);
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });

  http.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    upgrade(request, socket, head).catch((error) => {
      logError(error);
      refuse(socket, 503, 'not_ready');
    });
  });

  async function upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    if (!ready || closing) return refuse(socket, 503, 'not_ready');
    if (!limiter.admit(clientAddress(request, config.trustProxy))) return refuse(socket, 429, 'rate_limited');
    const url = requestUrl(request);
    const unit = url && unitOfPath(url.pathname);
    if (!url || unit === null) return refuse(socket, 404, 'bad_room');
    const decision = await decideAccess(tokenOf(request, url), unit, secrets);
    if (!decision.ok) return refuse(socket, decision.status, decision.reason);
    // The stored state is loaded before the upgrade completes, so the first sync reply has it.
    const room = await rooms.acquire(unit);
    if (socket.destroyed || closing) {
      rooms.release(room);
      if (!socket.destroyed) refuse(socket, 503, 'not_ready');
      return;
    }
    const wantsAck = url.searchParams.get('ack') === '1';
    wss.handleUpgrade(request, socket, head, (ws) => accept(ws, room, decision.claims, wantsAck));
  }

  // Kept apart from upgrade(): closures made there would keep the whole HTTP request alive for
  // as long as the connection lasts.
  function accept(ws: WebSocket, room: Room, claims: TokenClaims, wantsAck: boolean): void {
    const connection = new SocketConnection(ws, {
      room,
      claims,
      wantsAck,
      metrics,
      awarenessBytesPerSecond: config.limits.awarenessBytesPerSecond,
      commit,
      onClose(closed) {
        connections.delete(connection);
        metrics.connections = connections.size;
        room.leave(closed);
        rooms.release(room);
      },
    });
    connections.add(connection);
    metrics.connections = connections.size;
  }

  // While shutting down nothing new is taken: unstored updates stay with the client, which sends
  // them again when it reconnects.
  function commit(room: Room, update: Uint8Array, sender: RoomConnection): void {
    if (!closing) queue.enqueue({ room, update, sender });
  }

  function refuse(socket: Duplex, status: number, reason: RefusalReason): void {
    metrics.refuse(reason);
    if (socket.destroyed) return;
    const body = JSON.stringify({ reason });
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }

  const pings = setInterval(() => {
    for (const connection of connections) connection.checkAlive();
    limiter.sweep();
  }, config.limits.pingIntervalMs);
  pings.unref();

  try {
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(config.port, config.host, () => resolve());
    });
  } catch (error) {
    clearInterval(pings);
    await Promise.allSettled([fanout.close(), store.close()]);
    throw error;
  }
  ready = true;
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;

  let closed: Promise<void> | null = null;
  return {
    url: `ws://${host}:${port}`,
    port,
    close: () => (closed ??= shutdown()),
  };

  async function shutdown(): Promise<void> {
    closing = true;
    clearInterval(pings);
    const httpClosed = new Promise((resolve) => http.close(resolve));
    await queue.drain();
    for (const connection of connections) connection.close(closeGoingAway, 'server shutting down');
    http.closeAllConnections();
    await rooms.closeAll();
    await queue.drain();
    wss.close();
    for (const client of wss.clients) client.terminate();
    await httpClosed;
    await fanout.close();
    await store.close();
  }
}

// The PostgreSQL and Redis clients load only when configured: the embedded setup starts faster.
async function openStore(config: SyncServerConfig): Promise<DocumentStore> {
  if (!config.postgresUrl) return new SqliteStore(config.dataDir, { historyDays: config.historyDays });
  const { PostgresStore } = await import('./postgres-store.ts');
  return PostgresStore.open(config.postgresUrl, { historyDays: config.historyDays });
}

async function openFanout(config: SyncServerConfig): Promise<Fanout> {
  if (!config.redisUrl) return new LocalFanout();
  const { RedisFanout } = await import('./redis-fanout.ts');
  return RedisFanout.open(config.redisUrl);
}

export type { SyncServerConfig, SyncServerConfigInput };
