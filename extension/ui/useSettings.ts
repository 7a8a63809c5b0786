// Live settings for a React page: re-renders when the options page (or another panel) saves one.
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from './pageDatabase.ts';
import { defaultSettings, loadSettings, type Settings } from '../db/settings.ts';

export function useSettings(): { settings: Settings; loaded: boolean } {
  const stored = useLiveQuery(() => loadSettings(db), []);
  return { settings: stored ?? defaultSettings, loaded: stored !== undefined };
}
