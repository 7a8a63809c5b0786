// `npm run bench:collect`: the period collector and the side panel's first render, in Debian's
// Chromium with the built extension, over the demo portal (sign-in required, rate-limited).
//   1. Collection throughput: dossiers stored per second collecting a whole report year at the
//      default rate (1 request/s) and at the fastest the demo portal allows (its rate limit),
//      1,000 dossiers a page (the page's own largest size). Target: at least 95% of the rate's
//      dossiers per second (rate × page size, the last page counted as the rows it holds).
//      Baseline, same run: the same pages fetched straight from the portal by Node, no extension,
//      as fast as the portal's rate limit lets.
//   2. The side panel's first render (navigation to the first dossier row) with 100,000 stored
//      dossiers. Target ≤ 800 ms. Baseline, same run: 20 dossiers.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_AUTHORIZATION } from '../demo-portal/guards.ts';
import { startDemoPortal } from '../demo-portal/server.ts';
import { readExtensionStore } from '../e2e/support/extensionDb.ts';
import { launchWithExtension, type ExtensionBrowser } from '../e2e/support/browser.ts';
import { median } from './figures.ts';
import { seedDossiers } from './seedDossiers.ts';

const WINDOW = { text: 'R2024-Y', from: '2023-12-15', to: '2024-12-14' };
const PAGE_SIZE = 1000;
const FASTEST_RATE = 10;
const TARGET_SHARE = 0.95;
const PANEL_DOSSIERS = 100_000;
const PANEL_BASELINE = 20;
const PANEL_ROUNDS = 5;
const TARGET_PANEL_MS = 800;

interface Collection { id: string; state: string; dossiers: number; pages: number | null; nextPage: number }

const perSecond = (value: number) => `${Math.round(value).toLocaleString('en-US')} dossiers/s`;

async function collect(browser: ExtensionBrowser, igateUrl: string, rate: number): Promise<{ dossiers: number; pages: number; seconds: number }> {
  const page = await browser.context.newPage();
  await page.goto(`${igateUrl}/vi/dossier/search?size=${PAGE_SIZE}`);
  const panel = page.locator('tthc-collect-panel .collect');
  await panel.waitFor();
  await panel.locator('input[name="window"]').fill(WINDOW.text);
  await panel.locator('input[name="rate"]').fill(String(rate));
  await panel.locator('input[name="size"]').fill(String(PAGE_SIZE));
  const began = performance.now();
  await panel.getByRole('button', { name: 'Ghi nhận toàn bộ kỳ này' }).click();
  // Done once the collection's last page is stored (it saves its state only after its pages are).
  let collection: Collection | undefined;
  for (;;) {
    collection = (await readExtensionStore<Collection>(browser.serviceWorker, 'collections')).find((c) => c.id.endsWith(`#${WINDOW.from}..${WINDOW.to}`));
    if (collection?.state === 'done' || collection?.state === 'stopped') break;
    await page.waitForTimeout(50);
  }
  const seconds = (performance.now() - began) / 1000;
  await page.close();
  if (collection.state !== 'done') throw new Error(`the collection stopped: ${JSON.stringify(collection)}`);
  return { dossiers: collection.dossiers, pages: collection.nextPage, seconds };
}

/**
 * The same pages straight from the portal, one after another, as fast as it answers within its rate
 * limit: requests FASTEST_RATE a second, and a 429 (its sliding window, arrival times jitter) asked
 * again a window later.
 */
async function portalAlone(igateUrl: string, pages: number): Promise<number> {
  const began = performance.now();
  let dossiers = 0;
  let nextAt = began;
  for (let page = 0; page < pages; ) {
    const wait = nextAt - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    nextAt = performance.now() + 1000 / FASTEST_RATE;
    const response = await fetch(`${igateUrl}/pa/dossier/search?size=${PAGE_SIZE}&page=${page}&accepted-from=${WINDOW.from}&accepted-to=${WINDOW.to}`, { headers: { authorization: DEMO_AUTHORIZATION } });
    if (response.status === 429) {
      nextAt = performance.now() + 1000;
      continue;
    }
    if (!response.ok) throw new Error(`the portal answered ${response.status} to page ${page}`);
    dossiers += ((await response.json()) as { content: unknown[] }).content.length;
    page += 1;
  }
  return dossiers / ((performance.now() - began) / 1000);
}

async function firstRender(browser: ExtensionBrowser, count: number): Promise<number> {
  const page = await browser.openExtensionPage('sidepanel.html');
  await page.setViewportSize({ width: 400, height: 800 });
  await page.locator('.tab-body').first().waitFor();
  await seedDossiers(page, count);
  const times: number[] = [];
  for (let round = 0; round < PANEL_ROUNDS; round += 1) {
    const began = Date.now();
    await page.reload();
    await page.locator('.dossier-row').first().waitFor({ timeout: 60_000 });
    times.push(Date.now() - began);
  }
  await page.close();
  return median(times);
}

const portal = await startDemoPortal({ requireAuth: true, rateLimitPerSecond: FASTEST_RATE });
const profileDir = mkdtempSync(join(tmpdir(), 'tthc-desk-collect-bench-'));
let browser = await launchWithExtension({ profileDir });
let failed = false;
try {
  console.log(`period collector, Chromium, report year ${WINDOW.from}..${WINDOW.to}, ${PAGE_SIZE} dossiers a page`);
  for (const rate of [1, FASTEST_RATE]) {
    // A fresh profile per rate: every dossier is new to the database each time.
    await browser.close();
    rmSync(profileDir, { recursive: true, force: true });
    browser = await launchWithExtension({ profileDir });
    const run = await collect(browser, portal.igateUrl, rate);
    const measured = run.dossiers / run.seconds;
    const ideal = (run.dossiers * rate) / run.pages;
    const ok = measured >= TARGET_SHARE * ideal;
    failed ||= !ok;
    const baseline = await portalAlone(portal.igateUrl, run.pages);
    console.log(
      `  ${rate} request${rate === 1 ? '' : 's'}/s: ${run.dossiers.toLocaleString('en-US')} dossiers, ${run.pages} pages in ${run.seconds.toFixed(1)} s = ${perSecond(measured)}` +
        ` · the rate's ${perSecond(ideal)} (${((measured / ideal) * 100).toFixed(0)}%, target ≥ ${TARGET_SHARE * 100}%) ${ok ? 'PASS' : 'FAIL'}` +
        ` · baseline: the portal alone, within its limit of ${FASTEST_RATE} requests/s, serves ${perSecond(baseline)}`,
    );
  }
  const baselineMs = await firstRender(browser, PANEL_BASELINE);
  const fullMs = await firstRender(browser, PANEL_DOSSIERS);
  const panelOk = fullMs <= TARGET_PANEL_MS;
  failed ||= !panelOk;
  console.log(`side panel first render, 400×800, median of ${PANEL_ROUNDS}`);
  console.log(`  ${PANEL_DOSSIERS.toLocaleString('en-US')} dossiers ${fullMs} ms · baseline ${PANEL_BASELINE} dossiers ${baselineMs} ms (target ≤ ${TARGET_PANEL_MS} ms) ${panelOk ? 'PASS' : 'FAIL'}`);
  process.exitCode = failed ? 1 : 0;
} finally {
  await browser.close();
  await portal.close();
  rmSync(profileDir, { recursive: true, force: true });
}
