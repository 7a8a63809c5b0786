// tthc-desk history --unit UNIT (--data DIR | --postgres URL) [--json]: the moments kept in the
// unit's history (who, when, how many updates), oldest first, so a unit lead can find the moment
// before a mistake and pass its time to `tthc-desk restore --at`.
import { bilingual } from '../../shared/i18n/i18n.ts';
import { isEmptyHistory, momentsOf, vietnamInstant } from '../../sync-server/history.ts';
import { parseFlags, requireString } from '../args.ts';
import { UsageError } from '../errors.ts';
import type { CommandIO } from '../main.ts';
import { storeFlags, withStore } from '../store-source.ts';

export async function run(argv: string[], io: CommandIO): Promise<number> {
  const { values } = parseFlags('history', argv, { unit: { type: 'string' }, json: { type: 'boolean' }, ...storeFlags });
  const unit = requireString(values, 'unit');
  const [history, units] = await withStore(values, { readOnly: true }, (store) => Promise.all([store.history(unit), store.rooms()]));
  if (isEmptyHistory(history)) throw new UsageError('server.noUnit', { unit, units: units.join(', ') || '—' });
  const moments = momentsOf(history).map((moment) => ({ at: vietnamInstant(moment.at), user: moment.user, updates: moment.updates }));
  if (values.json) {
    io.stdout(JSON.stringify(moments, null, 2));
    return 0;
  }
  const lines = [bilingual('history.header', { unit, since: vietnamInstant(history.since) })];
  if (moments.length === 0) lines.push(bilingual('history.noMoments'));
  for (const moment of moments) lines.push(`${moment.at}  ${moment.user}  ${bilingual('history.updates', { count: moment.updates })}`);
  io.stdout(lines.join('\n'));
  return 0;
}
