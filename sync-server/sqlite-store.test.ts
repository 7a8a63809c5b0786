// The SQLite store checkpoints itself (sqlite-store.ts says why): every few writes the WAL is
// copied back into the database file, and the next write starts only once that is done.
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStore, sqliteFileName } from './sqlite-store.ts';
import { tempDir } from '../test-support/sync-server.ts';

let dataDir = '';

afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

/** Rows in the database file alone, as if its WAL were lost. */
function rowsInDatabaseFile(): number {
  const copy = join(dataDir, 'database-file-only.sqlite');
  copyFileSync(join(dataDir, sqliteFileName), copy);
  const db = new DatabaseSync(copy, { readOnly: true });
  try {
    // Before the first checkpoint even the schema is only in the WAL.
    if (!db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'updates'").get()) return 0;
    return (db.prepare('SELECT count(*) AS rows FROM updates').get() as { rows: number }).rows;
  } finally {
    db.close();
    rmSync(copy);
  }
}

const entry = (index: number) => ({ room: `unit-${index % 3}`, update: new Uint8Array([index % 256, 1]), user: 'officer', at: Date.now() });

describe('SQLite store', () => {
  it('copies the WAL back into the database file every 8 writes, before the next write starts', async () => {
    dataDir = tempDir('sqlite-store');
    const store = new SqliteStore(dataDir);
    try {
      for (let index = 0; index < 7; index += 1) await store.append([entry(index)]);
      expect(rowsInDatabaseFile()).toBe(0);
      await store.append([entry(7)]);
      // The 9th write waited for the checkpoint the 8th started.
      await store.append([entry(8)]);
      expect(rowsInDatabaseFile()).toBe(8);
    } finally {
      await store.close();
    }
  });

  it('leaves everything in the database file when closed', async () => {
    dataDir = tempDir('sqlite-store');
    const store = new SqliteStore(dataDir);
    for (let index = 0; index < 3; index += 1) await store.append([entry(index)]);
    await store.close();
    expect(existsSync(join(dataDir, `${sqliteFileName}-wal`))).toBe(false);
    expect(rowsInDatabaseFile()).toBe(3);
  });
});
