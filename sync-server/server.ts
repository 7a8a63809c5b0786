// startSyncServer: wires auth ▸ rooms ▸ persistence ▸ fan-out behind the HTTP server. The core
// knows rooms and the Yjs protocol; the store and the fan-out are swapped by configuration.
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import * as Y from 'yjs';
import { Admission } from './admission.ts';
import { decideAccess, tokenOf, unitOfPath } from './auth.ts';
import { CommitQueue } from './commit-queue.ts';
import { parseSyncServerConfig, type SyncServerConfig, type SyncServerConfigInput } from './config.ts';
import { SocketConnection } from './connection.ts';
import { LocalFanout, type Fanout } from './fanout.ts';
import { documentAt, momentsOf, type Moment } from './history.ts';
import { Heartbeat } from './heartbeat.ts';
import { handleHttp, requestUrl } from './http.ts';
import { UpdateBudgets } from './limits.ts';
import { SyncMetrics, type RefusalReason } from './metrics.ts';
import type { Room } from './room.ts';
import { Rooms } from './rooms.ts';
import { SqliteStore } from './sqlite-store.ts';
import type { DocumentStore } from './store.ts';
import type { TokenClaims } from './token.ts';

// Not `import … from 'node:http'`: importing a builtin as an ES module copies every export, which
// runs node:http's lazy getters and loads what they guard (undici's fetch and WebSocket); with
// node:fs and node:util taken the same way, `serve` starts 4 MiB smaller (98.4 -> 94.5 MiB).
const { createServer, STATUS_CODES } = process.getBuiltinModule('node:http');

export interface RunningSyncServer {
  /** ws://host:port — clients connect to `${url}/${unit}?token=…`. */
  url: string;
  port: number;
  /** Stops accepting, stores and relays everything received, closes sockets and the store. */
  close(): Promise<void>;
}

/** Server going away (RFC 6455): the stock client reconnects, to this or another instance. */
const closeGoingAway = 1001;

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

  // The update line: connection ▸ commit queue ▸ rooms (which apply, relay and compact).
  const queue = new CommitQueue(store, metrics, { applyStored: (room, batch) => rooms.applyStored(room, batch) }, logError);
  const rooms = new Rooms({
    store,
    fanout,
    metrics,
    queue,
    graceMs: config.roomGraceMs,
    hibernateMs: config.roomHibernateMs,
    compactAfterUpdates: config.compactAfterUpdates,
    roomQuotaBytes: config.limits.roomQuotaBytes,
    onError: logError,
  });

  async function historyOf(unit: string): Promise<{ since: number; moments: Moment[] }> {
    const history = await store.history(unit);
    return { since: history.since, moments: momentsOf(history) };
  }

  async function documentAtOf(unit: string, at: number): Promise<Uint8Array> {
    const doc = documentAt(await store.history(unit), at);
    try {
      return Y.encodeStateAsUpdate(doc);
    } finally {
      doc.destroy();
    }
  }

  const secrets = [config.secret, ...(config.previousSecret ? [config.previousSecret] : [])];
  const admission = new Admission(config, metrics);
  const budgets = new UpdateBudgets(config.limits);
  // No compression: relayed messages are framed once and written straight to each socket (frame.ts).
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.limits.maxMessageBytes, perMessageDeflate: false });
  let ready = false;
  let closing = false;

  // Headers must arrive within headersTimeoutMs; Node checks every connectionsCheckingInterval.
  const http = createServer({ headersTimeout: config.limits.headersTimeoutMs, connectionsCheckingInterval: Math.min(1000, config.limits.headersTimeoutMs) }, (request, response) => {
    handleHttp(request, response, { isReady: () => ready && !closing, metrics, secrets, history: historyOf, documentAt: documentAtOf }).catch((error) => {
      logError(error);
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });

  http.on('connection', (socket: Socket) => admission.opened(socket));
  http.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    upgrade(request, socket, head).catch((error) => {
      logError(error);
      refuse(socket, 503, 'not_ready');
    });
  });

  async function upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    if (!ready || closing) return refuse(socket, 503, 'not_ready');
    const address = admission.addressOf(request);
    const url = requestUrl(request);
    const unit = url && unitOfPath(url.pathname);
    if (!url || unit === null) return fail(socket, address, 404, 'bad_room');
    const decision = await decideAccess(tokenOf(request, url), unit, secrets);
    if (!decision.ok) return fail(socket, address, decision.status, decision.reason);
    const { claims } = decision;
    if (budgets.coolingDown(claims.sub)) return refuse(socket, 429, 'too_many_updates');
    if (!admission.takeUser(claims.sub)) return refuse(socket, 429, 'too_many_connections');
    let room: Room;
    try {
      // The stored state is loaded before the upgrade completes, so the first sync reply has it.
      room = await rooms.acquire(unit);
    } catch (error) {
      admission.releaseUser(claims.sub);
      throw error;
    }
    if (socket.destroyed || closing) {
      rooms.release(room);
      admission.releaseUser(claims.sub);
      if (!socket.destroyed) refuse(socket, 503, 'not_ready');
      return;
    }
    const wantsAck = url.searchParams.get('ack') === '1';
    // ws answers a malformed handshake itself (400) without calling back: the room and the
    // user's place are then given back when that socket closes.
    let accepted = false;
    socket.once('close', () => {
      if (accepted) return;
      rooms.release(room);
      admission.releaseUser(claims.sub);
    });
    wss.handleUpgrade(request, socket, head, (ws) => {
      accepted = true;
      admission.upgraded(request.socket);
      accept(ws, socket, room, claims, wantsAck);
    });
  }

  // Kept apart from upgrade(): closures made there would keep the whole HTTP request alive for
  // as long as the connection lasts.
  function accept(ws: WebSocket, socket: Duplex, room: Room, claims: TokenClaims, wantsAck: boolean): void {
    const connection = new SocketConnection(ws, {
      socket,
      room,
      claims,
      wantsAck,
      metrics,
      limits: config.limits,
      queue,
      budgets,
      onClose(closed) {
        connections.delete(connection);
        heartbeat.delete(connection);
        metrics.connections = connections.size;
        admission.releaseUser(claims.sub);
        room.leave(closed);
        rooms.release(room);
      },
    });
    connections.add(connection);
    heartbeat.add(connection);
    metrics.connections = connections.size;
  }

  /** A failed upgrade, counted against its address: past the budget the answer is 429. */
  function fail(socket: Duplex, address: string, status: number, reason: RefusalReason): void {
    if (admission.failed(address)) refuse(socket, 429, 'rate_limited');
    else refuse(socket, status, reason);
  }

  function refuse(socket: Duplex, status: number, reason: RefusalReason): void {
    metrics.refuse(reason);
    if (socket.destroyed) return;
    const body = JSON.stringify({ reason });
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }

  const heartbeat = new Heartbeat<SocketConnection>(config.limits.pingIntervalMs, () => {
    admission.sweep();
    budgets.sweep();
  });

  try {
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(config.port, config.host, () => resolve());
    });
  } catch (error) {
    heartbeat.stop();
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
    queue.stopAccepting();
    heartbeat.stop();
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
