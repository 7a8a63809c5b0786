// The deadline notification after a capture, in Debian's Chromium with the built extension:
// browsing the demo portal stores overdue dossiers of the officer's unit, which raises the unit's
// overdue count, so one notification appears; capturing the same page again raises nothing and
// shows nothing more, while a longer page with more of the unit's overdue dossiers notifies again.
// Expected counts come from what the portal served and dossierTimeliness.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startDemoPortal, type DemoPortal } from '../demo-portal/server.ts';
import { dossierTimeliness } from '../shared/dossier/timeliness.ts';
import { t } from '../shared/i18n/i18n.ts';
import { normalizePortalInstant, todayInVietnam } from '../shared/time/dates.ts';
import { checkDaily, recordedNotices, recordNotices, shownIds } from './support/notifications.ts';
import { launchWithExtension, type ExtensionBrowser } from './support/browser.ts';
import { putExtensionRows, readExtensionStore } from './support/extensionDb.ts';

type Json = Record<string, unknown>;
type Worker = ExtensionBrowser['serviceWorker'];

const POLL = { timeout: 20_000, interval: 100 };
const today = todayInVietnam();
const DUE_SOON_DAYS = 2;
/** Page sizes: the longer page (same order) holds the shorter one and more. */
const SHORT = 100;
const LONG = 300;

const badgeText = (worker: Worker) => worker.evaluate(() => (globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }).chrome.action.getBadgeText({}));
const nineAm = `${today}T09:00:00+07:00`;
const storedCodes = async (worker: Worker) => (await readExtensionStore<{ code: string }>(worker, 'dossiers')).map((row) => row.code).sort();

function isOverdue(entry: Json): boolean {
  // A suspended, supplement-waiting or cancelled dossier is never overdue (its status says so).
  const status = ((entry.dossierStatus ?? {}) as Json).name as string;
  const stepStatus = ((entry.dossierTaskStatus ?? {}) as Json).name as string;
  const dates = {
    acceptedAt: normalizePortalInstant(entry.acceptedDate),
    appointmentAt: normalizePortalInstant(entry.appointmentDate),
    returnedAt: normalizePortalInstant(entry.returnedDate),
    completedAt: normalizePortalInstant(entry.completedDate),
    status,
    stepStatus,
  };
  return dossierTimeliness(dates, { today, dueSoonWorkingDays: DUE_SOON_DAYS }).state === 'overdue';
}
const agencyCodeOf = (entry: Json) => String((entry.agency as Json).code);
const overdueOf = (entries: Json[], unit: string) => entries.filter((entry) => agencyCodeOf(entry) === unit && isOverdue(entry)).length;

describe('the deadline notification after a capture', () => {
  let portal: DemoPortal;
  let browser: ExtensionBrowser;
  let page: Page;
  let unit: string;

  /** Opens the search page and resolves, with what the page was served, once the extension has stored it. */
  async function capturePage(size: number): Promise<Json[]> {
    const [response] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/pa/dossier/search'),
      page.goto(`${portal.igateUrl}/vi/dossier/search?size=${size}`),
    ]);
    const content = ((await response.json()) as { content: Json[] }).content;
    const codes = content.map((entry) => String(entry.code));
    await expect.poll(async () => { const stored = new Set(await storedCodes(browser.serviceWorker)); return codes.filter((c) => !stored.has(c)); }, POLL).toEqual([]);
    return content;
  }

  beforeAll(async () => {
    portal = await startDemoPortal();
    // The officer's unit: an agency with overdue dossiers on the first page browsed and more on the longer one.
    const served = async (size: number) => ((await (await fetch(`${portal.igateUrl}/pa/dossier/search?page=0&size=${size}&sort=appointmentDate,asc`)).json()) as { content: Json[] }).content;
    const [short, long] = [await served(SHORT), await served(LONG)];
    unit = [...new Set(short.map(agencyCodeOf))].find((code) => overdueOf(short, code) > 0 && overdueOf(long, code) > overdueOf(short, code))!;
    expect(unit).toBeDefined();

    browser = await launchWithExtension();
    const worker = browser.serviceWorker;
    await putExtensionRows(worker, 'settings', [{ key: 'unitAgencyCode', value: unit }]);
    // The start-up check (nothing stored: nothing to show) is over once this returns.
    await checkDaily(worker, nineAm);
    await recordNotices(worker);
    page = await browser.context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  });

  it('shows one notification, with the unit\'s overdue count, when a capture raises that count', async () => {
    const worker = browser.serviceWorker;
    expect(await shownIds(worker)).toEqual([]);
    const served = await capturePage(SHORT);
    const overdue = overdueOf(served, unit);
    expect(overdue).toBeGreaterThan(0);
    // Dossiers of other units are on the page too, and are not counted.
    expect(served.filter(isOverdue).length).toBeGreaterThan(overdue);
    await expect.poll(() => shownIds(worker), POLL).toEqual(['deadline-digest']);
    const notices = await recordedNotices(worker);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.title).toBe(t('capture.notice.title', {}, 'vi'));
    expect(notices[0]!.message.split('\n')[0]).toBe(t('capture.notice.overdueDossiers', { count: overdue, days: DUE_SOON_DAYS }, 'vi'));
  });

  it('does not notify again for the same page, and does for a page with more of the unit\'s overdue dossiers', async () => {
    const worker = browser.serviceWorker;
    // The badge and the notification are both recomputed after a stored batch, on timers of the same
    // delay set together: the badge losing this mark shows the repeat's notification check has been queued.
    await worker.evaluate(() => (globalThis as unknown as { chrome: { action: { setBadgeText(d: { text: string }): Promise<void> } } }).chrome.action.setBadgeText({ text: '?' }));
    await capturePage(SHORT);
    await expect.poll(() => badgeText(worker), POLL).not.toBe('?');
    // Checks run one after another: once this daily check (already done today) returns, the repeat's check is over.
    await checkDaily(worker, nineAm);
    expect(await recordedNotices(worker)).toHaveLength(1);

    const served = await capturePage(LONG);
    await expect.poll(async () => (await recordedNotices(worker)).length, POLL).toBeGreaterThan(1);
    const notices = await recordedNotices(worker);
    expect(notices).toHaveLength(2);
    expect(notices[1]!.message.split('\n')[0]).toBe(t('capture.notice.overdueDossiers', { count: overdueOf(served, unit), days: DUE_SOON_DAYS }, 'vi'));
    expect(await shownIds(worker)).toEqual(['deadline-digest']);
  });
});
