// Admission limits what an attacker does, not what officers do: failed upgrades are counted per
// address and never block a valid token, connections are capped per user, and sockets that do
// not finish their upgrade are capped per address and timed out. 1,000 officers behind one
// address, reconnecting together with the stock client's own backoff, all get in.
import { rmSync } from 'node:fs';
import { connect as connectTcp, type Socket } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { startSyncServer, type RunningSyncServer } from './server.ts';
import { spawnServer, tempDir, testSecret, waitFor } from '../test-support/sync-server.ts';
import { signToken } from './token.ts';

const token = (unit: string, user: string) => signToken({ unit, user, role: 'editor' }, testSecret);
const cleanups: (() => Promise<void>)[] = [];

async function server(limits: Parameters<typeof startSyncServer>[0] = {}): Promise<RunningSyncServer> {
  const dataDir = tempDir('admission');
  const running = await startSyncServer({ port: 0, dataDir, secret: testSecret, ...limits });
  cleanups.push(async () => {
    await running.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return running;
}

afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

/** How an upgrade ends: the refusal's status and reason, or 101 with the open socket. */
function upgrade(url: string, headers: Record<string, string> = {}): Promise<{ status: number; reason?: string; ws?: WebSocket }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.on('unexpected-response', (_request, response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, reason: (JSON.parse(body) as { reason: string }).reason }));
    });
    ws.on('open', () => resolve({ status: 101, ws }));
    ws.on('error', reject);
  });
}

function openTcp(port: number): Promise<{ socket: Socket; closed: Promise<number> }> {
  return new Promise((resolve, reject) => {
    const socket = connectTcp(port, '127.0.0.1', () => {
      const opened = performance.now();
      resolve({ socket, closed: new Promise((done) => socket.once('close', () => done(performance.now() - opened))) });
    });
    socket.on('error', () => undefined);
    socket.once('error', reject);
    // Read (and drop) what the server answers, so its end of the connection is seen.
    socket.resume();
  });
}

describe('failed upgrades from one address', () => {
  it('are answered 429 past the budget, and a valid token from that address is still admitted after 120 refused attempts', async () => {
    const running = await server();
    const statuses: number[] = [];
    for (let i = 0; i < 60; i += 1) statuses.push((await upgrade(`${running.url}/unit-a`)).status);
    const forged = await signToken({ unit: 'unit-a', user: 'mallory', role: 'editor' }, 'not-the-server-secret-at-all-0123');
    for (let i = 0; i < 60; i += 1) statuses.push((await upgrade(`${running.url}/unit-a?token=${forged}`)).status);
    expect(statuses.slice(0, 60).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(60).every((status) => status === 429)).toBe(true);
    const valid = await upgrade(`${running.url}/unit-a?token=${await token('unit-a', 'lan')}`);
    expect(valid.status).toBe(101);
    valid.ws!.close();
  });

  it('behind a trusted proxy are counted per forwarded client address; from anyone else the header is ignored', async () => {
    const behindProxy = await server({ trustProxy: ['127.0.0.1'], limits: { failedUpgradesPerMinute: 2 } });
    const from = (address: string) => upgrade(`${behindProxy.url}/unit-a`, { 'X-Forwarded-For': `203.0.113.9, ${address}` });
    expect([(await from('10.0.0.1')).status, (await from('10.0.0.1')).status, (await from('10.0.0.1')).status]).toEqual([401, 401, 429]);
    expect((await from('10.0.0.2')).status).toBe(401);

    const direct = await server({ limits: { failedUpgradesPerMinute: 2 } });
    const claiming = (address: string) => upgrade(`${direct.url}/unit-a`, { 'X-Forwarded-For': address });
    expect([(await claiming('10.0.0.1')).status, (await claiming('10.0.0.2')).status, (await claiming('10.0.0.3')).status]).toEqual([401, 401, 429]);
  });
});

