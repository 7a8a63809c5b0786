// tthc-desk backup --data DIR OUT: a consistent copy of the SQLite store, taken while the server
// runs, written as OUT/tthc-desk-sync.sqlite, so OUT can itself be given to --data (serve, export,
// history, restore). An existing copy is never overwritten.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { bilingual } from '../../shared/i18n/i18n.ts';
import { backupSqliteStore, sqliteFileName } from '../../sync-server/sqlite-store.ts';
import { parseFlags, requireString } from '../args.ts';
import { UsageError } from '../errors.ts';
import type { CommandIO } from '../main.ts';

export async function run(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseFlags('backup', argv, { data: { type: 'string' } }, 1);
  const dir = requireString(values, 'data');
  const out = positionals[0];
  if (out === undefined) throw new UsageError('backup.noTarget');
  if (!existsSync(join(dir, sqliteFileName))) throw new UsageError('server.noData', { dir });
  if (existsSync(out) && !statSync(out).isDirectory()) throw new UsageError('backup.notDirectory', { out });
  if (existsSync(join(out, sqliteFileName))) throw new UsageError('backup.exists', { file: join(out, sqliteFileName) });
  let file: string;
  try {
    file = backupSqliteStore(dir, out);
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    if (code === 'ERR_SQLITE_ERROR') throw new UsageError('server.badStore', { file: join(dir, sqliteFileName), detail: message });
    if (code === 'EACCES' || code === 'ENOTDIR' || code === 'EROFS') throw new UsageError('backup.cannotWrite', { out, reason: code });
    throw error;
  }
  io.stdout(bilingual('backup.done', { file, size: statSync(file).size }));
  return 0;
}
