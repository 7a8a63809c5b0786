// Limits protect the room, not just the server: a garbage or oversized frame closes that one
// connection and everyone else carries on; too much presence
// traffic and dead sockets are cut off (admission: admission.test.ts; floods: flood.test.ts).
// Also the "saved" acknowledgement (message 100, for clients connected with ack=1).
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { UpdateBudgets } from './limits.ts';
import { encodeAwareness, encodeUpdate, messageSavedAck } from './protocol.ts';
import { startSyncServer, type RunningSyncServer } from './server.ts';
import { connect, connectSynced, covers, disconnect, tempDir, testSecret, waitFor, waitSaved, type Client } from '../test-support/sync-server.ts';
import { signToken } from './token.ts';

const MiB = 1024 * 1024;
let server: RunningSyncServer;
let dataDir: string;
const editorToken = (unit: string) => signToken({ unit, user: 'officer', role: 'editor' }, testSecret);

beforeAll(async () => {
  dataDir = tempDir('limits');
  server = await startSyncServer({
    port: 0,
    dataDir,
    secret: testSecret,
    limits: { maxMessageBytes: 4 * MiB, awarenessBytesPerSecond: 2048, pingIntervalMs: 100 },
  });
});

afterAll(async () => {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

interface RawSocket {
  ws: WebSocket;
  messages: Buffer[];
  closed: Promise<number>;
}

async function openRaw(unit: string, options: WebSocket.ClientOptions = {}): Promise<RawSocket> {
  const ws = new WebSocket(`${server.url}/${unit}?token=${await editorToken(unit)}`, options);
  const messages: Buffer[] = [];
  ws.on('message', (data: Buffer) => messages.push(data));
  ws.on('error', () => undefined);
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('unexpected-response', reject);
  });
  return { ws, messages, closed };
}

async function expectRoomStillWorks(a: Client, b: Client, value: string): Promise<void> {
  a.doc.getMap('board').set('probe', value);
  await waitFor(() => b.doc.getMap('board').get('probe') === value, `edit "${value}" to reach the other client`);
}

describe('bad frames close only their own connection', () => {
  const frames: Record<string, Buffer | string> = {
    'an unknown message type': Buffer.from([7, 1, 2, 3]),
    'random bytes': Buffer.from([0, 9, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2]),
    'a sync update Yjs cannot read': Buffer.from(encodeUpdate(new Uint8Array([5, 200, 1, 7, 7, 7]))),
    'a text frame': 'hello',
    'trailing bytes after a valid message': Buffer.from([3, 0]),
    'presence that is not JSON': Buffer.from(encodeAwareness(new Uint8Array([1, 5, 1, 3, 0x7b, 0x7b, 0x7b]))),
  };
  for (const [name, frame] of Object.entries(frames)) {
    it(`${name}: that socket is closed, the room and its other clients go on`, async () => {
      const a = await connectSynced(server.url, 'unit-bad', await editorToken('unit-bad'));
      const b = await connectSynced(server.url, 'unit-bad', await editorToken('unit-bad'));
      const raw = await openRaw('unit-bad');
      raw.ws.send(frame);
      expect(await raw.closed).toBe(1003);
      await expectRoomStillWorks(a, b, name);
      disconnect(a, b);
    });
  }

  it('a 64 MiB frame is refused by size and closes only that socket', async () => {
    const a = await connectSynced(server.url, 'unit-big', await editorToken('unit-big'));
    const b = await connectSynced(server.url, 'unit-big', await editorToken('unit-big'));
    const raw = await openRaw('unit-big');
    raw.ws.send(Buffer.alloc(64 * MiB, 1));
    expect([1009, 1006]).toContain(await raw.closed);
    await expectRoomStillWorks(a, b, 'after 64 MiB');
    expect((await fetch(`${server.url.replace('ws://', 'http://')}/healthz`)).status).toBe(200);
    const metrics = await (await fetch(`${server.url.replace('ws://', 'http://')}/metrics`)).text();
    expect(metrics).toMatch(/^tthc_sync_bad_messages_total [1-9]/m);
    disconnect(a, b);
  });
});

