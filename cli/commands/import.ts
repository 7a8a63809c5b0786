// tthc-desk import --unit UNIT (--data DIR | --postgres URL) FILE: loads a file written by
// `tthc-desk export` into a unit that holds nothing yet (disaster recovery). The file's `state` is
// the unit's exact Yjs state, so officers' own copies merge with it without duplicating anything.
// Run it before officers reconnect: a server already holding the unit in memory sees the import
// only once the unit is loaded again.
import { z } from 'zod';
import * as Y from 'yjs';
import { bilingual } from '../../shared/i18n/i18n.ts';
import { isEmptyHistory } from '../../sync-server/history.ts';
import { parseFlags, requireString } from '../args.ts';
import { UsageError } from '../errors.ts';
import { parseJson, readInputFile } from '../input.ts';
import type { CommandIO } from '../main.ts';
import { storeFlags, withStore } from '../store-source.ts';

const ExportFileSchema = z.object({ state: z.base64().min(1) });

export async function run(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseFlags('import', argv, { unit: { type: 'string' }, ...storeFlags }, 1);
  const unit = requireString(values, 'unit');
  const file = positionals[0];
  if (file === undefined) throw new UsageError('import.noFile');
  const state = readExportState(file, await readInputFile(file));
  const types = countTopLevelTypes(file, state);
  await withStore(values, { readOnly: false }, async (store) => {
    const [history, pending] = await Promise.all([store.history(unit), store.load(unit)]);
    if (!isEmptyHistory(history) || pending.length > 0) throw new UsageError('import.notEmpty', { unit });
    await store.append([{ room: unit, update: state, user: 'import', at: Date.now() }]);
  });
  io.stdout(bilingual('import.done', { unit, file, count: types }));
  return 0;
}

function readExportState(file: string, text: string): Uint8Array {
  const parsed = ExportFileSchema.safeParse(parseJson(file, text));
  if (!parsed.success) throw new UsageError('import.notExport', { file });
  return new Uint8Array(Buffer.from(parsed.data.state, 'base64'));
}

/** Refuses a state Yjs cannot read before anything is stored. */
function countTopLevelTypes(file: string, state: Uint8Array): number {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return doc.share.size;
  } catch {
    throw new UsageError('import.notExport', { file });
  } finally {
    doc.destroy();
  }
}
