// What `npm start` tells a newcomer: the command it prints to mint more tokens works as printed
// (run by a shell, here too with a path holding a space) and signs with the development secret,
// and the backup command points at where the sync server keeps the board.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyToken } from '../sync-server/token.ts';
import { startBanner } from './start-banner.ts';

const root = join(import.meta.dirname, '..');
const secret = 'start-banner-test-secret-0123456789abcdef';

function shell(command: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${join(root, 'node_modules', '.bin')}:${process.env.PATH ?? ''}` };
  delete env.TTHC_DESK_SECRET;
  return new Promise((resolve) => {
    execFile('sh', ['-c', command], { cwd: root, env }, (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }));
  });
}

const banner = (secretFile: string | null) => startBanner({
  extensionDir: '/repo/.output/chrome-mv3', igateUrl: 'http://127.0.0.1:8080', dvcqgUrl: 'http://127.0.0.1:8081',
  serverUrl: 'ws://127.0.0.1:1234', unit: 'so-tu-phap', token: 'T', secretFile, boardDataDir: '/repo/data/sync',
});
const lineAfter = (text: string, label: RegExp) => {
  const lines = text.split('\n');
  return lines[lines.findIndex((line) => label.test(line)) + 1]!.trim();
};

describe('npm start, for a newcomer', () => {
  it('says where the development secret is and prints a command that mints a token with it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tthc start '));
    const file = join(dir, 'dev-secret');
    writeFileSync(file, `${secret}\n`);
    const text = banner(file);
    expect(text).toContain(`development signing secret: ${file}`);
    const { code, stdout, stderr } = await shell(lineAfter(text, /mint more tokens/));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const check = await verifyToken(stdout.trim(), [secret]);
    expect(check.ok && check.claims).toMatchObject({ unit: 'so-tu-phap', role: 'editor' });
  });

  it('names TTHC_DESK_SECRET when the secret came from the environment', () => {
    const text = banner(null);
    expect(text).toContain('development signing secret: TTHC_DESK_SECRET');
    expect(lineAfter(text, /mint more tokens/)).toBe('npx tthc-desk token --unit so-tu-phap --user can-bo-2 --role editor');
  });

  it("backs up the board from where npm start's sync server keeps it", () => {
    expect(lineAfter(banner(null), /back up the unit's board/)).toBe('npx tthc-desk export --unit so-tu-phap --data /repo/data/sync > so-tu-phap.json');
  });
});
