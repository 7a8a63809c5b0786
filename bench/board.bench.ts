// `npm run bench:board`: the unit task board at 1,000 and 10,000 tasks, in Debian's Chromium, with
// the side panel's own board components (bench/board-page bundles them with Vite):
//   1. Cold open: a fresh page from opening IndexedDB to the board's first render committed.
//   2. Stored size: what y-indexeddb keeps for the board.
//   3. A move: moveTask on the doc to the new board rendered (React commit), median and p95.
// Baseline, same run and browser: the same board kept as one plain JSON array in IndexedDB and
// rendered by the same column components (no CRDT, no history, no merging).
// Targets at 10,000 tasks: cold open ≤ 500 ms, a move ≤ 16 ms.
import { createReadStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import react from '@vitejs/plugin-react';

const SIZES = [1_000, 10_000];
const ROUNDS = 5;
const TARGET_OPEN_MS = 500;
const TARGET_MOVE_MS = 16;

const root = join(import.meta.dirname, '..');
const outDir = join(root, '.tmp', 'bench-board');
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * 0.95))]!;
const ms = (value: number) => `${value.toFixed(1)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

interface OpenResult { loadMs: number; openMs: number; cards: number; moves: number[]; error?: string }

async function runPage<T>(page: Page, url: string): Promise<T> {
  await page.goto(url);
  await page.waitForFunction(() => 'benchResult' in window, null, { timeout: 120_000 });
  const result = await page.evaluate(() => (window as unknown as { benchResult: T & { error?: string } }).benchResult);
  if ((result as { error?: string }).error) throw new Error((result as { error: string }).error);
  return result;
}

await build({
  root: join(root, 'bench', 'board-page'),
  base: './',
  logLevel: 'warn',
  plugins: [react()],
  define: { 'import.meta.env.BROWSER': JSON.stringify('chrome'), 'import.meta.env.MANIFEST_VERSION': '3' },
  build: { outDir, emptyOutDir: true },
});

const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
const server = createServer((req, res) => {
  const path = normalize(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '') || 'index.html';
  const file = join(outDir, path);
  if (!file.startsWith(outDir) || !existsSync(file)) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(server.address() as { port: number }).port}/index.html`;

const profile = mkdtempSync(join(tmpdir(), 'tthc-board-bench-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  viewport: { width: 420, height: 900 },
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
});
let failed = false;
try {
  console.log('Board benchmark (Chromium, same run; median of 5 cold opens, 30 moves each):\n');
  for (const n of SIZES) {
    const seedPage = await context.newPage();
    const seeded = await runPage<{ ydocBytes: number; jsonBytes: number; tasks: number }>(seedPage, `${base}?mode=seed&n=${n}`);
    await seedPage.close();
    const measure = async (mode: string) => {
      const runs: OpenResult[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const page = await context.newPage();
        runs.push(await runPage<OpenResult>(page, `${base}?mode=${mode}&n=${n}`));
        await page.close();
      }
      const moves = runs.flatMap((r) => r.moves);
      return { open: median(runs.map((r) => r.openMs)), load: median(runs.map((r) => r.loadMs)), moveMedian: median(moves), moveP95: p95(moves), cards: runs[0]!.cards };
    };
    const yjs = await measure('open');
    const json = await measure('open-json');
    console.log(`${n.toLocaleString('en')} tasks (${seeded.tasks} read back)`);
    console.log(`  stored size            Yjs ${kb(seeded.ydocBytes).padStart(9)}   JSON baseline ${kb(seeded.jsonBytes).padStart(9)}   ratio ${(seeded.ydocBytes / seeded.jsonBytes).toFixed(2)}`);
    console.log(`  cold open → render     Yjs ${ms(yjs.open).padStart(9)}   JSON baseline ${ms(json.open).padStart(9)}   ratio ${(yjs.open / json.open).toFixed(2)}`);
    console.log(`    of which IndexedDB   Yjs ${ms(yjs.load).padStart(9)}   JSON baseline ${ms(json.load).padStart(9)}`);
    console.log(`  move → render median   Yjs ${ms(yjs.moveMedian).padStart(9)}   JSON baseline ${ms(json.moveMedian).padStart(9)}`);
    console.log(`  move → render p95      Yjs ${ms(yjs.moveP95).padStart(9)}   JSON baseline ${ms(json.moveP95).padStart(9)}`);
    console.log(`  cards in the DOM       ${yjs.cards} (columns are virtualised)\n`);
    if (n === 10_000) {
      const openOk = yjs.open <= TARGET_OPEN_MS;
      const moveOk = yjs.moveP95 <= TARGET_MOVE_MS;
      console.log(`Targets at 10,000 tasks: cold open ≤ ${TARGET_OPEN_MS} ms: ${openOk ? 'met' : 'MISSED'} (${ms(yjs.open)}); move ≤ ${TARGET_MOVE_MS} ms (p95): ${moveOk ? 'met' : 'MISSED'} (${ms(yjs.moveP95)})`);
      failed = !openOk || !moveOk;
    }
  }
} finally {
  await context.close();
  server.close();
  rmSync(profile, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
