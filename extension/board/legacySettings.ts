// Board settings that builds before the one settings store kept in chrome.storage.local move, once,
// into the `board` row of the settings table, so an officer's server, unit and token survive the
// update. A row already there (saved since) wins; the old key is removed either way.
import { browser } from 'wxt/browser';
import type { TthcDatabase } from '../db/database.ts';
import { saveSetting } from '../db/settings.ts';
import { boardSettingsSchema } from './boardSettings.ts';

const LEGACY_KEY = 'boardSettings';

export async function moveLegacyBoardSettings(db: TthcDatabase): Promise<void> {
  const stored = await browser.storage.local.get(LEGACY_KEY);
  if (stored[LEGACY_KEY] === undefined) return;
  const parsed = boardSettingsSchema.safeParse(stored[LEGACY_KEY]);
  if (parsed.success && (await db.settings.get('board')) === undefined) await saveSetting(db, 'board', parsed.data);
  await browser.storage.local.remove(LEGACY_KEY);
}
