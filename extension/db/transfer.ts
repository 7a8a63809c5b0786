// Everything the extension stores, in one file, to move an officer to a new computer: every table
// of the database, the board settings, and each unit board's Yjs state. Importing adds only what is
// missing (a record whose key is already there is kept as it is; a record of an auto-numbered table
// already present with the same content is skipped; a board merges as Yjs does), so importing the
// same file twice, or into a computer that already has some of it, never duplicates anything.
import type Dexie from 'dexie';
import { z } from 'zod';
import type { TthcDatabase } from './database.ts';
import { MANAGED_ROW_KEY } from './managed.ts';
import { INDEXED_PHASE_NAMES_KEY, rebuildDossierIndex } from './phaseIndex.ts';

export const TRANSFER_FORMAT = 'tthc-desk-extension-data';

export const transferSchema = z.object({
  format: z.literal(TRANSFER_FORMAT),
  version: z.literal(1),
  exportedAt: z.string(),
  tables: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
  /** chrome.storage.local, as it was. */
  local: z.record(z.string(), z.unknown()),
  /** IndexedDB name of each board → its Yjs state, base64. */
  boards: z.record(z.string(), z.base64()),
});
export type ExtensionData = z.infer<typeof transferSchema>;

export interface ImportCounts {
  added: number;
  skipped: number;
}

export async function exportTables(db: Dexie): Promise<ExtensionData['tables']> {
  const tables: ExtensionData['tables'] = {};
  for (const table of db.tables) {
    const rows = (await table.toArray()) as Record<string, unknown>[];
    // The policy is the organisation's, mirrored from the browser: it is not the officer's to carry.
    tables[table.name] = table.name === 'settings' ? rows.filter((row) => row.key !== MANAGED_ROW_KEY) : rows;
  }
  return tables;
}

/** Rows derived from the dossiers (index tallies and the names they follow): rebuilt here after an import, never taken from the file. */
function isDerived(tableName: string, row: Record<string, unknown>): boolean {
  return tableName === 'dossierTallies' || tableName === 'unitTallies' || (tableName === 'settings' && row.key === INDEXED_PHASE_NAMES_KEY);
}

export async function importTables(db: TthcDatabase, tables: ExtensionData['tables']): Promise<ImportCounts> {
  const counts: ImportCounts = { added: 0, skipped: 0 };
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) {
      const rows = (tables[table.name] ?? []).filter((row) => (table.name !== 'settings' || row.key !== MANAGED_ROW_KEY) && !isDerived(table.name, row));
      const { primKey } = table.schema;
      const missing = primKey.auto ? await absentByContent(table, rows, primKey.keyPath as string) : await absentByKey(table, rows, primKey.keyPath);
      await table.bulkAdd(missing);
      counts.added += missing.length;
      counts.skipped += rows.length - missing.length;
    }
    // The imported dossiers join the tallies, with this computer's phase names.
    await rebuildDossierIndex(db);
  });
  return counts;
}

/** Rows of a keyed table whose key is not there yet. */
async function absentByKey(table: Dexie.Table, rows: Record<string, unknown>[], keyPath: string | string[] | undefined): Promise<Record<string, unknown>[]> {
  const keyOf = (row: Record<string, unknown>) => (Array.isArray(keyPath) ? keyPath.map((part) => row[part]) : row[keyPath as string]);
  const present = await table.bulkGet(rows.map(keyOf) as never[]);
  const seen = new Set<string>();
  return rows.filter((row, i) => {
    const key = JSON.stringify(keyOf(row));
    if (present[i] !== undefined || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Rows of an auto-numbered table (observations, problems) with no row of the same content; the number is new. */
async function absentByContent(table: Dexie.Table, rows: Record<string, unknown>[], idField: string): Promise<Record<string, unknown>[]> {
  const content = (row: Record<string, unknown>) => JSON.stringify(Object.entries(row).filter(([field]) => field !== idField).sort(([a], [b]) => a.localeCompare(b)));
  const seen = new Set(((await table.toArray()) as Record<string, unknown>[]).map(content));
  const missing: Record<string, unknown>[] = [];
  for (const row of rows) {
    const signature = content(row);
    if (seen.has(signature)) continue;
    seen.add(signature);
    const { [idField]: _id, ...withoutId } = row;
    missing.push(withoutId);
  }
  return missing;
}
