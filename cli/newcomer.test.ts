// What a newcomer meets first with the `tthc-desk` command, run as the real bin under the pinned
// Node: `serve` without a secret prints the command that makes one; a refused `serve` leaves no
// file behind; `export | head` ends quietly; `deadline` without --unit lists the values it takes.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SqliteStore } from '../sync-server/sqlite-store.ts';

const root = join(import.meta.dirname, '..');
const node = join(root, 'node_modules', '.bin', 'node');
const bin = join(root, 'cli', 'bin.js');
const secret = 'newcomer-test-secret-0123456789abcdef';
const scratch = mkdtempSync(join(tmpdir(), 'tthc-newcomer-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Run { code: number; stdout: string; stderr: string }

function run(file: string, args: string[], env: Record<string, string | undefined> = {}): Promise<Run> {
  const fullEnv: NodeJS.ProcessEnv = { ...process.env, PATH: `${join(root, 'node_modules', '.bin')}:${process.env.PATH ?? ''}`, ...env };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete fullEnv[key];
  return new Promise((resolve) => {
    execFile(file, args, { cwd: root, env: fullEnv, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }));
  });
}
const tthc = (args: string[], env: Record<string, string | undefined> = {}) => run(node, [bin, ...args], env);

function occupy(): Promise<{ port: number; server: Server }> {
  const server = createServer();
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ port: (server.address() as { port: number }).port, server })));
}

describe('tthc-desk for a newcomer', () => {
  it('serve without a secret prints the command that makes one, and that command works', async () => {
    const refused = await tthc(['serve', '--port', '0', '--data', join(scratch, 'no-secret')], { TTHC_DESK_SECRET: undefined });
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    const command = /export TTHC_DESK_SECRET="\$\(node -e '[^']*'\)"/.exec(refused.stderr)?.[0];
    expect(command, refused.stderr).toBeDefined();
    const made = await run('sh', ['-c', `${command} && printf %s "$TTHC_DESK_SECRET"`]);
    expect(made.code).toBe(0);
    expect(made.stdout).toMatch(/^[0-9a-f]{64}$/);
    expect(existsSync(join(scratch, 'no-secret'))).toBe(false);
  });

  it('a serve refused for a busy port leaves no directory and no store file behind', async () => {
    const busy = await occupy();
    try {
      const fresh = join(scratch, 'fresh');
      const refused = await tthc(['serve', '--port', String(busy.port), '--data', join(fresh, 'sync')], { TTHC_DESK_SECRET: secret });
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(`Port ${busy.port} is used by another program`);
      expect(existsSync(fresh)).toBe(false);
      const existing = mkdtempSync(join(scratch, 'existing-'));
      expect((await tthc(['serve', '--port', String(busy.port), '--data', existing], { TTHC_DESK_SECRET: secret })).code).toBe(2);
      expect(readdirSync(existing)).toEqual([]);
    } finally {
      busy.server.close();
    }
  });

  it('export piped into head ends quietly, with no broken-pipe stack trace', async () => {
    const dataDir = mkdtempSync(join(scratch, 'export-'));
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    // Far more than a pipe holds, so the writer is still writing when head has gone.
    doc.transact(() => {
      for (let i = 0; i < 20_000; i++) doc.getMap('tasks').set(`task-${i}`, { title: `Việc số ${i}`, column: 'todo' });
    });
    const store = new SqliteStore(dataDir);
    await store.append(updates.map((update) => ({ room: 'unit-a', update, user: 'can-bo-1', at: Date.now() })));
    await store.close();
    const piped = await run('sh', ['-c', `"${node}" "${bin}" export --unit unit-a --data "${dataDir}" | head -n 3`]);
    expect(piped.stderr).toBe('');
    expect(piped.code).toBe(0);
    expect(piped.stdout.split('\n').slice(0, 2)).toEqual(['{', '  "unit": "unit-a",']);
  });

  it('deadline without --unit lists the values it takes', async () => {
    const { code, stdout, stderr } = await tthc(['deadline', '--from', '2024-02-07', '--days', '3']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toContain('--unit working');
    expect(stderr).toContain('--unit calendar');
  });
});
