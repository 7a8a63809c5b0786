// The sync store a command reads or writes: exactly one of --data DIR (SQLite) or --postgres URL,
// opened, used and closed, with each problem the person can fix (no store there, a file that is no
// store, an unreachable or empty database) turned into one sentence.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PostgresStore } from '../sync-server/postgres-store.ts';
import { sqliteFileName, SqliteStore } from '../sync-server/sqlite-store.ts';
import type { DocumentStore } from '../sync-server/store.ts';
import type { Parsed } from './args.ts';
import { urlFlag } from './args.ts';
import { UsageError } from './errors.ts';

/** PostgreSQL's code for a table that does not exist: the database never held a sync store. */
const undefinedTable = '42P01';

/** The flags every store-reading command takes. */
export const storeFlags = { data: { type: 'string' }, postgres: { type: 'string' } } as const;

export async function withStore<T>(values: Parsed['values'], access: { readOnly: boolean }, work: (store: DocumentStore) => Promise<T>): Promise<T> {
  const { data, postgres } = values;
  if ((typeof data === 'string') === (typeof postgres === 'string')) throw new UsageError('server.exportSource');
  return typeof data === 'string' ? withSqlite(data, access.readOnly, work) : withPostgres(urlFlag('postgres', postgres as string), access.readOnly, work);
}

function withSqlite<T>(dir: string, readOnly: boolean, work: (store: DocumentStore) => Promise<T>): Promise<T> {
  if (readOnly && !existsSync(join(dir, sqliteFileName))) throw new UsageError('server.noData', { dir });
  return using(() => new SqliteStore(dir, { readOnly }), (error) => sqliteMistake(error, dir), work);
}

/** Opens, works, closes; a failure the person can fix (see `mistake`) becomes its sentence. */
async function using<T>(open: () => DocumentStore | Promise<DocumentStore>, mistake: (error: unknown) => UsageError | null, work: (store: DocumentStore) => Promise<T>): Promise<T> {
  let store: DocumentStore;
  try {
    store = await open();
  } catch (error) {
    throw mistake(error) ?? error;
  }
  try {
    return await work(store);
  } catch (error) {
    throw mistake(error) ?? error;
  } finally {
    await store.close();
  }
}

function sqliteMistake(error: unknown, dir: string): UsageError | null {
  const { code, message } = error as { code?: string; message: string };
  if (code === 'ERR_SQLITE_ERROR') return new UsageError('server.badStore', { file: join(dir, sqliteFileName), detail: message });
  if (code === 'ENOTDIR' || code === 'EACCES' || code === 'EEXIST') return new UsageError('server.badDataDir', { dir, reason: code });
  return null;
}

/** Read-only transactions when reading: a backup never writes, not even the schema. */
function withPostgres<T>(url: string, readOnly: boolean, work: (store: DocumentStore) => Promise<T>): Promise<T> {
  return using(() => PostgresStore.open(url, { readOnly }), (error) => postgresMistake(error, url), work);
}

function postgresMistake(error: unknown, url: string): UsageError | null {
  if (error instanceof UsageError) return null;
  const { code, message } = error as { code?: string; message: string };
  if (code === undefinedTable) return new UsageError('server.noPostgresStore', { url: withoutPassword(url) });
  // Refused, unknown host, bad credentials, no such database: the URL is the person's to fix.
  if (code !== undefined || /timeout/i.test(message)) return new UsageError('server.badPostgres', { url: withoutPassword(url), detail: message });
  return null;
}

export function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}
