// The embedded store (default): one SQLite file under --data, WAL journal. A committed append has
// reached the disk before append() resolves: SQLite writes the batch's WAL frames on the event
// loop (well under a millisecond), then the WAL file is flushed with fdatasync on libuv's thread
// pool, so the event loop relays other officers' edits while the disk works.
// SQLite itself never syncs (synchronous=OFF) and never checkpoints on its own: its automatic
// checkpoint ran inside a commit, on the event loop, with two fsyncs (the WAL before copying it
// back, the database after), and held every relay for 5–10 ms about every two seconds in
// bench:sync. This store checkpoints itself in the same order, the syncs off the event loop: the
// WAL flushed, its pages copied back into the database (about 2 ms, page cache only), the
// database flushed, and only then may the next write reuse the WAL. So a power cut at any moment
// finds either the WAL that still holds a page or the database that already does, as
// synchronous=NORMAL guarantees, and every acknowledged append durable, as synchronous=FULL does.
// A worker thread for the whole store measured slower on a busy machine (every hop between
// threads waits for a core), and costs an isolate's memory.
import { join } from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { defaultHistoryDays, foldedSnapshot, historyCutoff, type DocumentStore, type RoomHistory, type StoredUpdate, type StoreOptions } from './store.ts';

// node:fs from getBuiltinModule, not imported as an ES module: see server.ts (node:http).
const { closeSync, fdatasync, mkdirSync, openSync } = process.getBuiltinModule('node:fs');

export const sqliteFileName = 'tthc-desk-sync.sqlite';
/**
 * Write transactions between two checkpoints. A commit of bench:sync (about 200 updates over 100
 * rooms) writes about 110 pages to the WAL, so 8 of them come near SQLite's own default of 1,000
 * pages, the size at which copying back costs least per page and the WAL stays a few MiB.
 */
const writesPerCheckpoint = 8;

interface SnapshotRow {
  state: Uint8Array;
  upto: number;
  base: Uint8Array | null;
  since: number;
}

export class SqliteStore implements DocumentStore {
  readonly shared = false;
  readonly #db: DatabaseSync;
  readonly #historyDays: number;
  // Prepared once: each statement holds native memory until it is garbage collected.
  readonly #statements = new Map<string, StatementSync>();
  /** The WAL file, flushed after each append; null when read-only. */
  #wal: number | null = null;
  /** The database file, flushed after each checkpoint; null when read-only. */
  #database: number | null = null;
  #writesSinceCheckpoint = 0;
  /** Set while a checkpoint runs: no write may start until the database holds what it copied. */
  #checkpointing: Promise<void> | null = null;

  constructor(dataDir: string, options: StoreOptions = {}) {
    if (!options.readOnly) mkdirSync(dataDir, { recursive: true });
    this.#historyDays = options.historyDays ?? defaultHistoryDays;
    this.#db = new DatabaseSync(join(dataDir, sqliteFileName), { readOnly: options.readOnly ?? false });
    this.#db.exec('PRAGMA busy_timeout = 5000');
    if (options.readOnly) return;
    // Syncs and checkpoints are this store's own (see the top of this file).
    this.#db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF; PRAGMA wal_autocheckpoint = 0;');
    this.#transaction('BEGIN IMMEDIATE', () => migrate(this.#db));
    // The WAL exists from the first transaction on and stays (the same file, reused after each
    // checkpoint) for as long as this connection is open. fdatasync needs no write access.
    this.#wal = openSync(`${join(dataDir, sqliteFileName)}-wal`, 'r');
    this.#database = openSync(join(dataDir, sqliteFileName), 'r');
  }

