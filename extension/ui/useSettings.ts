// Live settings for a React page: re-renders when the options page (or another panel) saves one.
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from './pageDatabase.ts';
import { defaultSettings, loadPolicy, loadSettings, type Settings } from '../db/settings.ts';
import { lockedKeys } from '../db/managed.ts';

const nothingLocked: ReadonlySet<string> = new Set();

/** `locked`: the keys the organisation set by policy (see db/managed.ts). */
export function useSettings(): { settings: Settings; loaded: boolean; locked: ReadonlySet<string> } {
  const stored = useLiveQuery(() => loadSettings(db), []);
  const policy = useLiveQuery(() => loadPolicy(db), []);
  return { settings: stored ?? defaultSettings, loaded: stored !== undefined, locked: policy ? lockedKeys(policy) : nothingLocked };
}
