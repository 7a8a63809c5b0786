// tthc-desk export --unit UNIT (--data DIR | --postgres URL): one unit's board as JSON on stdout,
// for backup and inspection. `board` is the board as the side panel reads it; `types` is every
// top-level Yjs type decoded generically, so nothing stored is left out of a backup; `state` is
// the whole Yjs state (base64), which `tthc-desk import` loads back exactly.
import * as Y from 'yjs';
import { readBoard } from '../../shared/board/reader.ts';
import { applyStoredUpdate } from '../../sync-server/store.ts';
import { topLevelKind } from '../../shared/sync/revert.ts';
import { parseFlags, requireString } from '../args.ts';
import { UsageError } from '../errors.ts';
import type { CommandIO } from '../main.ts';
import { storeFlags, withStore } from '../store-source.ts';

export async function run(argv: string[], io: CommandIO): Promise<number> {
  const { values } = parseFlags('export', argv, { unit: { type: 'string' }, ...storeFlags });
  const unit = requireString(values, 'unit');
  const [updates, units] = await withStore(values, { readOnly: true }, (store) => Promise.all([store.load(unit), store.rooms()]));
  if (updates.length === 0) throw new UsageError('server.noUnit', { unit, units: units.join(', ') || '—' });
  const doc = new Y.Doc();
  for (const update of updates) applyStoredUpdate(doc, update);
  // Decode first: reading the board defines the board's types, which would add empty ones.
  const types = decodeTopLevelTypes(doc);
  const state = Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64');
  io.stdout(JSON.stringify({ unit, board: readBoard(doc), types, state }, null, 2));
  return 0;
}

function decodeTopLevelTypes(doc: Y.Doc): Record<string, unknown> {
  const decoded: Record<string, unknown> = {};
  for (const name of [...doc.share.keys()].sort((a, b) => a.localeCompare(b))) {
    const kind = topLevelKind(doc, name) ?? 'array';
    decoded[name] = kind === 'map' ? doc.getMap(name).toJSON() : kind === 'text' ? doc.getText(name).toString() : doc.getArray(name).toJSON();
  }
  return decoded;
}
