// A dossier's index fields and tallies (dossierIndex.ts) settle paused and closed dossiers by status
// names, the unit's own among them (settings `phaseStatusNames`, from the options or the
// organisation's policy). The names they were derived with are kept beside the settings; when the
// names in force differ, every dossier's fields and every tally are derived again, in one
// transaction, so counts never mix two sets of names.
import type { Setting, StoredDossier, TthcDatabase } from './database.ts';
import { talliesOf, tallyRows, withIndexFields } from './dossierIndex.ts';
import { loadSettings, phaseRulesOf, type Settings } from './settings.ts';

/** The settings row holding the phase names the stored index fields were derived with (not a setting). */
export const INDEXED_PHASE_NAMES_KEY = 'dossierIndexPhaseNames';

/** The row recording that the index fields follow these settings' phase names. */
export function indexedPhaseNamesRow(settings: Pick<Settings, 'phaseStatusNames'>): Setting {
  return { key: INDEXED_PHASE_NAMES_KEY, value: JSON.stringify(settings.phaseStatusNames) };
}

/**
 * Derives every dossier's index fields and the tallies again, with the phase names in force (also
 * after an import: its tallies would be counted over the ones here). Inside a transaction over
 * settings, dossiers, dossierTallies and unitTallies.
 */
export async function rebuildDossierIndex(db: TthcDatabase): Promise<void> {
  const settings = await loadSettings(db);
  const phaseRules = phaseRulesOf(settings);
  const rows: StoredDossier[] = [];
  await db.dossiers.toCollection().modify((dossier, ref) => {
    ref.value = withIndexFields(dossier, phaseRules);
    rows.push(ref.value as StoredDossier);
  });
  const { shared, units } = tallyRows(talliesOf(rows));
  await Promise.all([db.dossierTallies.clear(), db.unitTallies.clear()]);
  await Promise.all([db.dossierTallies.bulkPut(shared), db.unitTallies.bulkPut(units)]);
  await db.settings.put(indexedPhaseNamesRow(settings));
}

/** Rebuilds the index fields and tallies when the phase names changed since they were derived; returns whether it did. */
export function reindexForPhaseNames(db: TthcDatabase): Promise<boolean> {
  return db.transaction('rw', [db.settings, db.dossiers, db.dossierTallies, db.unitTallies], async () => {
    const marker = indexedPhaseNamesRow(await loadSettings(db));
    if ((await db.settings.get(INDEXED_PHASE_NAMES_KEY))?.value === marker.value) return false;
    await rebuildDossierIndex(db);
    return true;
  });
}
