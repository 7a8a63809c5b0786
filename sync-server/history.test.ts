// The history window: updates are kept with their time and author for `historyDays`, only older
// ones are folded into the history's base, the current state loads as fast as before, and a
// store written before history was kept keeps every byte when it is opened.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BeforeHistoryError, documentAt, momentsOf } from './history.ts';
import { PostgresStore } from './postgres-store.ts';
import { sqliteFileName, SqliteStore } from './sqlite-store.ts';
import { applyStoredUpdate, type DocumentStore, type StoredUpdate } from './store.ts';
import { startPostgres, tempDir } from '../test-support/sync-server.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const day = 24 * 3600 * 1000;
const now = Date.now();

/** One update per write, each setting `key` in the map "board", with its time and author. */
function edits(room: string, writes: { key: string; value: string; user: string; at: number }[]): StoredUpdate[] {
  const doc = new Y.Doc();
  const out: StoredUpdate[] = [];
  for (const write of writes) {
    const before = Y.encodeStateVector(doc);
    doc.getMap('board').set(write.key, write.value);
    out.push({ room, update: Y.encodeStateAsUpdate(doc, before), user: write.user, at: write.at });
  }
  return out;
}

function boardOf(updates: readonly Uint8Array[]): Record<string, unknown> {
  const doc = new Y.Doc();
  for (const update of updates) applyStoredUpdate(doc, update);
  return doc.getMap('board').toJSON();
}

const writes = [
  { key: 'a', value: 'tháng trước', user: 'lan', at: now - 40 * day },
  { key: 'b', value: 'tuần trước', user: 'lan', at: now - 31 * day },
  { key: 'a', value: 'hôm qua', user: 'binh', at: now - day },
  { key: 'c', value: 'vừa xong', user: 'binh', at: now - 1000 },
];

async function expectRetention(store: DocumentStore): Promise<void> {
  await store.append(edits('unit-h', writes));
  await store.compact('unit-h');
  const history = await store.history('unit-h');
  // Only the two updates inside the 30-day window are still kept, with their time and author.
  expect(history.entries.map((entry) => [entry.user, entry.at])).toEqual([
    ['binh', now - day],
    ['binh', now - 1000],
  ]);
  expect(history.since).toBe(now - 31 * day);
  expect(boardOf([history.base!])).toEqual({ a: 'tháng trước', b: 'tuần trước' });
  // The current state is whole, and loading it reads one snapshot, not the kept log.
  const loaded = await store.load('unit-h');
  expect(loaded).toHaveLength(1);
  expect(boardOf(loaded)).toEqual({ a: 'hôm qua', b: 'tuần trước', c: 'vừa xong' });
  // A moment inside the window is rebuilt; one before it is refused.
  expect(documentAt(history, now - 2 * day).getMap('board').toJSON()).toEqual({ a: 'tháng trước', b: 'tuần trước' });
  expect(documentAt(history, now - 500).getMap('board').toJSON()).toEqual({ a: 'hôm qua', b: 'tuần trước', c: 'vừa xong' });
  expect(() => documentAt(history, now - 35 * day)).toThrow(BeforeHistoryError);
  // Updates logged after the compaction load on top of the snapshot and join the history.
  await store.append(edits('unit-h', [{ key: 'd', value: 'mới', user: 'lan', at: now }]));
  expect(boardOf(await store.load('unit-h'))).toMatchObject({ c: 'vừa xong' });
  expect((await store.history('unit-h')).entries).toHaveLength(3);
}

describe('history in the SQLite store', () => {
  it('keeps updates inside the window with time and author and folds only older ones into the base', async () => {
    const dir = tempDir('history');
    dirs.push(dir);
    const store = new SqliteStore(dir, { historyDays: 30 });
    await expectRetention(store);
    await store.close();
  });

  it('with --history-days 0 folds everything at the next compaction, keeping the state', async () => {
    const dir = tempDir('history-0');
    dirs.push(dir);
    const store = new SqliteStore(dir, { historyDays: 0 });
    await store.append(edits('unit-0', writes.map((write) => ({ ...write, at: now - 1 }))));
    await store.compact('unit-0');
    expect((await store.history('unit-0')).entries).toEqual([]);
    expect(boardOf(await store.load('unit-0'))).toEqual({ a: 'hôm qua', b: 'tuần trước', c: 'vừa xong' });
    await store.close();
  });

  it('brings a store written before history was kept up to date without losing anything', async () => {
    const dir = tempDir('history-legacy');
    dirs.push(dir);
    const [first, ...rest] = edits('unit-old', writes);
    // The schema and content of a store of the previous version: a snapshot and a log.
    const legacy = new DatabaseSync(join(dir, sqliteFileName));
    legacy.exec(`
      CREATE TABLE snapshots (room TEXT PRIMARY KEY, state BLOB NOT NULL) STRICT;
      CREATE TABLE updates (id INTEGER PRIMARY KEY AUTOINCREMENT, room TEXT NOT NULL, data BLOB NOT NULL) STRICT;
      CREATE INDEX updates_by_room ON updates (room, id);
    `);
    legacy.prepare('INSERT INTO snapshots (room, state) VALUES (?, ?)').run('unit-old', first!.update);
    for (const entry of rest) legacy.prepare('INSERT INTO updates (room, data) VALUES (?, ?)').run('unit-old', entry.update);
    legacy.prepare('INSERT INTO updates (room, data) VALUES (?, ?)').run('unit-log-only', edits('unit-log-only', [writes[1]!])[0]!.update);
    legacy.close();

    const store = new SqliteStore(dir);
    expect(boardOf(await store.load('unit-old'))).toEqual({ a: 'hôm qua', b: 'tuần trước', c: 'vừa xong' });
    expect(await store.rooms()).toEqual(['unit-log-only', 'unit-old']);
    // The old log has no time: it belongs before the history, which starts at the migration.
    const history = await store.history('unit-old');
    expect(history.since).toBeGreaterThanOrEqual(now);
    expect(momentsOf(history)).toEqual([]);
    expect(documentAt(history, Date.now()).getMap('board').toJSON()).toEqual({ a: 'hôm qua', b: 'tuần trước', c: 'vừa xong' });
    await store.compact('unit-old');
    await store.compact('unit-log-only');
    expect(boardOf(await store.load('unit-old'))).toEqual({ a: 'hôm qua', b: 'tuần trước', c: 'vừa xong' });
    expect(boardOf(await store.load('unit-log-only'))).toEqual({ b: 'tuần trước' });
    await store.close();
    // Its log is indexed like a new store's: one index serves reads by id and by time.
    const migrated = new DatabaseSync(join(dir, sqliteFileName), { readOnly: true });
    const indexes = migrated.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'updates'").all() as { name: string }[];
    migrated.close();
    expect(indexes.map((index) => index.name)).toEqual(['updates_by_room_id_at']);
  });
});

