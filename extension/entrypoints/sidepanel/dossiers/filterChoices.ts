// The procedures and agencies present among the dossiers, for the filter menus: the procedure and
// agency tallies the background keeps (dossierIndex.ts), a few hundred rows, never the dossiers.
import type { TthcDatabase } from '../../../db/database.ts';
import { ANY_UNIT } from '../../../db/dossierIndex.ts';
import type { FilterChoices } from './dossierView.ts';

export async function readFilterChoices(db: TthcDatabase): Promise<FilterChoices> {
  const procedures = new Map<string, string>();
  const agencies = new Set<string>();
  for (const tally of await db.dossierTallies.where('[unitKey+key]').between([ANY_UNIT, ''], [ANY_UNIT, '\uffff']).toArray()) {
    if (tally.key.startsWith('procedure:')) procedures.set(tally.key.slice('procedure:'.length), tally.label ?? '');
    else if (tally.key.startsWith('agency:')) agencies.add(tally.key.slice('agency:'.length));
  }
  return {
    procedures: [...procedures].map(([code, name]) => ({ code, name })).sort((a, b) => a.code.localeCompare(b.code)),
    agencies: [...agencies].sort((a, b) => a.localeCompare(b, 'vi')),
  };
}
