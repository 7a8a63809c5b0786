import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

  it('judges a negative lifetime as a lifetime, not as a missing value', async () => {
    const { code, err } = await run(['token', '--unit', 'u', '--user', 'lan', '--role', 'editor', '--ttl', '-5'], { TTHC_DESK_SECRET: secret });
    expect(code).toBe(2);
    expect(err).toEqual([expect.stringContaining('Lifetime "-5" is not valid')]);
  });
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

  /** Flags that parse but cannot be used on this machine: still the person's to fix, so exit 2. */
  async function refusal(argv: string[]): Promise<string> {
    const { code, out, err } = await run(['serve', ...argv], { TTHC_DESK_SECRET: secret });
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    return err[0]!;
  }

  it('names a port another program holds and the flag that changes it', async () => {
    const busy = createServer();
    const port = await new Promise<number>((resolve) => busy.listen(0, '127.0.0.1', () => resolve((busy.address() as { port: number }).port)));
    try {
      const dir = mkdtempSync(join(tmpdir(), 'tthc-serve-'));
      expect(await refusal(['--port', String(port), '--data', dir])).toContain(`Port ${port} is used by another program; stop it or choose another port with --port`);
    } finally {
      busy.close();
    }
  });

  it('names a --data path that is a file, not a directory', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'tthc-serve-')), 'notes.txt');
    writeFileSync(file, 'not a directory');
    expect(await refusal(['--port', '0', '--data', join(file, 'store')])).toMatch(/notes\.txt\/store" cannot be used as the data directory \(ENOTDIR\)/);
  });

  it('names a store file that is not a database and leaves it as it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tthc-serve-'));
    writeFileSync(join(dir, 'tthc-desk-sync.sqlite'), 'notes, not a database');
    expect(await refusal(['--port', '0', '--data', dir])).toContain('is not a readable sync store (file is not a database)');
    expect(readFileSync(join(dir, 'tthc-desk-sync.sqlite'), 'utf8')).toBe('notes, not a database');
  });

  it('names a --host this machine has no address for', async () => {
    expect(await refusal(['--port', '0', '--host', '999.1.1.1'])).toContain('Cannot listen on address "999.1.1.1"');
  });

  it('judges a negative port and an exponent as numbers, naming the value', async () => {
    expect(await refusal(['--port', '-1'])).toContain('Port "-1" is not valid');
    expect(await refusal(['--failed-upgrades-per-minute', '1e9'])).toContain('Option "--failed-upgrades-per-minute" needs a whole number of zero or more, not "1e9"');
  });
});

describe('signing secrets', () => {
  const short = 'mat-khau-ngan';
  it('token and serve refuse a secret under 32 bytes, printing a command that makes a good one', async () => {
    for (const command of [['token', '--unit', 'u', '--user', 'lan', '--role', 'editor'], ['serve', '--port', '0']]) {
      const { code, out, err } = await run(command, { TTHC_DESK_SECRET: short });
      expect(code).toBe(2);
      expect(out).toEqual([]);
      expect(err).toEqual([expect.stringContaining(`TTHC_DESK_SECRET is only ${short.length} bytes; a signing secret needs at least 32 bytes. Make one with: openssl rand -base64 48`)]);
    }
  });

  it('counts bytes, not characters: 31 bytes of Vietnamese letters are refused', async () => {
    const { code, err } = await run(['token', '--unit', 'u', '--user', 'lan', '--role', 'editor'], { TTHC_DESK_SECRET: 'đ'.repeat(15) + 'a' });
    expect(code).toBe(2);
    expect(err[0]).toContain('is only 31 bytes');
  });

  it('serve refuses a short TTHC_DESK_PREVIOUS_SECRET too: it still signs valid tokens', async () => {
    process.env.TTHC_DESK_PREVIOUS_SECRET = short;
    try {
      const { code, err } = await run(['serve', '--port', '0'], { TTHC_DESK_SECRET: secret });
      expect(code).toBe(2);
      expect(err).toEqual([expect.stringContaining('TTHC_DESK_PREVIOUS_SECRET is only')]);
    } finally {
      delete process.env.TTHC_DESK_PREVIOUS_SECRET;
    }
  });
});

describe('tthc-desk token --users', () => {
  it('prints a CSV of user, role and token for every officer of the file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'tthc-users-')), 'officers.csv');
    writeFileSync(file, '\uFEFFuser,role\nlan,editor\n"Nguyễn Văn ""Bình"", phó phòng",viewer\nchi,\n');
    const { code, out, err } = await run(['token', '--unit', 'so-tu-phap', '--users', file, '--role', 'viewer', '--ttl', '600'], { TTHC_DESK_SECRET: secret });
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const lines = out.join('').split('\n');
    expect(lines[0]).toBe('user,role,token');
    const rows = lines.slice(1).map((line) => /^("(?:[^"]|"")*"|[^,]*),([^,]*),([^,]*)$/.exec(line)!.slice(1));
    expect(rows.map(([user, role]) => [user, role])).toEqual([
      ['lan', 'editor'],
      ['"Nguyễn Văn ""Bình"", phó phòng"', 'viewer'],
      ['chi', 'viewer'],
    ]);
    const checks = await Promise.all(rows.map(([, , token]) => verifyToken(token!, [secret])));
    expect(checks.map((check) => check.ok && [check.claims.sub, check.claims.role, check.claims.unit])).toEqual([
      ['lan', 'editor', 'so-tu-phap'],
      ['Nguyễn Văn "Bình", phó phòng', 'viewer', 'so-tu-phap'],
      ['chi', 'viewer', 'so-tu-phap'],
    ]);
  });

  it('refuses an officer without a role, an unknown role, and --user with --users, exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tthc-users-'));
    writeFileSync(join(dir, 'no-role.csv'), 'user,role\nlan,editor\nchi,\n');
    writeFileSync(join(dir, 'bad-role.csv'), 'user,role\nlan,admin\n');
    for (const [argv, message] of [
      [['--users', join(dir, 'no-role.csv')], '(chi): no role'],
      [['--users', join(dir, 'bad-role.csv')], 'role'],
      [['--users', join(dir, 'no-role.csv'), '--user', 'lan'], 'Use one of --user'],
    ] as const) {
      const { code, out, err } = await run(['token', '--unit', 'u', ...argv], { TTHC_DESK_SECRET: secret });
      expect([code, out, err.length], message).toEqual([2, [], 1]);
      expect(err[0]).toContain(message);
    }
  });
});
