// axe-core (the npm package, injected into the page) over every side-panel tab at the side
// panel's width and over the options page, in Debian's Chromium with the built extension: no
// finding of moderate, serious or critical impact. Each finding is reported with its rule and
// the elements it names, so a failure says what to mend.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { t } from '../shared/i18n/i18n.ts';
import { launchWithExtension, type ExtensionBrowser } from './support/browser.ts';
import { addTask, card } from './support/board.ts';
import { putExtensionRows } from './support/extensionDb.ts';
import { sampleDossier } from '../extension/entrypoints/sidepanel/dossiers/sampleDossier.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const REPORTED = ['moderate', 'serious', 'critical'];

interface Finding { rule: string; impact: string; targets: string[] }

/** Runs axe on the page as it is now; the findings of moderate impact or worse. */
async function findings(page: Page): Promise<Finding[]> {
  // Evaluated through the debugging protocol, which the extension pages' CSP does not govern.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ rule: v.id, impact: v.impact ?? 'unknown', targets: v.nodes.map((n) => JSON.stringify(n.target)) }));
  });
  return violations.filter((finding) => REPORTED.includes(finding.impact));
}

describe('accessibility (axe-core)', () => {
  let browser: ExtensionBrowser;
  let panel: Page;

  beforeAll(async () => {
    browser = await launchWithExtension();
    panel = await browser.openExtensionPage('sidepanel.html');
    await panel.setViewportSize({ width: 420, height: 760 });
    // A few captured dossiers, so the list, its counts and a dossier's detail are there to check.
    await putExtensionRows(panel, 'dossiers', [
      sampleDossier('000.00.53.H48-240301-0001'),
      sampleDossier('000.00.53.H48-240301-0002', { appointmentAt: '2099-03-15T17:00:00+07:00' }),
      sampleDossier('000.00.53.H48-240301-0003', { returnedAt: '2024-03-10T10:00:00+07:00', status: 'Đã trả kết quả' }),
    ]);
    await panel.reload();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const tab of ['panel.tab.dossiers', 'panel.tab.publications', 'panel.tab.indicators', 'report.tab', 'board.tab']) {
    it(`finds nothing moderate or worse on the side panel tab "${t(tab, {}, 'vi')}"`, async () => {
      await panel.getByRole('tab', { name: t(tab, {}, 'vi') }).click();
      await panel.getByRole('tabpanel').waitFor();
      expect(await findings(panel)).toEqual([]);
    });
  }

  it('finds nothing moderate or worse on the dossier list with a dossier open', async () => {
    await panel.getByRole('tab', { name: t('panel.tab.dossiers', {}, 'vi') }).click();
    await panel.locator('[data-code="000.00.53.H48-240301-0001"]').click();
    await panel.locator('#dossier-detail-title').waitFor();
    expect(await findings(panel)).toEqual([]);
  });

  it('finds nothing moderate or worse on the board with a task open', async () => {
    await panel.getByRole('tab', { name: t('board.tab', {}, 'vi') }).click();
    await addTask(panel, 'Rà soát thủ tục đất đai');
    await card(panel, 'Rà soát thủ tục đất đai').click();
    await panel.locator('.board-detail').waitFor();
    expect(await findings(panel)).toEqual([]);
  });

  it('finds nothing moderate or worse on the options page, also with a value refused', async () => {
    const options = await browser.openExtensionPage('options.html');
    await options.locator('input[name="board-server"]').waitFor();
    expect(await findings(options)).toEqual([]);
    await options.fill('input[name="board-server"]', 'http://nowhere');
    await options.locator('form:has(input[name="board-server"]) button[type="submit"]').click();
    await options.locator('input[name="board-server"][aria-invalid="true"]').waitFor();
    expect(await findings(options)).toEqual([]);
  });
});
