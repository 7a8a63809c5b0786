// Keeps the dossiers' index fields and tallies following the phase names in force: at start (a
// change made while the background slept) and whenever the settings change (options page, policy).
import { liveQuery } from 'dexie';
import type { TthcDatabase } from '../db/database.ts';
import { reindexForPhaseNames } from '../db/phaseIndex.ts';
import { loadSettings } from '../db/settings.ts';

export function startPhaseIndex(db: TthcDatabase, onReindexed: () => void): void {
  liveQuery(() => loadSettings(db)).subscribe({
    next: () => {
      reindexForPhaseNames(db).then(
        (reindexed) => {
          if (reindexed) onReindexed();
        },
        (error: unknown) => console.warn('tthc-desk: dossier index not rebuilt', error),
      );
    },
    error: (error: unknown) => console.warn('tthc-desk: settings not readable', error),
  });
}
