// `npm run bench:panel`: the side panel's dossier list with 20,000 dossiers, in Debian's Chromium
// with the built extension (the panel page opened as a tab).
//   1. Opening the panel: from navigation to the first dossier row drawn.
//   2. A keystroke in the code search: from typing to the list showing the matching dossiers.
// Baseline, same run and same browser: the same two measures with 20 dossiers, i.e. what the
// page costs whatever the data. Targets with 20,000: open ≤ 1,500 ms, keystroke ≤ 100 ms, and at
// most 60 rows in the DOM (the list is virtualised).
import type { Page } from 'playwright-core';
import { launchWithExtension } from '../e2e/support/browser.ts';
import { median } from './figures.ts';
import { seedDossiers } from './seedDossiers.ts';

const DOSSIERS = 20_000;
const BASELINE = 20;
const ROUNDS = 5;
const TARGET_OPEN_MS = 1_500;
const TARGET_KEYSTROKE_MS = 100;
const TARGET_DOM_ROWS = 60;

const ms = (value: number) => `${value.toFixed(0)} ms`;

async function measure(page: Page, count: number) {
  await seedDossiers(page, count);
  const opens: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const began = Date.now();
    await page.reload();
    await page.locator('.dossier-row').first().waitFor();
    opens.push(Date.now() - began);
  }
  const search = page.getByLabel('Tìm theo mã hồ sơ');
  const keystrokes: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    // Each query matches exactly one dossier (sequence numbers are unique), so the list must shrink to 1.
    const query = `-${String(round * 3 + 1).padStart(5, '0')}`;
    await search.fill('');
    await page.waitForFunction(() => document.querySelectorAll('.dossier-row').length > 1, undefined, { polling: 'raf' });
    const began = Date.now();
    await search.fill(query);
    await page.waitForFunction(() => document.querySelectorAll('.dossier-row').length === 1, undefined, { polling: 'raf' });
    keystrokes.push(Date.now() - began);
  }
  await search.fill('');
  await page.waitForFunction(() => document.querySelectorAll('.dossier-row').length > 1, undefined, { polling: 'raf' });
  const domRows = await page.locator('.dossier-row').count();
  return { open: median(opens), keystroke: median(keystrokes), domRows };
}

const browser = await launchWithExtension();
try {
  const page = await browser.openExtensionPage('sidepanel.html');
  await page.setViewportSize({ width: 400, height: 800 });
  await page.getByText('Chưa có hồ sơ nào', { exact: false }).waitFor();
  const baseline = await measure(page, BASELINE);
  const full = await measure(page, DOSSIERS);
  const openOk = full.open <= TARGET_OPEN_MS;
  const keystrokeOk = full.keystroke <= TARGET_KEYSTROKE_MS;
  const domOk = full.domRows <= TARGET_DOM_ROWS;
  console.log(`side panel dossier list, Chromium, 400×800, median of ${ROUNDS} rounds`);
  console.log(`  open to first row:   ${DOSSIERS.toLocaleString('en-US')} dossiers ${ms(full.open)} · baseline ${BASELINE} dossiers ${ms(baseline.open)} (target ≤ ${TARGET_OPEN_MS} ms) ${openOk ? 'PASS' : 'FAIL'}`);
  console.log(`  search keystroke:    ${DOSSIERS.toLocaleString('en-US')} dossiers ${ms(full.keystroke)} · baseline ${BASELINE} dossiers ${ms(baseline.keystroke)} (target ≤ ${TARGET_KEYSTROKE_MS} ms) ${keystrokeOk ? 'PASS' : 'FAIL'}`);
  console.log(`  rows in the DOM:     ${full.domRows} of ${DOSSIERS.toLocaleString('en-US')} (target ≤ ${TARGET_DOM_ROWS}) ${domOk ? 'PASS' : 'FAIL'}`);
  process.exitCode = openOk && keystrokeOk && domOk ? 0 : 1;
} finally {
  await browser.close();
}
