// The summary chip on the demo iGate page, in Debian's Chromium with the built extension: it never
// covers the cells of the table's last two columns in view, at the top of the results or scrolled
// to their end, on a wide window and on a narrow one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startDemoPortal, type DemoPortal } from '../demo-portal/server.ts';
import { launchWithExtension, type ExtensionBrowser } from './support/browser.ts';

const poll = { timeout: 20_000, interval: 100 };

/** The last-two-column cells in view that the chip's box overlaps (their row's code and column index). */
function coveredCells(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const chip = document.querySelector('tthc-summary-chip')?.shadowRoot?.querySelector('.chip');
    if (!chip) return ['no chip'];
    const box = chip.getBoundingClientRect();
    const covered: string[] = [];
    for (const row of document.querySelectorAll('tr')) {
      [...row.cells].slice(-2).forEach((cell, i) => {
        const r = cell.getBoundingClientRect();
        const inView = r.bottom > 0 && r.top < innerHeight;
        if (inView && r.left < box.right && box.left < r.right && r.top < box.bottom && box.top < r.bottom) covered.push(`${row.querySelector('.mat-column-code')?.textContent ?? 'header'}:${i}`);
      });
    }
    return covered;
  });
}

describe('the summary chip on the portal page', () => {
  let portal: DemoPortal;
  let browser: ExtensionBrowser;
  let page: Page;

  beforeAll(async () => {
    portal = await startDemoPortal();
    browser = await launchWithExtension();
    page = await browser.context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  });

  for (const viewport of [{ width: 1280, height: 700 }, { width: 640, height: 560 }]) {
    it(`covers none of the last columns at ${viewport.width}×${viewport.height}, at the top and at the end`, async () => {
      await page.setViewportSize(viewport);
      await page.goto(`${portal.igateUrl}/vi/dossier/search?size=100`);
      await page.locator('tthc-summary-chip').waitFor({ state: 'attached', timeout: 20_000 });
      await expect.poll(() => coveredCells(page), poll).toEqual([]);
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await expect.poll(() => page.evaluate(() => Math.ceil(scrollY + innerHeight) >= document.documentElement.scrollHeight), poll).toBe(true);
      await expect.poll(() => coveredCells(page), poll).toEqual([]);
    });
  }
});
