// Who may open which room: the token (query `token` or `Authorization: Bearer`) must verify with a
// current or rotated-out secret and name the room's unit. One decision serves the websocket
// upgrade and GET /auth/check, so both refuse for the same reasons.
import type { IncomingMessage } from 'node:http';
import { verifyToken, type TokenClaims } from './token.ts';

export type AccessDecision =
  | { ok: true; claims: TokenClaims }
  | { ok: false; status: 401; reason: 'missing' | 'invalid' | 'expired' }
  | { ok: false; status: 403; reason: 'wrong_unit' };

export function tokenOf(request: IncomingMessage, url: URL): string | null {
  const header = request.headers.authorization;
  const bearer = header && /^Bearer\s+(\S+)$/i.exec(header)?.[1];
  return bearer || url.searchParams.get('token') || null;
}

export async function decideAccess(token: string | null, unit: string, secrets: readonly string[]): Promise<AccessDecision> {
  if (!token) return { ok: false, status: 401, reason: 'missing' };
  const check = await verifyToken(token, secrets);
  if (!check.ok) return { ok: false, status: 401, reason: check.reason };
  if (check.claims.unit !== unit) return { ok: false, status: 403, reason: 'wrong_unit' };
  return { ok: true, claims: check.claims };
}

/** The room a websocket URL names: its one path segment, e.g. ws://host:port/UNIT. */
export function unitOfPath(pathname: string): string | null {
  const segment = pathname.replace(/^\/+|\/+$/g, '');
  if (segment === '' || segment.includes('/')) return null;
  try {
    const unit = decodeURIComponent(segment);
    return unit.length <= 128 ? unit : null;
  } catch {
    return null;
  }
}
