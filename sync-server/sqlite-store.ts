// The embedded store (default): one SQLite file under --data, WAL journal, synchronous=FULL so a
// committed append has reached the disk before append() returns. The calls block the event loop,
// on purpose: a batch commits in well under a millisecond, updates that arrive meanwhile wait in
// the socket buffers and form the next batch (commit-queue.ts), and a worker thread measured
// slower on a busy machine (every hop between threads waits for a core).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { mergeStoredUpdates, type DocumentStore, type StoredUpdate } from './store.ts';

export const sqliteFileName = 'tthc-desk-sync.sqlite';

export class SqliteStore implements DocumentStore {
  readonly shared = false;
  readonly #db: DatabaseSync;
  // Prepared once: each statement holds native memory until it is garbage collected.
  readonly #statements = new Map<string, StatementSync>();

  constructor(dataDir: string, options: { readOnly?: boolean } = {}) {
    if (!options.readOnly) mkdirSync(dataDir, { recursive: true });
    this.#db = new DatabaseSync(join(dataDir, sqliteFileName), { readOnly: options.readOnly ?? false });
    this.#db.exec('PRAGMA busy_timeout = 5000');
    if (options.readOnly) return;
    this.#db.exec(`
      PRAGMA journal_mode = WAL;
      PRAGMA synchronous = FULL;
      CREATE TABLE IF NOT EXISTS snapshots (room TEXT PRIMARY KEY, state BLOB NOT NULL) STRICT;
      CREATE TABLE IF NOT EXISTS updates (id INTEGER PRIMARY KEY AUTOINCREMENT, room TEXT NOT NULL, data BLOB NOT NULL) STRICT;
      CREATE INDEX IF NOT EXISTS updates_by_room ON updates (room, id);
    `);
  }

  async load(room: string): Promise<Uint8Array[]> {
    let updates: Uint8Array[] = [];
    this.#transaction('BEGIN', () => {
      updates = this.#loadNow(room).updates;
    });
    return updates;
  }

  #loadNow(room: string): { updates: Uint8Array[]; lastId: number } {
    const snapshot = this.#statement('SELECT state FROM snapshots WHERE room = ?').get(room) as { state: Uint8Array } | undefined;
    const rows = this.#statement('SELECT id, data FROM updates WHERE room = ? ORDER BY id').all(room) as { id: number; data: Uint8Array }[];
    const updates = rows.map((row) => row.data);
    if (snapshot) updates.unshift(snapshot.state);
    return { updates, lastId: rows.at(-1)?.id ?? 0 };
  }

  async append(entries: readonly StoredUpdate[]): Promise<void> {
    if (entries.length === 0) return;
    const insert = this.#statement('INSERT INTO updates (room, data) VALUES (?, ?)');
    this.#transaction('BEGIN IMMEDIATE', () => {
      for (const entry of entries) insert.run(entry.room, entry.update);
    });
  }

  async compact(room: string): Promise<void> {
    this.#transaction('BEGIN IMMEDIATE', () => {
      const { updates, lastId } = this.#loadNow(room);
      if (lastId === 0) return;
      this.#statement('INSERT INTO snapshots (room, state) VALUES (?, ?) ON CONFLICT (room) DO UPDATE SET state = excluded.state').run(room, mergeStoredUpdates(updates));
      this.#statement('DELETE FROM updates WHERE room = ? AND id <= ?').run(room, lastId);
    });
  }

  async rooms(): Promise<string[]> {
    const rows = this.#statement('SELECT room FROM snapshots UNION SELECT room FROM updates ORDER BY room').all() as { room: string }[];
    return rows.map((row) => row.room);
  }

  async close(): Promise<void> {
    if (this.#db.isOpen) this.#db.close();
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
