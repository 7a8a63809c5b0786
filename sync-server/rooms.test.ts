// Rooms in memory: loaded once (concurrent joins share one load) before anyone is answered,
// compacted in the background, let go after the grace period, and a failed store relays nothing.
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startSyncServer, type RunningSyncServer } from './server.ts';
import { SqliteStore } from './sqlite-store.ts';
import type { StoredUpdate } from './store.ts';
import { connect, connectSynced, disconnect, tempDir, testSecret, waitFor, waitSaved } from '../test-support/sync-server.ts';
import { signToken } from './token.ts';

/** The real SQLite store, observed: counts loads, can hold them back, can fail one append. */
class ObservedStore extends SqliteStore {
  loads = 0;
  loadGate: Promise<void> | null = null;
  failNextAppend = false;

  override async load(room: string): Promise<Uint8Array[]> {
    this.loads += 1;
    await this.loadGate;
    return super.load(room);
  }

  override async append(entries: readonly StoredUpdate[]): Promise<void> {
    if (this.failNextAppend) {
      this.failNextAppend = false;
      throw new Error('disk full');
    }
    return super.append(entries);
  }
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function serverWith(options: { roomGraceMs?: number; roomHibernateMs?: number; compactAfterUpdates?: number } = {}): Promise<{ server: RunningSyncServer; store: ObservedStore; dataDir: string }> {
  const dataDir = tempDir('rooms');
  const store = new ObservedStore(dataDir);
  const server = await startSyncServer({ port: 0, dataDir, secret: testSecret, ...options }, { store });
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }), () => server.close());
  return { server, store, dataDir };
}

const token = (unit: string) => signToken({ unit, user: 'officer', role: 'editor' }, testSecret);
const metric = async (server: RunningSyncServer, name: string) =>
  Number(new RegExp(`^${name} (\\d+)`, 'm').exec(await (await fetch(`${server.url.replace('ws://', 'http://')}/metrics`)).text())?.[1]);

describe('loading', () => {
  it('answers the first sync with the stored state, and concurrent joins share one load', async () => {
    const { server, store } = await serverWith({ roomGraceMs: 50 });
    const writer = await connectSynced(server.url, 'unit-load', await token('unit-load'), { ack: '1' });
    writer.doc.getMap('board').set('stored', 'trước đó');
    await waitSaved(writer);
    disconnect(writer);
    await waitFor(async () => (await metric(server, 'tthc_sync_rooms')) === 0, 'the room to leave memory');

    let open!: () => void;
    store.loadGate = new Promise((resolve) => (open = resolve));
    const loadsBefore = store.loads;
    const joiners = await Promise.all([1, 2, 3, 4, 5].map(async () => connect(server.url, 'unit-load', await token('unit-load'))));
    const firstSynced: unknown[] = [];
    for (const joiner of joiners) joiner.provider.once('sync', () => firstSynced.push(joiner.doc.getMap('board').get('stored')));
    await waitFor(() => store.loads > loadsBefore, 'the load to start');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(joiners.some((joiner) => joiner.provider.synced)).toBe(false);
    open();
    await waitFor(() => firstSynced.length === joiners.length, 'every joiner to sync');
    expect(firstSynced).toEqual(joiners.map(() => 'trước đó'));
    expect(store.loads - loadsBefore).toBe(1);
    disconnect(...joiners);
  });
});

describe('memory and compaction', () => {
  it('a room with no connection leaves memory after the grace period, its log folded into a snapshot', async () => {
    const { server, store } = await serverWith({ roomGraceMs: 100, compactAfterUpdates: 50 });
    const client = await connectSynced(server.url, 'unit-idle', await token('unit-idle'), { ack: '1' });
    for (let i = 0; i < 10; i += 1) client.doc.getArray('items').push([i]);
    await waitSaved(client);
    expect(await metric(server, 'tthc_sync_rooms')).toBe(1);
    disconnect(client);
    await waitFor(async () => (await metric(server, 'tthc_sync_rooms')) === 0, 'the idle room to leave memory');
    await waitFor(async () => (await store.load('unit-idle')).length === 1, 'the log to be compacted');
    const again = await connectSynced(server.url, 'unit-idle', await token('unit-idle'));
    expect(again.doc.getArray('items').toArray()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    disconnect(again);
  });

  it('compacts a busy room’s log in the background without losing updates', async () => {
    const { server, store } = await serverWith({ compactAfterUpdates: 10 });
    const client = await connectSynced(server.url, 'unit-busy', await token('unit-busy'), { ack: '1' });
    for (let i = 0; i < 60; i += 1) {
      client.doc.getArray('items').push([i]);
      if (i % 7 === 0) await waitSaved(client);
    }
    await waitSaved(client);
    await waitFor(async () => (await store.load('unit-busy')).length < 20, 'the log to be compacted');
    const reloaded = new Y.Doc();
    for (const update of await store.load('unit-busy')) Y.applyUpdate(reloaded, update);
    expect(reloaded.getArray('items').toArray()).toEqual(Array.from({ length: 60 }, (_, i) => i));
    disconnect(client);
  });
});

describe('hibernation', () => {
  it('a quiet room answers syncs from its encoded state and wakes up for the next edit', async () => {
    const { server } = await serverWith({ roomHibernateMs: 100 });
    const first = await connectSynced(server.url, 'unit-nap', await token('unit-nap'), { ack: '1' });
    first.doc.getText('notes').insert(0, 'Niêm yết trước 20/12');
    await waitSaved(first);
    await waitFor(async () => (await metric(server, 'tthc_sync_hibernating_rooms')) === 1, 'the room to hibernate');
    const second = await connectSynced(server.url, 'unit-nap', await token('unit-nap'));
    expect(second.doc.getText('notes').toString()).toBe('Niêm yết trước 20/12');
    expect(await metric(server, 'tthc_sync_hibernating_rooms')).toBe(1);
    second.doc.getText('notes').insert(0, '[gấp] ');
    await waitFor(() => first.doc.getText('notes').toString() === '[gấp] Niêm yết trước 20/12', 'the edit to reach the first officer');
    disconnect(first, second);
  });
});

describe('a store failure', () => {
  it('closes the sender, whose client sends the update again until it is stored (colleagues had it from the relay)', async () => {
    const { server, store } = await serverWith();
    const sender = await connectSynced(server.url, 'unit-fail', await token('unit-fail'), { ack: '1' });
    const other = await connectSynced(server.url, 'unit-fail', await token('unit-fail'));
    let senderClosed = 0;
    sender.provider.on('connection-close', () => (senderClosed += 1));
    store.failNextAppend = true;
    sender.doc.getMap('board').set('important', 'không được mất');
    await waitFor(() => senderClosed > 0, 'the sender to be disconnected');
    // Relayed on receipt (room.ts); the stock client reconnects and sends what the server lacks.
    await waitFor(() => other.doc.getMap('board').get('important') === 'không được mất', 'the resent update to arrive');
    await waitSaved(sender);
    expect(await metric(server, 'tthc_sync_store_failures_total')).toBe(1);
    const stored = new Y.Doc();
    for (const update of await store.load('unit-fail')) Y.applyUpdate(stored, update);
    expect(stored.getMap('board').get('important')).toBe('không được mất');
    disconnect(sender, other);
  });
});
