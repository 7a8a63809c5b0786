// The board's own settings (server, unit, token, display name). They are stored with every other
// setting, under the key `board` of the Dexie `settings` table (../db/settings.ts), which the
// options page writes and the offscreen document and side panels watch.
import { z } from 'zod';

/** A websocket address the stock client can open: ws:// or wss://, a host, no query or fragment. */
function isSyncServerAddress(value: string): boolean {
  if (value === '') return true;
  if (/\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'ws:' || url.protocol === 'wss:') && url.hostname !== '' && url.search === '' && url.hash === '';
  } catch {
    return false;
  }
}

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

export const boardSettingsSchema = z.object({
  server: z.string().trim().refine(isSyncServerAddress, { message: 'board.settings.badServer' }),
  unit: z.string().trim().regex(/^[A-Za-z0-9._-]*$/, { message: 'board.settings.badUnit' }),
  // A token copied from a terminal or a message often comes wrapped over lines or with a
  // "Bearer" prefix; a JWT never holds whitespace, so both are dropped rather than refused.
  token: z.string()
    .transform((s) => s.trim().replace(/^Bearer\s+/i, '').replace(/\s+/g, ''))
    .refine((s) => s === '' || JWT_SHAPE.test(s), { message: 'board.settings.badToken' }),
  name: z.string().trim().min(1, { message: 'board.settings.badName' }).max(80, { message: 'board.settings.longName' }),
});
export type BoardSettings = z.output<typeof boardSettingsSchema>;

/** What the options page saves: a server is useless without the unit and the token it opens. */
export const boardSettingsFormSchema = boardSettingsSchema.superRefine((settings, ctx) => {
  if (settings.server !== '' && (settings.unit === '' || settings.token === '')) {
    ctx.addIssue({ code: 'custom', message: 'board.settings.needUnitToken', path: [settings.unit === '' ? 'unit' : 'token'] });
  }
});

export const defaultBoardSettings: BoardSettings = { server: '', unit: '', token: '', name: 'Cán bộ' };

/** Which local board a configuration opens: one IndexedDB database per unit. */
export function boardDatabaseName(settings: BoardSettings): string {
  return `tthc-board:${settings.unit || 'local'}`;
}

export function isServerConfigured(settings: BoardSettings): boolean {
  return settings.server !== '' && settings.unit !== '' && settings.token !== '';
}

/**
 * A GET of the sync server's HTTP side about the unit, with the board's token (the server's CORS
 * lets the extension read the answer a refused websocket upgrade would hide).
 */
export function getFromServer(
  settings: Pick<BoardSettings, 'server' | 'unit' | 'token'>,
  path: string,
  query: Record<string, string> = {},
  fetchImpl: typeof fetch = fetch,
): Promise<Response> {
  const base = settings.server.replace(/^ws/, 'http').replace(/\/+$/, '');
  const params = new URLSearchParams({ unit: settings.unit, ...query });
  return fetchImpl(`${base}${path}?${params}`, { headers: { Authorization: `Bearer ${settings.token}` } });
}
