// tthc-desk restore --unit UNIT (--data DIR | --postgres URL) --at TIME --url ws://HOST:PORT
// --token TOKEN [--exact]: rebuilds the unit's document as it was at TIME from the store's history
// and sends the difference through the running server as a new edit, so connected officers see it
// within seconds and offline ones converge. What was added after TIME stays unless --exact.
import { bilingual } from '../../shared/i18n/i18n.ts';
import { BeforeHistoryError, documentAt, isEmptyHistory, parseInstant, vietnamInstant } from '../../sync-server/history.ts';
import { restoreThroughServer, RestoreRefused } from '../../sync-server/restore-client.ts';
import { parseFlags, requireString } from '../args.ts';
import { UsageError } from '../errors.ts';
import type { CommandIO } from '../main.ts';
import { storeFlags, withStore } from '../store-source.ts';

export async function run(argv: string[], io: CommandIO): Promise<number> {
  const { values } = parseFlags('restore', argv, {
    unit: { type: 'string' },
    at: { type: 'string' },
    url: { type: 'string' },
    token: { type: 'string' },
    exact: { type: 'boolean' },
    ...storeFlags,
  });
  const unit = requireString(values, 'unit');
  const atText = requireString(values, 'at');
  const at = parseInstant(atText);
  if (Number.isNaN(at)) throw new UsageError('history.badTime', { value: atText });
  const url = requireString(values, 'url');
  if (!/^wss?:\/\/[^\s/]+(\/\S*)?$/.test(url)) throw new UsageError('history.badServerUrl', { url });
  const token = requireString(values, 'token');
  const [history, units] = await withStore(values, { readOnly: true }, (store) => Promise.all([store.history(unit), store.rooms()]));
  if (isEmptyHistory(history)) throw new UsageError('server.noUnit', { unit, units: units.join(', ') || '—' });
  let old;
  try {
    old = documentAt(history, at);
  } catch (error) {
    if (error instanceof BeforeHistoryError) throw new UsageError('history.beforeHistory', { at: vietnamInstant(at), since: vietnamInstant(error.since) });
    throw error;
  }
  let edits: number;
  try {
    edits = await restoreThroughServer({ url, unit, token, old, exact: values.exact === true });
  } catch (error) {
    if (!(error instanceof RestoreRefused)) throw error;
    if (error.reason === 'timeout') {
      io.stderr(bilingual('history.timeout', { url }));
      return 1;
    }
    throw new UsageError(`history.refused.${error.reason}`, { url, unit, detail: error.message });
  } finally {
    old.destroy();
  }
  io.stdout(bilingual(edits === 0 ? 'history.alreadyThere' : 'history.restored', { unit, at: vietnamInstant(at), count: edits }));
  return 0;
}
