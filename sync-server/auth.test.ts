// Who gets into a room: the full matrix of roles, units and token states, checked at the
// websocket upgrade (status, nothing of the document sent), through /auth/check, and with the
// stock client; plus secret rotation and viewers' writes being dropped.
import { rmSync } from 'node:fs';
import { connect as connectTcp } from 'node:net';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startSyncServer, type RunningSyncServer } from './server.ts';
import { SqliteStore } from './sqlite-store.ts';
import { connectSynced, disconnect, tempDir, testSecret, tryUpgrade, waitFor, waitSaved } from '../test-support/sync-server.ts';
import { signToken, type Role } from './token.ts';
import * as Y from 'yjs';

const previousSecret = 'the-secret-being-rotated-out-0000';
let server: RunningSyncServer;
let dataDir: string;
let httpUrl: string;

beforeAll(async () => {
  dataDir = tempDir('auth');
  server = await startSyncServer({ port: 0, dataDir, secret: testSecret, previousSecret, limits: { failedUpgradesPerMinute: 10_000 } });
  httpUrl = server.url.replace('ws://', 'http://');
});

afterAll(async () => {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

type TokenKind = 'valid' | 'none' | 'forged' | 'expired';

async function tokenFor(kind: TokenKind, role: Role, unit: string): Promise<string | null> {
  if (kind === 'none') return null;
  if (kind === 'forged') return signToken({ unit, user: 'mallory', role }, 'not-the-server-secret-at-all');
  if (kind === 'expired') {
    const past = Math.floor(Date.now() / 1000) - 3600;
    return new SignJWT({ unit, role }).setProtectedHeader({ alg: 'HS256' }).setSubject('old').setIssuedAt(past - 60).setExpirationTime(past).sign(new TextEncoder().encode(testSecret));
  }
  return signToken({ unit, user: 'officer', role }, testSecret);
}

const expectations: Record<TokenKind, { own: [number, string | null]; other: [number, string | null] }> = {
  valid: { own: [101, null], other: [403, 'wrong_unit'] },
  none: { own: [401, 'missing'], other: [401, 'missing'] },
  forged: { own: [401, 'invalid'], other: [401, 'invalid'] },
  expired: { own: [401, 'expired'], other: [401, 'expired'] },
};

describe('authorization matrix at the websocket upgrade', () => {
  for (const role of ['editor', 'viewer'] as const) {
    for (const kind of ['valid', 'none', 'forged', 'expired'] as const) {
      for (const target of ['own', 'other'] as const) {
        const [status, reason] = expectations[kind][target];
        it(`${role} with ${kind} token for ${target} unit → ${status}${reason ? ` ${reason}` : ''}`, async () => {
          const token = await tokenFor(kind, role, 'unit-a');
          const room = target === 'own' ? 'unit-a' : 'unit-b';
          const query = token ? `?token=${token}` : '';
          const upgrade = await tryUpgrade(`${server.url}/${room}${query}`);
          expect(upgrade.status).toBe(status);
          if (reason) {
            expect(JSON.parse(upgrade.body)).toEqual({ reason });
            expect(upgrade.messages).toBe(0);
          }
          const check = await fetch(`${httpUrl}/auth/check?unit=${room}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
          expect(check.status).toBe(status === 101 ? 200 : status);
          expect(check.headers.get('access-control-allow-origin')).toBe('*');
          expect(await check.json()).toEqual(reason ? { reason } : { unit: 'unit-a', sub: 'officer', user: 'officer', role });
        });
      }
    }
  }
});

describe('with the stock y-websocket client', () => {
  it('an editor and a viewer of the same unit both receive the editor’s edits', async () => {
    const editor = await connectSynced(server.url, 'unit-c', (await tokenFor('valid', 'editor', 'unit-c'))!);
    const viewer = await connectSynced(server.url, 'unit-c', (await tokenFor('valid', 'viewer', 'unit-c'))!);
    editor.doc.getMap('board').set('title', 'Kế hoạch 2026');
    await waitFor(() => viewer.doc.getMap('board').get('title') === 'Kế hoạch 2026', 'viewer to receive the edit');
    disconnect(editor, viewer);
  });

  it('drops a viewer’s writes: never relayed, never stored', async () => {
    const editor = await connectSynced(server.url, 'unit-d', (await tokenFor('valid', 'editor', 'unit-d'))!, { ack: '1' });
    const viewer = await connectSynced(server.url, 'unit-d', (await tokenFor('valid', 'viewer', 'unit-d'))!);
    viewer.doc.getMap('board').set('forged', 'by viewer');
    editor.doc.getMap('board').set('real', 'by editor');
    // The editor's later edit arriving at the viewer proves the viewer's earlier one was processed.
    await waitFor(() => viewer.doc.getMap('board').get('real') === 'by editor', 'the editor edit to reach the viewer');
    const latecomer = await connectSynced(server.url, 'unit-d', (await tokenFor('valid', 'editor', 'unit-d'))!);
    expect(latecomer.doc.getMap('board').toJSON()).toEqual({ real: 'by editor' });
    expect(editor.doc.getMap('board').has('forged')).toBe(false);
    await waitSaved(editor);
    const store = new SqliteStore(dataDir, { readOnly: true });
    const stored = new Y.Doc();
    for (const update of await store.load('unit-d')) Y.applyUpdate(stored, update);
    await store.close();
    expect(stored.getMap('board').toJSON()).toEqual({ real: 'by editor' });
    const metrics = await (await fetch(`${httpUrl}/metrics`)).text();
    expect(metrics).toMatch(/^tthc_sync_viewer_updates_dropped_total [1-9]/m);
    disconnect(editor, viewer, latecomer);
  });

  it('accepts tokens signed with the previous secret during a rotation', async () => {
    const token = await signToken({ unit: 'unit-e', user: 'officer', role: 'editor' }, previousSecret);
    const client = await connectSynced(server.url, 'unit-e', token);
    expect(client.provider.wsconnected).toBe(true);
    disconnect(client);
  });

  it('counts refused connections by reason in /metrics', async () => {
    await tryUpgrade(`${server.url}/unit-a`);
    const metrics = await (await fetch(`${httpUrl}/metrics`)).text();
    expect(metrics).toMatch(/^tthc_sync_refused_connections_total\{reason="missing"\} [1-9]/m);
    expect(metrics).toMatch(/^tthc_sync_connections \d+/m);
    expect(metrics).toMatch(/^tthc_sync_store_latency_seconds_count \d+/m);
  });
});

describe('a request target no URL parser accepts', () => {
  /** The status line the server answers a raw request with. */
  function statusOf(raw: string): Promise<string> {
    const port = Number(new URL(httpUrl).port);
    return new Promise((resolve, reject) => {
      const socket = connectTcp(port, '127.0.0.1', () => socket.write(raw));
      socket.once('data', (chunk) => {
        resolve(chunk.toString().split('\r\n')[0] ?? '');
        socket.destroy();
      });
      socket.once('error', reject);
    });
  }

  it('is the client\'s mistake: 400 over HTTP, 404 at the upgrade, and no stack trace in the log', async () => {
    const logged = vi.spyOn(console, 'error');
    try {
      expect(await statusOf('GET http://[::1 HTTP/1.1\r\nHost: x\r\n\r\n')).toBe('HTTP/1.1 400 Bad Request');
      const upgrade = 'GET http://[::1 HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n';
      expect(await statusOf(upgrade)).toBe('HTTP/1.1 404 Not Found');
      expect(logged).not.toHaveBeenCalled();
      expect((await fetch(`${httpUrl}/healthz`)).status).toBe(200);
    } finally {
      logged.mockRestore();
    }
  });
});
