// Asks the sync server whether a board token opens the unit's board (GET /auth/check), because a
// browser cannot read why a websocket upgrade was refused. The options page asks when a token is
// saved; the server sync asks after a connection closes.
import { getFromServer, type BoardSettings } from './boardSettings.ts';
import { tokenUserSchema, type TokenUser } from './channel.ts';

/** `user`: whom the token names, as the server says ({ sub, role }); null from a server that does not say. */
export type AuthVerdict =
  | { accepted: true; unit: string; user: TokenUser | null }
  | { accepted: false; reason: string }
  | { unreachable: true };

export async function checkToken(settings: Pick<BoardSettings, 'server' | 'unit' | 'token'>, fetchImpl: typeof fetch = fetch): Promise<AuthVerdict> {
  try {
    const response = await getFromServer(settings, '/auth/check', {}, fetchImpl);
    if (response.ok) {
      const body: unknown = await response.json().catch(() => null);
      const unit = (body as { unit?: unknown } | null)?.unit;
      const user = tokenUserSchema.safeParse(body);
      return { accepted: true, unit: typeof unit === 'string' ? unit : settings.unit, user: user.success ? user.data : null };
    }
    if (response.status === 401 || response.status === 403) {
      const body = (await response.json().catch(() => ({}))) as { reason?: unknown };
      return { accepted: false, reason: typeof body.reason === 'string' ? body.reason : 'invalid' };
    }
    return { unreachable: true };
  } catch {
    return { unreachable: true };
  }
}

/**
 * The unit a token names, read from its payload without checking the signature: only to tell the
 * officer which unit's token they pasted when the server refused it for another unit.
 */
export function tokenUnit(token: string): string | null {
  try {
    const payload = token.split('.')[1] ?? '';
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '='));
    const claims = JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0)))) as { unit?: unknown };
    return typeof claims.unit === 'string' ? claims.unit : null;
  } catch {
    return null;
  }
}
