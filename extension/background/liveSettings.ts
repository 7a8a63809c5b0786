// The settings as the background last read them, kept current by Dexie's change notices (a save on
// the options page reaches the background within milliseconds): capture needs them for every
// message, and a collected page brings three messages a second, each a read and a parse otherwise.
import { liveQuery } from 'dexie';
import type { TthcDatabase } from '../db/database.ts';
import { loadSettings, type Settings } from '../db/settings.ts';

export function liveSettings(db: TthcDatabase): () => Promise<Settings> {
  let current: Settings | null = null;
  liveQuery(() => loadSettings(db)).subscribe({
    next: (settings) => {
      current = settings;
    },
    error: (error: unknown) => {
      current = null;
      console.warn('tthc-desk: settings not readable', error);
    },
  });
  // Until the first answer (and after an error), each call reads them.
  return () => (current === null ? loadSettings(db) : Promise.resolve(current));
}
