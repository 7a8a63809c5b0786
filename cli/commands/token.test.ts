import { describe, expect, it } from 'vitest';
import { verifyToken } from '../../sync-server/token.ts';
import { main } from '../main.ts';

const secret = 'cli-test-secret-0123456789abcdef';

async function run(argv: string[], env: Record<string, string | undefined>) {
  const saved = process.env.TTHC_DESK_SECRET;
  if (env.TTHC_DESK_SECRET === undefined) delete process.env.TTHC_DESK_SECRET;
  else process.env.TTHC_DESK_SECRET = env.TTHC_DESK_SECRET;
  const out: string[] = [];
  const err: string[] = [];
  try {
    const code = await main(argv, { stdout: (text) => out.push(text), stderr: (text) => err.push(text) });
    return { code, out, err };
  } finally {
    if (saved === undefined) delete process.env.TTHC_DESK_SECRET;
    else process.env.TTHC_DESK_SECRET = saved;
  }
}


describe('tthc-desk token', () => {
  it('prints only a token that the server accepts for that unit, user and role', async () => {
    const { code, out, err } = await run(['token', '--unit', 'so-tu-phap', '--user', 'lan', '--role', 'viewer', '--ttl', '600'], { TTHC_DESK_SECRET: secret });
    expect(code).toBe(0);
    expect(err).toEqual([]);
    expect(out).toHaveLength(1);
    const check = await verifyToken(out[0]!, [secret]);
    expect(check.ok && check.claims).toMatchObject({ unit: 'so-tu-phap', sub: 'lan', role: 'viewer' });
    if (check.ok) expect(check.claims.exp - Date.now() / 1000).toBeLessThanOrEqual(600);
  });

  it('refuses without TTHC_DESK_SECRET in one sentence, exit 2', async () => {
    const { code, out, err } = await run(['token', '--unit', 'u', '--user', 'lan', '--role', 'editor'], { TTHC_DESK_SECRET: undefined });
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0]).toContain('TTHC_DESK_SECRET');
  });

  for (const [name, argv] of [
    ['an unknown role', ['--unit', 'u', '--user', 'lan', '--role', 'admin']],
    ['a lifetime that is not a number', ['--unit', 'u', '--user', 'lan', '--role', 'editor', '--ttl', 'soon']],
    ['a missing unit', ['--user', 'lan', '--role', 'editor']],
  ] as const) {
    it(`refuses ${name} with exit 2`, async () => {
      const { code, err } = await run(['token', ...argv], { TTHC_DESK_SECRET: secret });
      expect(code).toBe(2);
      expect(err).toHaveLength(1);
    });
  }
});

describe('tthc-desk serve', () => {
  for (const [name, argv, env] of [
    ['without TTHC_DESK_SECRET', [], undefined],
    ['with a port that is not a number', ['--port', 'http'], secret],
    ['with a port out of range', ['--port', '70000'], secret],
    ['with a Redis address that is not a URL', ['--redis', 'localhost'], secret],
    ['with a PostgreSQL address that is not a URL', ['--postgres', 'db:5432'], secret],
    ['with an unknown flag', ['--verbose'], secret],
  ] as const) {
    it(`refuses to start ${name}: one sentence, exit 2`, async () => {
      const { code, out, err } = await run(['serve', ...argv], { TTHC_DESK_SECRET: env });
      expect(code).toBe(2);
      expect(out).toEqual([]);
      expect(err).toHaveLength(1);
      expect(err[0]).not.toMatch(/\n.+at /);
    });
  }
});
