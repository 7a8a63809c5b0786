// The shared store for several instances: the same log + snapshots shape in PostgreSQL. An append
// resolves only after its transaction committed. Compaction holds a per-room advisory lock so two
// instances folding the same room cannot drop each other's rows.
import pg from 'pg';
import { defaultHistoryDays, foldedSnapshot, historyCutoff, type DocumentStore, type RoomHistory, type StoredUpdate, type StoreOptions } from './store.ts';

type Queryable = pg.Pool | pg.PoolClient;

interface SnapshotRow {
  state: Buffer;
  upto: string;
  base: Buffer | null;
  since: string;
}

export class PostgresStore implements DocumentStore {
  readonly shared = true;
  readonly #pool: pg.Pool;
  readonly #historyDays: number;

  private constructor(pool: pg.Pool, historyDays: number) {
    this.#pool = pool;
    this.#historyDays = historyDays;
  }

  /**
   * `readOnly` is for a one-off reader such as `tthc-desk export`: every transaction is read-only,
   * the schema is not created, and an unreachable server fails within seconds instead of hanging.
   */
  static async open(url: string, options: StoreOptions = {}): Promise<PostgresStore> {
    const pool = new pg.Pool({
      connectionString: url,
      max: 4,
      ...(options.readOnly ? { options: '-c default_transaction_read_only=on', connectionTimeoutMillis: 10_000 } : {}),
    });
    // A dropped idle connection must not crash the server; the next query opens a new one.
    pool.on('error', () => undefined);
    const store = new PostgresStore(pool, options.historyDays ?? defaultHistoryDays);
    if (!options.readOnly) {
      try {
        await store.#inTransaction(migrate);
      } catch (error) {
        await pool.end();
        throw error;
      }
    }
    return store;
  }

  async load(room: string): Promise<Uint8Array[]> {
    // One statement, so the snapshot and the log come from one consistent view even while another
    // instance compacts the room.
    const result = await this.#pool.query<{ data: Buffer }>(
      `SELECT 0::bigint AS id, state AS data FROM tthc_sync_snapshots WHERE room = $1
       UNION ALL SELECT id, data FROM tthc_sync_updates
         WHERE room = $1 AND id > COALESCE((SELECT upto FROM tthc_sync_snapshots WHERE room = $1), 0)
       ORDER BY id`,
      [room],
    );
    return result.rows.map((row) => new Uint8Array(row.data));
  }

  async append(entries: readonly StoredUpdate[]): Promise<void> {
    if (entries.length === 0) return;
    // One multi-row INSERT is one implicitly committed transaction: all or nothing. It first takes
    // each room's lock shared (the uncorrelated subquery runs once, before any row gets its id), so
    // a compaction, which takes it exclusively, never reads a room's log while an insert into it is
    // uncommitted: otherwise a row with a smaller id committing after the fold would be skipped.
    await this.#pool.query(
      `INSERT INTO tthc_sync_updates (room, data, at, author)
       SELECT * FROM unnest($1::text[], $2::bytea[], $3::bigint[], $4::text[])
       WHERE (SELECT count(pg_advisory_xact_lock_shared(hashtext(room))) FROM (SELECT DISTINCT unnest($1::text[]) AS room) AS rooms) >= 0`,
      [
      entries.map((entry) => entry.room),
      entries.map((entry) => Buffer.from(entry.update.buffer, entry.update.byteOffset, entry.update.byteLength)),
      entries.map((entry) => entry.at),
      entries.map((entry) => entry.user),
      ],
    );
  }

  async compact(room: string): Promise<void> {
    await this.#inTransaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [room]);
      const snapshot = await readSnapshot(client, room);
      const fresh = (await client.query<{ id: string; data: Buffer }>('SELECT id, data FROM tthc_sync_updates WHERE room = $1 AND id > $2 ORDER BY id', [room, snapshot?.upto ?? '0'])).rows;
      const cutoff = historyCutoff(this.#historyDays);
      const expired = (await client.query<{ id: string; data: Buffer; at: string }>('SELECT id, data, at FROM tthc_sync_updates WHERE room = $1 AND at < $2 ORDER BY id', [room, cutoff])).rows;
      if (fresh.length === 0 && expired.length === 0) return;
      const next = foldedSnapshot(
        snapshot && { state: snapshot.state, upto: snapshot.upto, base: snapshot.base, since: Number(snapshot.since) },
        fresh,
        expired.map((row) => ({ data: row.data, at: Number(row.at) })),
      );
      await client.query(
        `INSERT INTO tthc_sync_snapshots (room, state, upto, base, since) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (room) DO UPDATE SET state = excluded.state, upto = excluded.upto, base = excluded.base, since = excluded.since`,
        [room, Buffer.from(next.state), next.upto, next.base && Buffer.from(next.base), next.since],
      );
      const lastExpired = expired.at(-1);
      if (lastExpired) await client.query('DELETE FROM tthc_sync_updates WHERE room = $1 AND at < $2 AND id <= $3', [room, cutoff, lastExpired.id]);
    });
  }

  async history(room: string): Promise<RoomHistory> {
    return this.#inTransaction(async (client) => {
      await client.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
      const snapshot = await readSnapshot(client, room);
      const rows = (await client.query<{ at: string; author: string; data: Buffer }>('SELECT at, author, data FROM tthc_sync_updates WHERE room = $1 ORDER BY id', [room])).rows;
      return {
        base: snapshot?.base ? new Uint8Array(snapshot.base) : null,
        since: Number(snapshot?.since ?? 0),
        entries: rows.map((row) => ({ at: Number(row.at), user: row.author, update: new Uint8Array(row.data) })),
      };
    });
  }

  async rooms(): Promise<string[]> {
    const result = await this.#pool.query<{ room: string }>('SELECT room FROM tthc_sync_snapshots UNION SELECT room FROM tthc_sync_updates ORDER BY room');
    return result.rows.map((row) => row.room);
  }

  async close(): Promise<void> {
    await this.#pool.end();
  }

  async #inTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.#pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}

