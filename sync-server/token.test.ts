// Token verification at the server's door: only an HS256 token signed with a current or rotated-out
// secret, unexpired, already valid and with the four claims in shape, lets an officer in.
import { createHmac } from 'node:crypto';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { signToken, verifyToken } from './token.ts';

const secret = 'token-test-secret-0123456789abcdef';
const now = () => Math.floor(Date.now() / 1000);
const key = (text: string) => new TextEncoder().encode(text);

const signed = (claims: Record<string, unknown>, options: { subject?: string; alg?: string; exp?: number; with?: string } = {}) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: options.alg ?? 'HS256' })
    .setSubject(options.subject ?? 'officer')
    .setExpirationTime(options.exp ?? now() + 60)
    .sign(key(options.with ?? secret));

const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** A token put together by hand, correctly signed, for shapes jose would not sign. */
const handSigned = (header: object, payload: unknown) => {
  const input = `${part(header)}.${part(payload)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
};
const claims = () => ({ unit: 'unit-a', role: 'editor', sub: 'officer', exp: now() + 60 });

describe('verifyToken', () => {
  it('admits a token from signToken with exactly its four claims', async () => {
    const check = await verifyToken(await signToken({ unit: 'unit-a', user: 'lan', role: 'editor' }, secret), [secret]);
    expect(check).toEqual({ ok: true, claims: { sub: 'lan', unit: 'unit-a', role: 'editor', exp: expect.any(Number) } });
  });

  it('admits a token signed with the secret being rotated out', async () => {
    const token = await signToken({ unit: 'unit-a', user: 'lan', role: 'viewer' }, 'the-old-secret-0000000000000000');
    expect((await verifyToken(token, [secret, 'the-old-secret-0000000000000000'])).ok).toBe(true);
  });

  it('drops claims it does not know', async () => {
    const check = await verifyToken(await signed({ unit: 'unit-a', role: 'viewer', extra: 'dropped' }), [secret]);
    expect(check.ok && Object.keys(check.claims).sort()).toEqual(['exp', 'role', 'sub', 'unit']);
  });

  it('says expired only for a stale token signed with a known secret', async () => {
    expect(await verifyToken(await signed({ unit: 'unit-a', role: 'editor' }, { exp: now() - 10 }), [secret])).toEqual({ ok: false, reason: 'expired' });
    expect(await verifyToken(await signed({ unit: 'unit-a', role: 'editor' }, { exp: now() - 10, with: 'some-other-secret-000000000000' }), [secret])).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });

  it.each([
    [{ unit: 'unit-a', role: 'admin' }, 'officer'],
    [{ unit: '', role: 'editor' }, 'officer'],
    [{ unit: 42, role: 'editor' }, 'officer'],
    [{ unit: 'unit-a', role: 'editor' }, ''],
    [{ unit: 'unit-a', role: 'editor', nbf: now() + 3600 }, 'officer'],
    [{ unit: 'unit-a', role: 'editor', iat: 'yesterday' }, 'officer'],
  ])('counts a verified token of the wrong shape or not yet valid as invalid: %j, sub %j', async (claims, subject) => {
    expect(await verifyToken(await signed(claims, { subject }), [secret])).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses another algorithm, a critical extension, a tampered payload and a malformed token', async () => {
    const good = await signed({ unit: 'unit-a', role: 'editor' });
    const [header, , signature] = good.split('.');
    const tampered = `${header}.${part({ ...claims(), unit: 'unit-b' })}.${signature}`;
    const unsigned = `${part({ alg: 'none' })}.${part(claims())}.`;
    expect((await verifyToken(handSigned({ alg: 'HS256' }, claims()), [secret])).ok).toBe(true);
    const tokens = [
      await signed({ unit: 'unit-a', role: 'editor' }, { alg: 'HS512' }),
      handSigned({ alg: 'HS256', crit: ['x'], x: 1 }, claims()),
      handSigned({ alg: 'HS256' }, [claims()]),
      tampered,
      unsigned,
      `${good}.extra`,
      good.slice(0, -2),
      'not a token',
    ];
    for (const token of tokens) expect(await verifyToken(token, [secret])).toEqual({ ok: false, reason: 'invalid' });
  });
});
