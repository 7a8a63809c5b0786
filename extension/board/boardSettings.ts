// The board's own settings (server, unit, token, display name), kept in chrome.storage.local: the
// background reads them for the offscreen document, which cannot reach chrome.storage itself.
import { z } from 'zod';

export const BOARD_SETTINGS_KEY = 'boardSettings';

export const boardSettingsSchema = z.object({
  server: z.string().trim().refine((s) => s === '' || /^wss?:\/\/[^\s/]+/.test(s), { message: 'board.settings.badServer' }),
  unit: z.string().trim().regex(/^[A-Za-z0-9._-]*$/, { message: 'board.settings.badUnit' }),
  token: z.string().trim(),
  name: z.string().trim().min(1, { message: 'board.settings.badName' }).max(80),
});
export type BoardSettings = z.infer<typeof boardSettingsSchema>;

export const defaultBoardSettings: BoardSettings = { server: '', unit: '', token: '', name: 'Cán bộ' };

/** Stored settings, or the defaults when nothing usable is stored. */
export function readBoardSettings(stored: unknown): BoardSettings {
  const parsed = boardSettingsSchema.safeParse(stored);
  return parsed.success ? parsed.data : defaultBoardSettings;
}

/** Which local board a configuration opens: one IndexedDB database per unit. */
export function boardDatabaseName(settings: BoardSettings): string {
  return `tthc-board:${settings.unit || 'local'}`;
}

export function isServerConfigured(settings: BoardSettings): boolean {
  return settings.server !== '' && settings.unit !== '' && settings.token !== '';
}
