// Several instances behind a load balancer: a real redis-server carries edits and presence
// between instances, a real PostgreSQL holds the shared store.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PostgresStore } from './postgres-store.ts';
import { startSyncServer, type RunningSyncServer } from './server.ts';
import { SqliteStore } from './sqlite-store.ts';
import { connectSynced, disconnect, startPostgres, startRedis, tempDir, testSecret, waitFor, waitSaved, type ExternalService } from './test-support.ts';
import { signToken } from './token.ts';

let redis: ExternalService;
let postgres: ExternalService;
let first: RunningSyncServer;
let second: RunningSyncServer;

beforeAll(async () => {
  [redis, postgres] = await Promise.all([startRedis(), startPostgres()]);
  const config = { port: 0, secret: testSecret, redisUrl: redis.url, postgresUrl: postgres.url, roomGraceMs: 200 };
  first = await startSyncServer(config);
  second = await startSyncServer(config);
}, 60_000);

afterAll(async () => {
  await Promise.allSettled([first?.close(), second?.close()]);
  await Promise.allSettled([redis?.stop(), postgres?.stop()]);
});

const token = (unit: string, user: string) => signToken({ unit, user, role: 'editor' }, testSecret);

describe('two instances on Redis and PostgreSQL', () => {
  it('officers on different instances see each other’s edits', async () => {
    const a = await connectSynced(first.url, 'unit-x', await token('unit-x', 'an'));
    const b = await connectSynced(second.url, 'unit-x', await token('unit-x', 'binh'));
    a.doc.getMap('board').set('from-a', 1);
    b.doc.getMap('board').set('from-b', 2);
    b.doc.getText('notes').insert(0, 'Hạn công bố 15/12');
    await waitFor(() => a.doc.getMap('board').get('from-b') === 2 && b.doc.getMap('board').get('from-a') === 1, 'edits to cross instances');
    await waitFor(() => a.doc.getText('notes').toString() === 'Hạn công bố 15/12', 'text to cross instances');
    expect(Y.encodeStateAsUpdate(a.doc)).toEqual(Y.encodeStateAsUpdate(b.doc));
    disconnect(a, b);
  });

  it('officers on different instances see each other’s presence, and its removal', async () => {
    const a = await connectSynced(first.url, 'unit-p', await token('unit-p', 'an'));
    const b = await connectSynced(second.url, 'unit-p', await token('unit-p', 'binh'));
    a.provider.awareness.setLocalStateField('user', { name: 'An' });
    b.provider.awareness.setLocalStateField('user', { name: 'Bình' });
    const nameSeenBy = (viewer: typeof a, other: typeof a) =>
      (viewer.provider.awareness.getStates().get(other.doc.clientID) as { user?: { name: string } } | undefined)?.user?.name;
    await waitFor(() => nameSeenBy(a, b) === 'Bình' && nameSeenBy(b, a) === 'An', 'presence to cross instances');
    const leaving = b.doc.clientID;
    disconnect(b);
    await waitFor(() => !a.provider.awareness.getStates().has(leaving), 'departure to cross instances');
    disconnect(a);
  });

  it('an instance that loads a room later gets everything the other stored', async () => {
    const a = await connectSynced(first.url, 'unit-late', await token('unit-late', 'an'), { ack: '1' });
    for (let i = 0; i < 30; i += 1) a.doc.getArray('log').push([i]);
    await waitSaved(a);
    const b = await connectSynced(second.url, 'unit-late', await token('unit-late', 'binh'));
    expect(b.doc.getArray('log').length).toBe(30);
    disconnect(a, b);
  });
});