describe('other limits', () => {
  it('drops a socket that stops answering pings', async () => {
    const raw = await openRaw('unit-ping', { autoPong: false });
    expect(await raw.closed).toBe(1006);
  });

  it('caps presence traffic per connection and keeps the connection', async () => {
    const watcher = await connectSynced(server.url, 'unit-aw', await editorToken('unit-aw'));
    const raw = await openRaw('unit-aw');
    const awareness = new Awareness(new Y.Doc());
    for (let i = 0; i < 20; i += 1) {
      awareness.setLocalState({ user: 'noisy', padding: 'x'.repeat(400), i });
      raw.ws.send(encodeAwareness(encodeAwarenessUpdate(awareness, [awareness.clientID])));
    }
    await waitFor(() => watcher.provider.awareness.getStates().has(awareness.clientID), 'first presence to arrive');
    const metrics = await (await fetch(`${server.url.replace('ws://', 'http://')}/metrics`)).text();
    expect(metrics).toMatch(/^tthc_sync_awareness_bytes_dropped_total [1-9]/m);
    const seen = watcher.provider.awareness.getStates().get(awareness.clientID) as { i: number };
    expect(seen.i).toBeLessThan(19);
    expect(raw.ws.readyState).toBe(WebSocket.OPEN);
    raw.ws.close();
    disconnect(watcher);
  });
});

describe('"saved on the server" acknowledgement (ack=1)', () => {
  it('acknowledges after the initial sync and after each stored update', async () => {
    const client = connect(server.url, 'unit-ack', await editorToken('unit-ack'), { ack: '1' });
    const acks: number[] = [];
    const original = client.provider.messageHandlers[messageSavedAck]!;
    client.provider.messageHandlers[messageSavedAck] = (...args) => {
      acks.push(Date.now());
      original(...args);
    };
    await waitFor(() => client.provider.synced && acks.length >= 1, 'the initial acknowledgement');
    client.doc.getArray('items').push(['một', 'hai']);
    await waitSaved(client);
    expect(covers(client.saved(), Y.decodeStateVector(Y.encodeStateVector(client.doc)))).toBe(true);
    disconnect(client);
  });

  it('never sends message 100 to a stock client that did not ask', async () => {
    const raw = await openRaw('unit-ack');
    const editor = await connectSynced(server.url, 'unit-ack', await editorToken('unit-ack'));
    editor.doc.getArray('items').push(['ba']);
    // Sync step 1 on joining, then the relayed edit.
    await waitFor(() => raw.messages.length >= 2, 'the raw socket to receive the edit');
    expect(raw.messages.every((message) => message[0] !== messageSavedAck)).toBe(true);
    raw.ws.close();
    disconnect(editor);
  });
});

describe('update budgets per user', () => {
  const limits = { updatesPerSecond: 10, updateBurst: 20, updateBytesPerSecond: 1024, updateBytesBurst: 4096, maxThrottleSeconds: 2, floodCooldownSeconds: 60 };

  it('lets a burst through, then slows the user for the time its debt needs', () => {
    const budgets = new UpdateBudgets(limits);
    for (let i = 0; i < 20; i += 1) expect(budgets.meter('lan', 10, 0)).toBe(0);
    expect(budgets.meter('lan', 10, 0)).toBeCloseTo(0.1);
    expect(budgets.meter('binh', 10, 0)).toBe(0);
  });

  it('counts bytes too: one large update waits for its bytes', () => {
    const budgets = new UpdateBudgets(limits);
    expect(budgets.meter('lan', 4096 + 512, 0)).toBeCloseTo(0.5);
  });

  it('calls a user slowed without pause for maxThrottleSeconds a flood, then refuses them for the cooldown', () => {
    const budgets = new UpdateBudgets(limits);
    let verdict: number | 'flood' = 0;
    let now = 0;
    for (; verdict !== 'flood'; now += 50) verdict = budgets.meter('mallory', 10, now);
    expect(now).toBeGreaterThan(2000);
    expect(budgets.coolingDown('mallory', now)).toBe(true);
    expect(budgets.coolingDown('mallory', now + 60_000)).toBe(false);
    expect(budgets.coolingDown('lan', now)).toBe(false);
  });

  it('keeps a user cooling down when forgetting users whose budgets are full again', () => {
    const budgets = new UpdateBudgets(limits);
    let now = 0;
    while (budgets.meter('mallory', 10, now) !== 'flood') now += 50;
    budgets.sweep(now + 30_000);
    expect(budgets.coolingDown('mallory', now + 30_000)).toBe(true);
  });
});
