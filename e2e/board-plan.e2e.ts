// The board follows the plan, in Debian's Chromium with the built extension and the real sync
// server: two officers of a commune load the 2024 plan while the server is down (each offline), and
// once it is back each of section XI's report deadlines is one task per quarter and the year on both
// boards; a plan table imported from a .csv file is previewed, seeded, and seeded again by the
// colleague without a single duplicate.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { officer, syncState, type Officer } from './support/board.ts';
import { putExtensionRows } from './support/extensionDb.ts';
import { startSyncServer, type RunningSyncServer } from '../sync-server/server.ts';
import { signToken } from '../sync-server/token.ts';
import { planFromCsv } from '../shared/board/plan-import.ts';
import { planTemplate2024 } from '../shared/board/plan-template.ts';
import { plannedTasks } from '../shared/board/seeding.ts';
import { t } from '../shared/i18n/i18n.ts';

const secret = 'board-plan-e2e-secret';
const unit = 'ubnd-xa-tam-thanh';
const poll = { timeout: 30_000, interval: 50 };
const commune = { name: null, kind: 'commune' as const };
const planCsv = join(import.meta.dirname, '..', 'shared', 'board', 'fixtures', 'plan-2025.csv');

let server: RunningSyncServer;
let port: number;
let dataDir: string;
let lan: Officer;
let minh: Officer;

const vi = (key: string, params = {}) => t(key, params, 'vi');
const cardCounts = (page: Page, ids: string[]) => page.evaluate(
  (wanted) => wanted.map((id) => document.querySelectorAll(`[data-task-id="${CSS.escape(id)}"]`).length),
  ids,
);
const both = async (state: RegExp) => {
  for (const o of [lan, minh]) await expect.poll(() => syncState(o.panel), poll).toMatch(state);
};

/** Opens the plan import, reads a plan (built-in, or a file), checks the preview and seeds it. */
async function seedFrom(page: Page, read: (page: Page) => Promise<void>, planned: number): Promise<string> {
  const importer = page.locator('details.plan-import');
  if (!(await importer.evaluate((d) => (d as HTMLDetailsElement).open))) await importer.locator('summary').click();
  await read(page);
  await expect.poll(() => importer.locator('[data-planned]').getAttribute('data-planned'), poll).toBe(String(planned));
  await importer.getByRole('button', { name: vi('planImport.seed', { count: planned }) }).click();
  return (await importer.getByRole('status').textContent()) ?? '';
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'tthc-board-plan-e2e-'));
  server = await startSyncServer({ port: 0, dataDir, secret });
  port = server.port;
  const token = (user: string) => signToken({ unit, user, role: 'editor' }, secret);
  [lan, minh] = await Promise.all([
    officer({ server: server.url, unit, token: await token('lan'), name: 'Lan' }),
    officer({ server: server.url, unit, token: await token('minh'), name: 'Minh' }),
  ]);
  // The unit's kind, as the options page stores it; the panels are reopened to read it.
  await Promise.all([lan, minh].map(async (o) => {
    await putExtensionRows(o.browser.serviceWorker, 'settings', [{ key: 'unitKind', value: 'commune' }]);
    await o.panel.reload();
    await o.panel.getByRole('tab', { name: vi('board.tab') }).click();
  }));
});

afterAll(async () => {
  await Promise.all([lan, minh].filter(Boolean).map((o) => o.browser.close()));
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the board follows the plan', () => {
  it('makes each of section XI\'s report deadlines one task per quarter and the year, though two officers seeded offline', async () => {
    await both(/saved/);
    await server.close();
    await both(/offline|connecting/);
    const planned = plannedTasks(planTemplate2024, commune);
    const builtIn = (page: Page) => page.getByRole('button', { name: vi('planImport.builtIn') }).click();
    for (const o of [lan, minh]) expect(await seedFrom(o.panel, builtIn, planned.length)).toBe(vi('planImport.seeded', { count: planned.length }));
    server = await startSyncServer({ port, dataDir, secret });
    await both(/saved/);
    const reports = ['Q1', 'Q2', 'Q3', 'Y'].flatMap((q) => [`plan:2024:XI.1:${q}`, `plan:2024:XI.3:${q}`]);
    const others = ['plan:2024:XI.2:Q1', 'plan:2024:XI.2:Y'];
    // Only the cards in view are rendered: the section filter shows section XI alone.
    const sectionXi = planned.filter((task) => task.item.id.startsWith('XI.'));
    expect(sectionXi.map((task) => task.id).sort()).toEqual([...reports].sort());
    for (const o of [lan, minh]) {
      await o.panel.getByLabel(vi('board.filter.section')).selectOption('XI');
      await expect.poll(() => cardCounts(o.panel, [...reports, ...others]), poll).toEqual([...reports.map(() => 1), ...others.map(() => 0)]);
      await expect.poll(() => o.panel.locator('[data-task-id^="plan:2024:"]').count(), poll).toBe(reports.length);
      await o.panel.getByLabel(vi('board.filter.section')).selectOption('');
    }
  });

  it('seeds an imported plan table\'s items once, whoever imports it again', async () => {
    const table = plannedTasks(planFromCsv(readFileSync(planCsv, 'utf8'), { source: 'plan-2025.csv', year: 2025 }), commune);
    const fromFile = (page: Page) => page.locator('input[name="plan-file"]').setInputFiles(planCsv);
    expect(await seedFrom(lan.panel, fromFile, table.length)).toBe(vi('planImport.seeded', { count: table.length }));
    await both(/saved/);
    await expect.poll(() => minh.panel.locator('[data-task-id^="plan:2025:"]').count(), poll).toBe(table.length);
    expect(await seedFrom(minh.panel, fromFile, table.length)).toBe(vi('planImport.seeded', { count: 0 }));
    await both(/saved/);
    for (const o of [lan, minh]) await expect.poll(() => cardCounts(o.panel, table.map((task) => task.id)), poll).toEqual(table.map(() => 1));
  });
});