describe('two instances on Redis, each with its own SQLite file', () => {
  it('converge, and each stores what it received from the other', async () => {
    const dirs = [tempDir('redis-a'), tempDir('redis-b')];
    const [one, two] = await Promise.all(dirs.map((dataDir) => startSyncServer({ port: 0, secret: testSecret, redisUrl: redis.url, dataDir })));
    const a = await connectSynced(one!.url, 'unit-own', await token('unit-own', 'an'));
    const b = await connectSynced(two!.url, 'unit-own', await token('unit-own', 'binh'));
    a.doc.getArray('items').push(['từ A']);
    await waitFor(() => b.doc.getArray('items').length === 1, 'the edit to reach the other instance');
    disconnect(a, b);
    await Promise.all([one!.close(), two!.close()]);
    const storedAtB = new SqliteStore(dirs[1]!, { readOnly: true });
    const doc = new Y.Doc();
    for (const update of await storedAtB.load('unit-own')) Y.applyUpdate(doc, update);
    await storedAtB.close();
    expect(doc.getArray('items').toArray()).toEqual(['từ A']);
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('an instance loading a room gets what the others stored meanwhile, and gives them what it stored before', async () => {
    const dirs = [tempDir('redis-late-a'), tempDir('redis-late-b')];
    const [one, two] = await Promise.all(dirs.map((dataDir) => startSyncServer({ port: 0, secret: testSecret, redisUrl: redis.url, dataDir, roomGraceMs: 50 })));
    const early = await connectSynced(two!.url, 'unit-rejoin', await token('unit-rejoin', 'binh'), { ack: '1' });
    early.doc.getMap('board').set('from-b', 'trước');
    await waitSaved(early);
    disconnect(early);
    await waitFor(async () => (await roomsHeld(two!)) === 0, 'instance B to let the room go');
    const a = await connectSynced(one!.url, 'unit-rejoin', await token('unit-rejoin', 'an'), { ack: '1' });
    for (let i = 0; i < 20; i += 1) a.doc.getArray('log').push([i]);
    await waitSaved(a);
    const b = await connectSynced(two!.url, 'unit-rejoin', await token('unit-rejoin', 'binh'));
    await waitFor(() => b.doc.getArray('log').length === 20, 'the client on B to receive what A stored before B loaded the room');
    await waitFor(() => a.doc.getMap('board').get('from-b') === 'trước', 'the client on A to receive what B stored before A loaded the room');
    disconnect(a, b);
    await Promise.all([one!.close(), two!.close()]);
    for (const dir of dirs) {
      const store = new SqliteStore(dir, { readOnly: true });
      const doc = new Y.Doc();
      for (const update of await store.load('unit-rejoin')) Y.applyUpdate(doc, update);
      await store.close();
      expect({ log: doc.getArray('log').length, fromB: doc.getMap('board').get('from-b') }).toEqual({ log: 20, fromB: 'trước' });
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** Rooms an instance holds in memory, from its /metrics. */
async function roomsHeld(server: RunningSyncServer): Promise<number> {
  const text = await (await fetch(`${server.url.replace('ws:', 'http:')}/metrics`)).text();
  return Number(/^tthc_sync_rooms (\d+)$/m.exec(text)?.[1]);
}

describe('PostgreSQL store', () => {
  it('two instances compacting the same room at once lose nothing', async () => {
    const [one, two] = await Promise.all([PostgresStore.open(postgres.url), PostgresStore.open(postgres.url)]);
    const writer = new Y.Doc();
    const updates: Uint8Array[] = [];
    writer.on('update', (update: Uint8Array) => updates.push(update));
    for (let round = 0; round < 5; round += 1) {
      for (let i = 0; i < 20; i += 1) writer.getArray('items').push([`${round}-${i}`]);
      await (round % 2 === 0 ? one : two).append(updates.splice(0).map((update) => ({ room: 'unit-compact', update, user: 'writer', at: Date.now() })));
      await Promise.all([one.compact('unit-compact'), two.compact('unit-compact')]);
    }
    const loaded = new Y.Doc();
    for (const update of await one.load('unit-compact')) Y.applyUpdate(loaded, update);
    expect(loaded.getArray('items').toArray()).toEqual(writer.getArray('items').toArray());
    expect((await one.load('unit-compact')).length).toBe(1);
    expect(await one.rooms()).toContain('unit-compact');
    await Promise.all([one.close(), two.close()]);
  });
});