async function readSnapshot(db: Queryable, room: string): Promise<SnapshotRow | undefined> {
  return (await db.query<SnapshotRow>('SELECT state, upto, base, since FROM tthc_sync_snapshots WHERE room = $1', [room])).rows[0];
}

/**
 * Creates the schema, or brings a store written before history was kept up to it (see the SQLite
 * store's migrate); instances starting together take turns on a lock.
 */
async function migrate(client: pg.PoolClient): Promise<void> {
  await client.query("SELECT pg_advisory_xact_lock(hashtext('tthc_sync_schema'))");
  await client.query(`
    CREATE TABLE IF NOT EXISTS tthc_sync_snapshots (room TEXT PRIMARY KEY, state BYTEA NOT NULL, upto BIGINT NOT NULL DEFAULT 0, base BYTEA, since BIGINT NOT NULL DEFAULT 0);
    CREATE TABLE IF NOT EXISTS tthc_sync_updates (id BIGSERIAL PRIMARY KEY, room TEXT NOT NULL, data BYTEA NOT NULL, at BIGINT NOT NULL DEFAULT 0, author TEXT NOT NULL DEFAULT 'unknown');
    CREATE INDEX IF NOT EXISTS tthc_sync_updates_by_room ON tthc_sync_updates (room, id);
  `);
  const columns = await client.query("SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'tthc_sync_updates' AND column_name = 'at'");
  if (columns.rowCount === 0) {
    await client.query(`
      ALTER TABLE tthc_sync_updates ADD COLUMN at BIGINT NOT NULL DEFAULT 0, ADD COLUMN author TEXT NOT NULL DEFAULT 'unknown';
      ALTER TABLE tthc_sync_snapshots ADD COLUMN upto BIGINT NOT NULL DEFAULT 0, ADD COLUMN base BYTEA, ADD COLUMN since BIGINT NOT NULL DEFAULT 0;
    `);
    const now = Date.now();
    await client.query('UPDATE tthc_sync_snapshots SET base = state, since = $1', [now]);
    await client.query(
      "INSERT INTO tthc_sync_snapshots (room, state, base, since) SELECT DISTINCT room, '\\x0000'::bytea, '\\x0000'::bytea, $1::bigint FROM tthc_sync_updates WHERE room NOT IN (SELECT room FROM tthc_sync_snapshots)",
      [now],
    );
  }
  await client.query('CREATE INDEX IF NOT EXISTS tthc_sync_updates_by_time ON tthc_sync_updates (room, at)');
}
