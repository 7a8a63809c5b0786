// Signed access tokens: HS256 JWTs with claims { sub: user, unit, role, exp }. Parsing the claims
// with zod makes a token that verifies but carries the wrong shape count as invalid.
// jose's subpaths, not its index: the index loads every JOSE algorithm family (JWE, JWK sets…),
// about 9 MiB of resident memory the server never uses.
import { JWTExpired } from 'jose/errors';
import { jwtVerify } from 'jose/jwt/verify';
import { SignJWT } from 'jose/jwt/sign';
import { z } from 'zod';

export const roles = ['editor', 'viewer'] as const;
export type Role = (typeof roles)[number];

const ClaimsSchema = z.object({
  sub: z.string().min(1),
  unit: z.string().min(1),
  role: z.enum(roles),
  exp: z.number().int(),
});
export type TokenClaims = z.infer<typeof ClaimsSchema>;

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
      const claims = ClaimsSchema.safeParse(payload);
      return claims.success ? { ok: true, claims: claims.data } : { ok: false, reason: 'invalid' };
    } catch (error) {
      // jose checks the signature before the expiry, so "expired" means signed by us and stale.
      if (error instanceof JWTExpired) return { ok: false, reason: 'expired' };
    }
  }
  return { ok: false, reason: 'invalid' };
}
