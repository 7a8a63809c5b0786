// The shared store for several instances: the same log + snapshot shape in PostgreSQL. An append
// resolves only after its transaction committed. Compaction holds a per-room advisory lock so two
// instances folding the same room cannot drop each other's rows.
import pg from 'pg';
import { mergeStoredUpdates, type DocumentStore, type StoredUpdate } from './store.ts';

export class PostgresStore implements DocumentStore {
  readonly shared = true;
  readonly #pool: pg.Pool;

  private constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  /**
   * `readOnly` is for a one-off reader such as `tthc-desk export`: every transaction is read-only,
   * the schema is not created, and an unreachable server fails within seconds instead of hanging.
   */
  static async open(url: string, options: { readOnly?: boolean } = {}): Promise<PostgresStore> {
    const pool = new pg.Pool({
      connectionString: url,
      max: 4,
      ...(options.readOnly ? { options: '-c default_transaction_read_only=on', connectionTimeoutMillis: 10_000 } : {}),
    });
    // A dropped idle connection must not crash the server; the next query opens a new one.
    pool.on('error', () => undefined);
    if (options.readOnly) return new PostgresStore(pool);
    await pool.query(`
      CREATE TABLE IF NOT EXISTS tthc_sync_snapshots (room TEXT PRIMARY KEY, state BYTEA NOT NULL);
      CREATE TABLE IF NOT EXISTS tthc_sync_updates (id BIGSERIAL PRIMARY KEY, room TEXT NOT NULL, data BYTEA NOT NULL);
      CREATE INDEX IF NOT EXISTS tthc_sync_updates_by_room ON tthc_sync_updates (room, id);
    `);
    return new PostgresStore(pool);
  }

  async load(room: string): Promise<Uint8Array[]> {
    return (await loadRoom(this.#pool, room)).updates;
  }

  async append(entries: readonly StoredUpdate[]): Promise<void> {
    if (entries.length === 0) return;
    // One multi-row INSERT is one implicitly committed transaction: all or nothing.
    await this.#pool.query('INSERT INTO tthc_sync_updates (room, data) SELECT * FROM unnest($1::text[], $2::bytea[])', [
      entries.map((entry) => entry.room),
      entries.map((entry) => Buffer.from(entry.update.buffer, entry.update.byteOffset, entry.update.byteLength)),
    ]);
  }

  async compact(room: string): Promise<void> {
    const client = await this.#pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [room]);
      const { updates, lastId } = await loadRoom(client, room);
      if (lastId !== '0') {
        await client.query('INSERT INTO tthc_sync_snapshots (room, state) VALUES ($1, $2) ON CONFLICT (room) DO UPDATE SET state = excluded.state', [room, Buffer.from(mergeStoredUpdates(updates))]);
        await client.query('DELETE FROM tthc_sync_updates WHERE room = $1 AND id <= $2', [room, lastId]);
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async rooms(): Promise<string[]> {
    const result = await this.#pool.query<{ room: string }>('SELECT room FROM tthc_sync_snapshots UNION SELECT room FROM tthc_sync_updates ORDER BY room');
    return result.rows.map((row) => row.room);
  }

  async close(): Promise<void> {
    await this.#pool.end();
  }
}

// One statement, so the snapshot and the log come from one consistent view even while another
// instance compacts the room.
async function loadRoom(db: pg.Pool | pg.PoolClient, room: string): Promise<{ updates: Uint8Array[]; lastId: string }> {
  const result = await db.query<{ id: string; data: Buffer }>(
    `SELECT 0::bigint AS id, state AS data FROM tthc_sync_snapshots WHERE room = $1
     UNION ALL SELECT id, data FROM tthc_sync_updates WHERE room = $1 ORDER BY id`,
    [room],
  );
  const lastRow = result.rows.at(-1);
  return { updates: result.rows.map((row) => new Uint8Array(row.data)), lastId: lastRow?.id ?? '0' };
}
