// tthc-desk export --unit UNIT --data DIR: one unit's board as JSON on stdout, for backup and
// inspection. `board` is the board as the side panel reads it; `types` is every top-level Yjs
// type decoded generically, so nothing stored is left out of a backup.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as Y from 'yjs';
import { readBoard } from '../../shared/board/reader.ts';
import { sqliteFileName, SqliteStore } from '../../sync-server/sqlite-store.ts';
import { applyStoredUpdate } from '../../sync-server/store.ts';
import { parseFlags, requireString } from '../args.ts';
import { UsageError } from '../errors.ts';
import type { CommandIO } from '../main.ts';

export async function run(argv: string[], io: CommandIO): Promise<number> {
  const { values } = parseFlags('export', argv, { unit: { type: 'string' }, data: { type: 'string' } });
  const unit = requireString(values, 'unit');
  const dir = requireString(values, 'data');
  if (!existsSync(join(dir, sqliteFileName))) throw new UsageError('server.noData', { dir });
  const [updates, units] = await readStore(dir, unit);
  if (updates.length === 0) throw new UsageError('server.noUnit', { unit, units: units.join(', ') || '—' });
  const doc = new Y.Doc();
  for (const update of updates) applyStoredUpdate(doc, update);
  // Decode first: reading the board defines the board's types, which would add empty ones.
  const types = decodeTopLevelTypes(doc);
  io.stdout(JSON.stringify({ unit, board: readBoard(doc), types }, null, 2));
  return 0;
}

/** The unit's stored updates and every unit the store holds; a file that is no SQLite store is the person's to fix. */
async function readStore(dir: string, unit: string): Promise<[Uint8Array[], string[]]> {
  try {
    const store = new SqliteStore(dir, { readOnly: true });
    return await Promise.all([store.load(unit), store.rooms()]).finally(() => store.close());
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_SQLITE_ERROR') throw new UsageError('server.badStore', { file: join(dir, sqliteFileName), detail: (error as Error).message });
    throw error;
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
