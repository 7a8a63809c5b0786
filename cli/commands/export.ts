// tthc-desk export --unit UNIT (--data DIR | --postgres URL): one unit's board as JSON on stdout,
// for backup and inspection. `board` is the board as the side panel reads it; `types` is every
// top-level Yjs type decoded generically, so nothing stored is left out of a backup.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as Y from 'yjs';
import { readBoard } from '../../shared/board/reader.ts';
import { PostgresStore } from '../../sync-server/postgres-store.ts';
import { sqliteFileName, SqliteStore } from '../../sync-server/sqlite-store.ts';
import { applyStoredUpdate, type DocumentStore } from '../../sync-server/store.ts';
import { parseFlags, requireString, urlFlag } from '../args.ts';
import { UsageError } from '../errors.ts';
import type { CommandIO } from '../main.ts';

/** PostgreSQL's code for a table that does not exist: the database never held a sync store. */
const undefinedTable = '42P01';

export async function run(argv: string[], io: CommandIO): Promise<number> {
  const { values } = parseFlags('export', argv, { unit: { type: 'string' }, data: { type: 'string' }, postgres: { type: 'string' } });
  const unit = requireString(values, 'unit');
  const [updates, units] = await readSource(values.data, values.postgres, unit);
  if (updates.length === 0) throw new UsageError('server.noUnit', { unit, units: units.join(', ') || '—' });
  const doc = new Y.Doc();
  for (const update of updates) applyStoredUpdate(doc, update);
  // Decode first: reading the board defines the board's types, which would add empty ones.
  const types = decodeTopLevelTypes(doc);
  io.stdout(JSON.stringify({ unit, board: readBoard(doc), types }, null, 2));
  return 0;
}

function readSource(dir: unknown, url: unknown, unit: string): Promise<[Uint8Array[], string[]]> {
  if ((typeof dir === 'string') === (typeof url === 'string')) throw new UsageError('server.exportSource');
  return typeof dir === 'string' ? readSqlite(dir, unit) : readPostgres(urlFlag('postgres', url as string), unit);
}

/** The unit's stored updates and every unit the store holds; a file that is no SQLite store is the person's to fix. */
async function readSqlite(dir: string, unit: string): Promise<[Uint8Array[], string[]]> {
  if (!existsSync(join(dir, sqliteFileName))) throw new UsageError('server.noData', { dir });
  try {
    return await readStore(new SqliteStore(dir, { readOnly: true }), unit);
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_SQLITE_ERROR') throw new UsageError('server.badStore', { file: join(dir, sqliteFileName), detail: (error as Error).message });
    throw error;
  }
}

/** Read-only transactions: a backup never writes, not even the schema. */
async function readPostgres(url: string, unit: string): Promise<[Uint8Array[], string[]]> {
  try {
    return await readStore(await PostgresStore.open(url, { readOnly: true }), unit);
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    if (code === undefinedTable) throw new UsageError('server.noPostgresStore', { url: withoutPassword(url) });
    // Refused, unknown host, bad credentials, no such database: the URL is the person's to fix.
    if (code !== undefined || /timeout/i.test(message)) throw new UsageError('server.badPostgres', { url: withoutPassword(url), detail: message });
    throw error;
  }
}

async function readStore(store: DocumentStore, unit: string): Promise<[Uint8Array[], string[]]> {
  return await Promise.all([store.load(unit), store.rooms()]).finally(() => store.close());
}

function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}

/** A stored doc does not say which kind each top-level type is: read it from its content. */
function decodeTopLevelTypes(doc: Y.Doc): Record<string, unknown> {
  const decoded: Record<string, unknown> = {};
  for (const [name, type] of [...doc.share.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    if (type instanceof Y.Map || type instanceof Y.Array || type instanceof Y.Text) decoded[name] = type.toJSON();
    else if (type._map.size > 0) decoded[name] = doc.getMap(name).toJSON();
    else if (holdsText(type)) decoded[name] = doc.getText(name).toString();
    else decoded[name] = doc.getArray(name).toJSON();
  }
  return decoded;
}

function holdsText(type: { _start: Y.Item | null }): boolean {
  for (let item = type._start; item !== null; item = item.right) {
    if (item.content instanceof Y.ContentString || item.content instanceof Y.ContentFormat) return true;
  }
  return false;
}