describe('connections per user', () => {
  it('refuses one more than the cap with 429 "too_many_connections", admits other users, and frees a place when one closes', async () => {
    const running = await server({ limits: { connectionsPerUser: 3 } });
    const lan = await token('unit-a', 'lan');
    const open = await Promise.all([1, 2, 3].map(() => upgrade(`${running.url}/unit-a?token=${lan}`)));
    expect(open.map((result) => result.status)).toEqual([101, 101, 101]);
    expect(await upgrade(`${running.url}/unit-a?token=${lan}`)).toEqual({ status: 429, reason: 'too_many_connections' });
    const binh = await upgrade(`${running.url}/unit-a?token=${await token('unit-a', 'binh')}`);
    expect(binh.status).toBe(101);
    open[0]!.ws!.close();
    // The server frees the place when it sees the close, a moment after the client sent it.
    let again = await upgrade(`${running.url}/unit-a?token=${lan}`);
    await waitFor(async () => again.status !== 429 || (again = await upgrade(`${running.url}/unit-a?token=${lan}`)).status !== 429, 'the closed connection’s place to be free');
    expect(again.status).toBe(101);
    for (const result of [...open, binh, again]) result.ws?.close();
  });
  it('gives the place back when a handshake with a valid token is malformed', async () => {
    const running = await server({ limits: { connectionsPerUser: 2 } });
    const lan = await token('unit-a', 'lan');
    for (let i = 0; i < 3; i += 1) {
      const { socket, closed } = await openTcp(running.port);
      let answer = '';
      socket.on('data', (chunk: Buffer) => {
        answer += chunk.toString();
      });
      // No Sec-WebSocket-Key: ws answers 400 itself.
      socket.write(`GET /unit-a?token=${lan} HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n\r\n`);
      await closed;
      expect(answer).toMatch(/^HTTP\/1\.1 400/);
    }
    let valid = await upgrade(`${running.url}/unit-a?token=${lan}`);
    await waitFor(async () => valid.status !== 429 || (valid = await upgrade(`${running.url}/unit-a?token=${lan}`)).status !== 429, 'a place to be free');
    expect(valid.status).toBe(101);
    valid.ws!.close();
  });
});

describe('sockets that do not finish their upgrade', () => {
  it('are closed when the headers do not arrive within the timeout', async () => {
    const running = await server({ limits: { headersTimeoutMs: 500 } });
    const { socket, closed } = await openTcp(running.port);
    socket.write('GET /unit-a HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\n');
    const after = await closed;
    expect(after).toBeGreaterThanOrEqual(400);
    expect(after).toBeLessThan(3000);
  });

  it('are capped per address: one more is closed at once, the others stay until they finish', async () => {
    const running = await server({ limits: { pendingSocketsPerAddress: 3 } });
    const held = await Promise.all([1, 2, 3].map(() => openTcp(running.port)));
    const extra = await openTcp(running.port);
    expect(await extra.closed).toBeLessThan(1000);
    expect(held.every(({ socket }) => !socket.destroyed)).toBe(true);
    for (const { socket } of held) socket.destroy();
    await Promise.all(held.map(({ closed }) => closed));
    const valid = await upgrade(`${running.url}/unit-a?token=${await token('unit-a', 'lan')}`);
    expect(valid.status).toBe(101);
    valid.ws!.close();
  });
});

describe('1,000 officers behind one address', () => {
  it('all connect within 30 s with the default settings and the stock client’s own backoff, then all reconnect after a restart', async () => {
    const dataDir = tempDir('officers');
    let running = await spawnServer(dataDir);
    const port = new URL(running.url).port;
    const officers = await Promise.all(
      Array.from({ length: 1000 }, async (_, i) => {
        const unit = `unit-${i % 40}`;
        const doc = new Y.Doc();
        const provider = new WebsocketProvider(running.url, unit, doc, {
          params: { token: await token(unit, `officer-${i}`) },
          WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
          disableBc: true,
        });
        return { doc, provider };
      }),
    );
    const started = performance.now();
    await waitFor(() => officers.every(({ provider }) => provider.synced), 'every officer to connect', 30_000);
    expect(performance.now() - started).toBeLessThan(30_000);

    // A restart on the same port: every stock client reconnects on its own.
    running.child.kill('SIGTERM');
    await running.exited;
    await waitFor(() => officers.every(({ provider }) => !provider.synced), 'every officer to notice the restart');
    running = await spawnServer(dataDir, ['--port', port]);
    const restarted = performance.now();
    await waitFor(() => officers.every(({ provider }) => provider.synced), 'every officer to reconnect', 30_000);
    expect(performance.now() - restarted).toBeLessThan(30_000);
    for (const { provider, doc } of officers) {
      provider.destroy();
      doc.destroy();
    }
    running.child.kill('SIGTERM');
    await running.exited;
    rmSync(dataDir, { recursive: true, force: true });
  }, 120_000);
});
