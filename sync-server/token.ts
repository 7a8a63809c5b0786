// Signed access tokens: HS256 JWTs with claims { sub: user, unit, role, exp }. Checking the claims'
// shape makes a token that verifies but carries the wrong shape count as invalid (by hand, not
// with zod: this file is on the server's path, where zod would cost about 13 MiB of memory).
// jose's subpaths, not its index: the index loads every JOSE algorithm family (JWE, JWK sets…),
// about 9 MiB of resident memory the server never uses.
import { JWTExpired } from 'jose/errors';
import type { JWTPayload } from 'jose';
import { jwtVerify } from 'jose/jwt/verify';
import { SignJWT } from 'jose/jwt/sign';

export const roles = ['editor', 'viewer'] as const;
export type Role = (typeof roles)[number];

export interface TokenClaims {
  sub: string;
  unit: string;
  role: Role;
  exp: number;
}

/** The claims, only those, when each has its shape: non-empty user and unit, a known role, a whole expiry. */
function claimsOf(payload: JWTPayload): TokenClaims | null {
  const { sub, unit, role, exp } = payload;
  if (typeof sub !== 'string' || sub === '' || typeof unit !== 'string' || unit === '') return null;
  if (!roles.includes(role as Role) || typeof exp !== 'number' || !Number.isInteger(exp)) return null;
  return { sub, unit, role: role as Role, exp };
}

export type TokenCheck = { ok: true; claims: TokenClaims } | { ok: false; reason: 'invalid' | 'expired' };

export const defaultTokenTtlSeconds = 30 * 24 * 3600;

const key = (secret: string) => new TextEncoder().encode(secret);

export async function signToken(
  grant: { unit: string; user: string; role: Role; ttlSeconds?: number },
  secret: string,
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ unit: grant.unit, role: grant.role })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(grant.user)
    .setIssuedAt(now)
    .setExpirationTime(now + (grant.ttlSeconds ?? defaultTokenTtlSeconds))
    .sign(key(secret));
}

/** Tries each secret in turn so a rotated-out secret keeps working for its window. */
export async function verifyToken(token: string, secrets: readonly string[]): Promise<TokenCheck> {
  for (const secret of secrets) {
    try {
      const { payload } = await jwtVerify(token, key(secret), { algorithms: ['HS256'] });
      const claims = claimsOf(payload);
      return claims ? { ok: true, claims } : { ok: false, reason: 'invalid' };
    } catch (error) {
      // jose checks the signature before the expiry, so "expired" means signed by us and stale.
      if (error instanceof JWTExpired) return { ok: false, reason: 'expired' };
    }
  }
  return { ok: false, reason: 'invalid' };
}
