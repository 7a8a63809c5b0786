// Signed access tokens: HS256 JWTs with claims { sub: user, unit, role, exp }. Checking the claims'
// shape makes a token that verifies but carries the wrong shape count as invalid.
// Verified here with node:crypto's HMAC, on the event loop: jose verifies through WebCrypto, whose
// every call is a job on the libuv thread pool, and a reconnection storm of 1,000 verifications
// left about 10 MiB of per-thread malloc arenas behind (plus jose's and zod's modules). Signing
// (the token command, tests) still uses jose, loaded only when a token is signed.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const roles = ['editor', 'viewer'] as const;
export type Role = (typeof roles)[number];

export interface TokenClaims {
  sub: string;
  unit: string;
  role: Role;
  exp: number;
}

/** The claims, only those, when each has its shape: non-empty user and unit, a known role, a whole expiry. */
function claimsOf(payload: Record<string, unknown>): TokenClaims | null {
  const { sub, unit, role, exp } = payload;
  if (typeof sub !== 'string' || sub === '' || typeof unit !== 'string' || unit === '') return null;
  if (!roles.includes(role as Role) || typeof exp !== 'number' || !Number.isInteger(exp)) return null;
  return { sub, unit, role: role as Role, exp };
}

export type TokenCheck = { ok: true; claims: TokenClaims } | { ok: false; reason: 'invalid' | 'expired' };

export const defaultTokenTtlSeconds = 30 * 24 * 3600;

export async function signToken(
  grant: { unit: string; user: string; role: Role; ttlSeconds?: number },
  secret: string,
): Promise<string> {
  const { SignJWT } = await import('jose/jwt/sign');
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ unit: grant.unit, role: grant.role })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(grant.user)
    .setIssuedAt(now)
    .setExpirationTime(now + (grant.ttlSeconds ?? defaultTokenTtlSeconds))
    .sign(new TextEncoder().encode(secret));
}

/** Tries each secret in turn so a rotated-out secret keeps working for its window. */
export async function verifyToken(token: string, secrets: readonly string[], now = Math.floor(Date.now() / 1000)): Promise<TokenCheck> {
  const parts = compactParts(token);
  if (!parts) return { ok: false, reason: 'invalid' };
  const signed = secrets.some((secret) => signatureMatches(parts, secret));
  if (!signed) return { ok: false, reason: 'invalid' };
  // The signature is checked before the expiry, so "expired" means signed by us and stale.
  const payload = parts.payload;
  if (!timesValid(payload)) return { ok: false, reason: 'invalid' };
  if (typeof payload.exp === 'number' && payload.exp <= now) return { ok: false, reason: 'expired' };
  if (typeof payload.nbf === 'number' && payload.nbf > now) return { ok: false, reason: 'invalid' };
  const claims = claimsOf(payload);
  return claims ? { ok: true, claims } : { ok: false, reason: 'invalid' };
}

interface CompactToken {
  signingInput: string;
  signature: Buffer;
  payload: Record<string, unknown>;
}

/** header.payload.signature, with an HS256 header (no critical extensions) and a JSON object payload. */
function compactParts(token: string): CompactToken | null {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((part) => base64url.test(part))) return null;
  const [header, payload, signature] = parts as [string, string, string];
  const protectedHeader = jsonObject(header);
  if (!protectedHeader || protectedHeader.alg !== 'HS256' || protectedHeader.crit !== undefined) return null;
  const claims = jsonObject(payload);
  return claims && { signingInput: `${header}.${payload}`, signature: Buffer.from(signature, 'base64url'), payload: claims };
}

const base64url = /^[A-Za-z0-9_-]+$/;

function jsonObject(part: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function signatureMatches(token: CompactToken, secret: string): boolean {
  const expected = createHmac('sha256', secret).update(token.signingInput).digest();
  return expected.byteLength === token.signature.byteLength && timingSafeEqual(expected, token.signature);
}

/** The registered time claims, when present, are numbers (RFC 7519 NumericDate). */
function timesValid(payload: Record<string, unknown>): boolean {
  return ['exp', 'nbf', 'iat'].every((claim) => payload[claim] === undefined || (typeof payload[claim] === 'number' && Number.isFinite(payload[claim])));
}
