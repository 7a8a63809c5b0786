// `npm test`: every check, in the order a failure is cheapest to read. Ends with one line
// "tests: N passed, N failed" so any CI can read the result.
// `npm test -- unit` (or static, e2e) runs one stage while working.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, ensureSystemPrograms, nginx, openssl, postgresql, redis } from './system.ts';

const root = join(import.meta.dirname, '..');
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
const reports = join(root, '.tmp', 'reports');

interface Tally { passed: number; failed: number }
const tally: Tally = { passed: 0, failed: 0 };

function step(title: string, cmd: string, args: string[]): boolean {
  console.log(`\n▶ ${title}`);
  const status = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } }).status;
  if (status !== 0) console.error(`✖ ${title} failed (exit ${status})`);
  return status === 0;
}

function vitest(title: string, config: string, report: string): boolean {
  const outputFile = join(reports, report);
  rmSync(outputFile, { force: true });
  const ok = step(title, bin('vitest'), ['run', '--config', config, '--reporter=default', '--reporter=json', `--outputFile.json=${outputFile}`]);
  try {
    const json = JSON.parse(readFileSync(outputFile, 'utf8')) as { numPassedTests: number; numFailedTests: number };
    tally.passed += json.numPassedTests;
    tally.failed += json.numFailedTests;
  } catch {
    tally.failed += 1;
  }
  return ok;
}

const only = process.argv[2];
const stages: Record<string, () => boolean> = {
  static: () =>
    step('wxt prepare', bin('wxt'), ['prepare']) &&
    step('types (tsc)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']) &&
    step('lint (eslint)', bin('eslint'), ['--max-warnings=0', '.']),
  unit: () => {
    ensureSystemPrograms([redis, postgresql, nginx, openssl]);
    return vitest('unit and integration tests (vitest)', 'vitest.config.ts', 'unit.json');
  },
  e2e: () => {
    ensureSystemPrograms([chromium]);
    // A test build: the demo portal on 127.0.0.1 counts as a portal (extension/portals/origins.ts).
    process.env.TTHC_LOCAL_PORTALS = '1';
    return step('build extension (wxt build)', bin('wxt'), ['build']) && vitest('browser tests (Chromium + extension)', 'vitest.e2e.config.ts', 'e2e.json');
  },
};

if (only && !(only in stages)) {
  console.error(`Không có bước "${only}"; chọn một trong: ${Object.keys(stages).join(', ')} / No stage "${only}"; pick one of: ${Object.keys(stages).join(', ')}`);
  process.exit(2);
}
mkdirSync(reports, { recursive: true });
let ok = true;
for (const [name, stage] of Object.entries(stages)) {
  if (only && name !== only) continue;
  // Later stages still run after a failure so one run shows every broken thing.
  ok = stage() && ok;
}
console.log(`\ntests: ${tally.passed} passed, ${tally.failed} failed`);
process.exit(ok && tally.failed === 0 ? 0 : 1);