  async load(room: string): Promise<Uint8Array[]> {
    let updates: Uint8Array[] = [];
    this.#transaction('BEGIN', () => {
      const snapshot = this.#snapshot(room);
      updates = this.#unfolded(room, snapshot).map((row) => row.data);
      if (snapshot) updates.unshift(snapshot.state);
    });
    return updates;
  }

  async append(entries: readonly StoredUpdate[]): Promise<void> {
    if (entries.length === 0) return;
    const insert = this.#statement('INSERT INTO updates (room, data, at, author) VALUES (?, ?, ?, ?)');
    await this.#writable();
    this.#write(() => {
      for (const entry of entries) insert.run(entry.room, entry.update, entry.at, entry.user);
    });
    await flush(this.#wal!);
    if (this.#writesSinceCheckpoint >= writesPerCheckpoint) void this.#checkpoint().catch(() => undefined);
  }

  async compact(room: string): Promise<void> {
    await this.#writable();
    this.#write(() => {
      const snapshot = this.#snapshot(room);
      const fresh = this.#unfolded(room, snapshot);
      const cutoff = historyCutoff(this.#historyDays);
      const expired = this.#statement('SELECT id, data, at FROM updates WHERE room = ? AND at < ? ORDER BY id').all(room, cutoff) as { id: number; data: Uint8Array; at: number }[];
      if (fresh.length === 0 && expired.length === 0) return;
      const next = foldedSnapshot(snapshot, fresh, expired);
      this.#statement(
        `INSERT INTO snapshots (room, state, upto, base, since) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (room) DO UPDATE SET state = excluded.state, upto = excluded.upto, base = excluded.base, since = excluded.since`,
      ).run(room, next.state, next.upto, next.base, next.since);
      const lastExpired = expired.at(-1);
      if (lastExpired) this.#statement('DELETE FROM updates WHERE room = ? AND at < ? AND id <= ?').run(room, cutoff, lastExpired.id);
    });
  }

  async history(room: string): Promise<RoomHistory> {
    let history: RoomHistory = { base: null, since: 0, entries: [] };
    this.#transaction('BEGIN', () => {
      const snapshot = this.#snapshot(room);
      const rows = this.#statement('SELECT at, author, data FROM updates WHERE room = ? ORDER BY id').all(room) as { at: number; author: string; data: Uint8Array }[];
      history = {
        base: snapshot?.base ?? null,
        since: snapshot?.since ?? 0,
        entries: rows.map((row) => ({ at: row.at, user: row.author, update: row.data })),
      };
    });
    return history;
  }

  async rooms(): Promise<string[]> {
    const rows = this.#statement('SELECT room FROM snapshots UNION SELECT room FROM updates ORDER BY room').all() as { room: string }[];
    return rows.map((row) => row.room);
  }

  async close(): Promise<void> {
    try {
      // Everything copied back and flushed first: closing, SQLite checkpoints once more (nothing
      // left to copy) and deletes the WAL, without a sync of its own.
      if (this.#wal !== null) {
        await this.#writable();
        await this.#checkpoint();
      }
    } finally {
      if (this.#wal !== null) {
        closeSync(this.#wal);
        closeSync(this.#database!);
        this.#wal = null;
        this.#database = null;
      }
      if (this.#db.isOpen) this.#db.close();
    }
  }

  /**
   * Resolves when a write may start, that is when no checkpoint is between copying pages back and
   * flushing the database: the next write may reuse the WAL those pages came from. Rejects for
   * good once a flush failed (what the disk holds is then unknown: nothing more is acknowledged).
   */
  async #writable(): Promise<void> {
    while (this.#checkpointing) await this.#checkpointing;
  }

  /** One write transaction; the caller awaited #writable() just before, in the same turn. */
  #write(work: () => void): void {
    this.#transaction('BEGIN IMMEDIATE', work);
    this.#writesSinceCheckpoint += 1;
  }

  /**
   * The WAL copied back into the database, in synchronous=NORMAL's order, the syncs off the event
   * loop. A failed flush leaves the rejected checkpoint set: every later write fails with its error.
   */
  #checkpoint(): Promise<void> {
    this.#checkpointing ??= (async () => {
      this.#writesSinceCheckpoint = 0;
      await flush(this.#wal!);
      this.#statement('PRAGMA wal_checkpoint(PASSIVE)').get();
      await flush(this.#database!);
    })().then(() => {
      this.#checkpointing = null;
    });
    return this.#checkpointing;
  }

  #snapshot(room: string): SnapshotRow | undefined {
    return this.#statement('SELECT state, upto, base, since FROM snapshots WHERE room = ?').get(room) as SnapshotRow | undefined;
  }

  /** The logged updates not yet folded into the room's snapshot. */
  #unfolded(room: string, snapshot: SnapshotRow | undefined): { id: number; data: Uint8Array }[] {
    return this.#statement('SELECT id, data FROM updates WHERE room = ? AND id > ? ORDER BY id').all(room, snapshot?.upto ?? 0) as { id: number; data: Uint8Array }[];
  }

  #statement(sql: string): StatementSync {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.#db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  #transaction(begin: 'BEGIN' | 'BEGIN IMMEDIATE', work: () => void): void {
    this.#db.exec(begin);
    try {
      work();
      this.#db.exec('COMMIT');
    } catch (error) {
      this.#db.exec('ROLLBACK');
      throw error;
    }
  }
}

