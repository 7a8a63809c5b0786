// The Hồ sơ tab with more dossiers than one page holds, in Debian's Chromium with the built
// extension: counts from the tallies match each dossier judged one by one, scrolling reads the
// next pages to the last dossier in appointment order, a state filter and the latest-first order
// read their own ranges, and a unit's counts follow its agency codes. Dossiers are written as the
// background stores them (index fields and tallies: e2e/support/extensionDb.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { judgedTimeliness } from '../extension/db/dossierIndex.ts';
import type { StoredDossier } from '../extension/db/database.ts';
import { sampleDossier } from '../extension/entrypoints/sidepanel/dossiers/sampleDossier.ts';
import { addDays, todayInVietnam } from '../shared/time/dates.ts';
import { launchWithExtension, type ExtensionBrowser } from './support/browser.ts';
import { putExtensionRows, putStoredDossiers } from './support/extensionDb.ts';

const poll = { timeout: 20_000, interval: 100 };
const today = todayInVietnam();
const DOSSIERS = 1_000;

/**
 * Dossier i: appointments spread 60 days either side of today, a third returned, every 50th without
 * appointment, every 7th suspended and every 11th cancelled (by the portals' status names: counted apart).
 */
function dossier(i: number): StoredDossier {
  const day = addDays(today, (i % 120) - 60);
  return sampleDossier(`000.00.${10 + (i % 3)}.H48-PAGE-${String(i).padStart(4, '0')}`, {
    agencyCode: `000.00.${10 + (i % 3)}.H48`,
    appointmentAt: i % 50 === 0 ? null : `${day}T17:00:00+07:00`,
    returnedAt: i % 3 === 0 ? `${addDays(day, (i % 5) - 2)}T10:00:00+07:00` : null,
    lastSeenAt: `${today}T08:00:00+07:00`,
    status: i % 7 === 1 ? 'Tạm dừng xử lý' : i % 11 === 1 ? 'Đã hủy' : 'Đang xử lý',
  });
}
const dossiers = Array.from({ length: DOSSIERS }, (_, i) => dossier(i));
const stateOf = (d: StoredDossier) => judgedTimeliness(d, { today, dueSoonWorkingDays: 2 }).state;
/** Appointment order, earliest first, ties by code, those without appointment last. */
const ordered = [...dossiers].sort((a, b) => (a.listAt! === b.listAt! ? a.code.localeCompare(b.code) : a.listAt! < b.listAt! ? -1 : 1));

const rowCodes = (page: Page) => page.locator('.dossier-row button').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-code')));
const countOf = (page: Page, state: string) => page.locator(`.count[data-state="${state}"] strong`).textContent();

/** Scrolls the list to its end (which may read one page more) and says its last row drawn. */
async function lastRowAfterScrolling(page: Page): Promise<string | null> {
  await page.locator('.dossier-scroller').evaluate((scroller) => scroller.scrollTo(0, scroller.scrollHeight));
  return (await rowCodes(page)).at(-1) ?? null;
}

describe('the dossier list read page by page', () => {
  let browser: ExtensionBrowser;
  let panel: Page;

  beforeAll(async () => {
    browser = await launchWithExtension();
    panel = await browser.openExtensionPage('sidepanel.html');
    await panel.setViewportSize({ width: 400, height: 800 });
    await panel.getByText('Chưa có hồ sơ nào', { exact: false }).waitFor();
    await putStoredDossiers(panel, dossiers);
    await panel.reload();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('counts each state as judging every dossier one by one does', async () => {
    const expected = { overdue: 0, due_soon: 0, pending: 0, late: 0, on_time: 0, early: 0, unknown: 0, paused: 0, closed: 0 };
    for (const d of dossiers) expected[stateOf(d)] += 1;
    for (const [state, count] of Object.entries(expected)) await expect.poll(() => countOf(panel, state), poll).toBe(String(count));
    expect(await panel.getByRole('status').textContent()).toBe(`Hiển thị ${DOSSIERS.toLocaleString('vi-VN')} / ${DOSSIERS.toLocaleString('vi-VN')} hồ sơ`);
  });

  it('reads the next pages while scrolling, down to the last dossier in appointment order', async () => {
    await expect.poll(async () => (await rowCodes(panel))[0], poll).toBe(ordered[0]!.code);
    await expect.poll(() => lastRowAfterScrolling(panel), poll).toBe(ordered.at(-1)!.code);
  });

  it('lists one state in the latest-first order, and only that state', async () => {
    await panel.locator('.count[data-state="overdue"]').click();
    await panel.getByLabel('Sắp xếp theo ngày hẹn trả').selectOption('appointmentDesc');
    const overdue = ordered.filter((d) => stateOf(d) === 'overdue');
    // The latest first; on the same day the highest code first (the index read backwards).
    await expect.poll(async () => {
      await panel.locator('.dossier-scroller').evaluate((scroller) => scroller.scrollTo(0, 0));
      return (await rowCodes(panel))[0];
    }, poll).toBe(overdue.at(-1)!.code);
    expect(await panel.locator('.dossier-row .badge').allTextContents()).toSatisfy((badges: string[]) => badges.every((b) => b.startsWith('Quá hạn')));
    const earliestDay = overdue.filter((d) => d.listAt === overdue[0]!.listAt);
    await expect.poll(() => lastRowAfterScrolling(panel), poll).toBe(earliestDay[0]!.code);
    await panel.locator('.count[data-state="overdue"]').click();
    await panel.getByLabel('Sắp xếp theo ngày hẹn trả').selectOption('appointmentAsc');
  });

  it("counts and lists only the unit's agency code once a unit is set", async () => {
    await putExtensionRows(panel, 'settings', [{ key: 'unit', value: { name: 'Đơn vị thử', agencyCodes: ['000.00.11.H48'] } }]);
    await panel.reload();
    const ofUnit = dossiers.filter((d) => d.agencyCode === '000.00.11.H48');
    await expect.poll(() => panel.locator('.counts button').first().textContent(), poll).toBe(`Tất cả ${ofUnit.length}`);
    expect(await countOf(panel, 'overdue')).toBe(String(ofUnit.filter((d) => stateOf(d) === 'overdue').length));
    expect((await rowCodes(panel)).every((code) => code!.startsWith('000.00.11.H48'))).toBe(true);
  });
});