describe('history in the PostgreSQL store', () => {
  it('keeps the window, folds older updates, and migrates a store of the previous version', async () => {
    const postgres = await startPostgres();
    try {
      const store = await PostgresStore.open(postgres.url, { historyDays: 30 });
      await expectRetention(store);
      await store.close();

      const legacyUrl = postgres.url.replace(/\/postgres$/, '/legacy');
      const admin = new pg.Client({ connectionString: postgres.url });
      await admin.connect();
      await admin.query('CREATE DATABASE legacy');
      await admin.end();
      const [first, ...rest] = edits('unit-old', writes);
      const legacy = new pg.Client({ connectionString: legacyUrl });
      await legacy.connect();
      await legacy.query(`
        CREATE TABLE tthc_sync_snapshots (room TEXT PRIMARY KEY, state BYTEA NOT NULL);
        CREATE TABLE tthc_sync_updates (id BIGSERIAL PRIMARY KEY, room TEXT NOT NULL, data BYTEA NOT NULL);
      `);
      await legacy.query('INSERT INTO tthc_sync_snapshots (room, state) VALUES ($1, $2)', ['unit-old', Buffer.from(first!.update)]);
      for (const entry of rest) await legacy.query('INSERT INTO tthc_sync_updates (room, data) VALUES ($1, $2)', ['unit-old', Buffer.from(entry.update)]);
      await legacy.end();

      // Two instances starting together: one migrates, the other waits for it.
      const [one, two] = await Promise.all([PostgresStore.open(legacyUrl), PostgresStore.open(legacyUrl)]);
      expect(boardOf(await two.load('unit-old'))).toEqual({ a: 'hôm qua', b: 'tuần trước', c: 'vừa xong' });
      await one.compact('unit-old');
      expect(boardOf(await two.load('unit-old'))).toEqual({ a: 'hôm qua', b: 'tuần trước', c: 'vừa xong' });
      expect(momentsOf(await one.history('unit-old'))).toEqual([]);
      await Promise.all([one.close(), two.close()]);
    } finally {
      await postgres.stop();
    }
  }, 60_000);
});

describe('moments', () => {
  it('groups close updates of one user into one moment dated by its last update', () => {
    const entry = (user: string, at: number) => ({ user, at, update: new Uint8Array([0, 0]) });
    const history = { base: null, since: 0, entries: [entry('lan', 1000), entry('lan', 30_000), entry('binh', 31_000), entry('lan', 32_000), entry('lan', 200_000)] };
    expect(momentsOf(history)).toEqual([
      { at: 30_000, user: 'lan', updates: 2 },
      { at: 31_000, user: 'binh', updates: 1 },
      { at: 32_000, user: 'lan', updates: 1 },
      { at: 200_000, user: 'lan', updates: 1 },
    ]);
  });
});

describe('compaction beside concurrent appends (PostgreSQL, two instances)', () => {
  it('never folds past an update still being committed: every appended update loads', async () => {
    const postgres = await startPostgres();
    try {
      const [one, two] = await Promise.all([PostgresStore.open(postgres.url), PostgresStore.open(postgres.url)]);
      const writers = Array.from({ length: 8 }, () => new Y.Doc());
      let compacting = true;
      const compactions = (async () => {
        while (compacting) await Promise.all([one.compact('unit-race'), two.compact('unit-race')]);
      })();
      await Promise.all(
        writers.map(async (writer, w) => {
          for (let i = 0; i < 40; i += 1) {
            const before = Y.encodeStateVector(writer);
            writer.getMap('board').set(`${w}-${i}`, i);
            await (i % 2 === 0 ? one : two).append([{ room: 'unit-race', update: Y.encodeStateAsUpdate(writer, before), user: `w${w}`, at: Date.now() }]);
          }
        }),
      );
      compacting = false;
      await compactions;
      expect(Object.keys(boardOf(await one.load('unit-race')))).toHaveLength(8 * 40);
      await one.compact('unit-race');
      expect(Object.keys(boardOf(await two.load('unit-race')))).toHaveLength(8 * 40);
      await Promise.all([one.close(), two.close()]);
    } finally {
      await postgres.stop();
    }
  }, 60_000);
});