/** Everything written to the file so far reaches the disk, off the event loop. */
function flush(file: number): Promise<void> {
  return new Promise((resolve, reject) => fdatasync(file, (error) => (error ? reject(error) : resolve())));
}

/**
 * Creates the schema, or brings a store written before history was kept up to it without losing
 * a byte: its snapshot becomes the history's base too, and its logged updates (time and author
 * unknown: at 0) belong to the time before the history, which starts now.
 */
function migrate(db: DatabaseSync): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS snapshots (room TEXT PRIMARY KEY, state BLOB NOT NULL, upto INTEGER NOT NULL DEFAULT 0, base BLOB, since INTEGER NOT NULL DEFAULT 0) STRICT;
    CREATE TABLE IF NOT EXISTS updates (id INTEGER PRIMARY KEY AUTOINCREMENT, room TEXT NOT NULL, data BLOB NOT NULL, at INTEGER NOT NULL DEFAULT 0, author TEXT NOT NULL DEFAULT 'unknown') STRICT;
  `);
  const columns = (db.prepare('PRAGMA table_info(updates)').all() as { name: string }[]).map((column) => column.name);
  if (!columns.includes('at')) {
    db.exec(`
      ALTER TABLE updates ADD COLUMN at INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE updates ADD COLUMN author TEXT NOT NULL DEFAULT 'unknown';
      ALTER TABLE snapshots ADD COLUMN upto INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE snapshots ADD COLUMN base BLOB;
      ALTER TABLE snapshots ADD COLUMN since INTEGER NOT NULL DEFAULT 0;
    `);
    const now = Date.now();
    db.prepare('UPDATE snapshots SET base = state, since = ?').run(now);
    db.prepare("INSERT INTO snapshots (room, state, base, since) SELECT DISTINCT room, X'0000', X'0000', ? FROM updates WHERE room NOT IN (SELECT room FROM snapshots)").run(now);
  }
  // One index for both ways a room's log is read: from an id on (load, compaction), and by time
  // (what left the history window), the time read from the index itself. Each appended update
  // dirties one index page of its room instead of two (updates_by_room and updates_by_time before):
  // a third fewer pages written and checksummed per commit, on the path every update waits on.
  db.exec(`
    CREATE INDEX IF NOT EXISTS updates_by_room_id_at ON updates (room, id, at);
    DROP INDEX IF EXISTS updates_by_room;
    DROP INDEX IF EXISTS updates_by_time;
  `);
}

/**
 * Writes a consistent copy of the store at `dataDir` into `outDir` while a server may be writing
 * to it: VACUUM INTO reads one snapshot of the database (WAL readers never block the writer) and
 * writes it compacted. Returns the copy's path, checked with SQLite's integrity check.
 */
export function backupSqliteStore(dataDir: string, outDir: string): string {
  mkdirSync(outDir, { recursive: true });
  const target = join(outDir, sqliteFileName);
  const source = new DatabaseSync(join(dataDir, sqliteFileName), { readOnly: true });
  try {
    source.exec('PRAGMA busy_timeout = 5000');
    source.prepare('VACUUM INTO ?').run(target);
  } finally {
    source.close();
  }
  const copy = new DatabaseSync(target, { readOnly: true });
  try {
    const check = copy.prepare('PRAGMA integrity_check').get() as { integrity_check: string };
    if (check.integrity_check !== 'ok') throw new Error(`backup ${target} failed its integrity check: ${check.integrity_check}`);
  } finally {
    copy.close();
  }
  return target;
}
