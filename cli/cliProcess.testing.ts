// The CLI as tests run it: the real bin under the pinned Node, judged by exit code, stdout and
// stderr; and the shape every usage error must have.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { expect } from 'vitest';

export const repositoryRoot = join(import.meta.dirname, '..');

export interface Run { code: number; stdout: string; stderr: string }

export function tthc(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(join(repositoryRoot, 'node_modules', '.bin', 'node'), [join(repositoryRoot, 'cli', 'bin.js'), ...args], { cwd: repositoryRoot }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

/** A usage error: exit 2, nothing on stdout, one bilingual line on stderr naming the problem, no stack trace. */
export async function expectUsageError(run: Promise<Run>, names: RegExp): Promise<void> {
  const { code, stdout, stderr } = await run;
  expect(code).toBe(2);
  expect(stdout).toBe('');
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(stderr).toMatch(names);
  expect(stderr).toMatch(/ \/ /);
  expect(stderr).not.toMatch(/\n\s+at /);
}
