// Pages that are not the portal, or that lie on the capture channel, in Debian's Chromium with the
// real extension: a release build (the store package) gives a local page no observer and stores
// nothing from it; on a portal page a message naming another origin is ignored, a flood of
// malformed messages leaves the page responsive and one problem row, and a dossier code of 1 MB is
// refused and counted while the unit's board keeps syncing.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoPortal, type DemoPortal } from '../demo-portal/server.ts';
import { PAGE_CHANNEL } from '../extension/content/pageChannel.ts';
import { t } from '../shared/i18n/i18n.ts';
import { vietnamCalendar } from '../shared/calendar/calendar.ts';
import { todayInVietnam } from '../shared/time/dates.ts';
import { startSyncServer, type RunningSyncServer } from '../sync-server/server.ts';
import { signToken } from '../sync-server/token.ts';
import { addTask, boardOf, officer, openBoard, openTask, syncState, type Officer } from './support/board.ts';
import { knowsDemoPortal, launchWithExtension, type ExtensionBrowser } from './support/browser.ts';
import { putExtensionRows, readExtensionStore } from './support/extensionDb.ts';

const POLL = { timeout: 30_000, interval: 100 };
const root = join(import.meta.dirname, '..');

interface StoredProblem { url: string; reason: string; count: number }
interface SpringPage { content: Record<string, unknown>[]; totalElements: number; number: number; size: number }

let portal: DemoPortal;

beforeAll(async () => {
  portal = await startDemoPortal();
});

afterAll(async () => {
  await portal?.close();
});

/** Opens a demo iGate page and waits until its table is drawn from the API. */
async function openPortalPage(page: Page, path: string): Promise<void> {
  await Promise.all([page.waitForResponse((r) => new URL(r.url()).pathname === '/pa/dossier/search'), page.goto(`${portal.igateUrl}${path}`)]);
  await expect.poll(() => page.locator('#outlet').getAttribute('data-state'), POLL).toBe('ready');
}

const problemsAt = async (browser: ExtensionBrowser, path: string) =>
  (await readExtensionStore<StoredProblem>(browser.serviceWorker, 'captureProblems')).filter((p) => new URL(p.url).pathname === path);

/** Officer Lan of a unit, with the board connected to a sync server of their own (`maxMessageBytes`: its message limit). */
interface ConnectedOfficer { lan: Officer; close(): Promise<void> }

async function connectedOfficer(maxMessageBytes?: number): Promise<ConnectedOfficer> {
  const secret = 'hostile-page-e2e-secret-of-32-bytes!!';
  const unit = 'so-tu-phap';
  const dataDir = mkdtempSync(join(tmpdir(), 'tthc-hostile-e2e-'));
  const server: RunningSyncServer = await startSyncServer({ port: 0, dataDir, secret, ...(maxMessageBytes ? { limits: { maxMessageBytes } } : {}) });
  const lan = await officer({ server: server.url, unit, token: await signToken({ unit, user: 'lan', role: 'editor' }, secret), name: 'Lan' });
  return {
    lan,
    async close() {
      await lan.browser.close();
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

describe('a release build on a local page that is not a configured portal', () => {
  let outDir: string;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    // The store package: a plain `wxt build`, without TTHC_LOCAL_PORTALS, into its own directory.
    outDir = mkdtempSync(join(tmpdir(), 'tthc-desk-release-'));
    const env: NodeJS.ProcessEnv = { ...process.env, TTHC_WXT_OUT: outDir };
    delete env.TTHC_LOCAL_PORTALS;
    delete env.TTHC_WXT_ENTRYPOINTS;
    const build = spawnSync(join(root, 'node_modules', '.bin', 'wxt'), ['build'], { cwd: root, env, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    expect(knowsDemoPortal(join(outDir, 'chrome-mv3'))).toBe(false);
    browser = await launchWithExtension({ extensionDir: join(outDir, 'chrome-mv3'), release: true });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it('puts no observer on the page and stores nothing from it, even a well-formed channel message', async () => {
    const page = await browser.context.newPage();
    await openPortalPage(page, '/vi/dossier/search');
    const wrapped = await page.evaluate(() => ({
      fetch: !Function.prototype.toString.call(window.fetch).includes('[native code]'),
      pushState: !Function.prototype.toString.call(history.pushState).includes('[native code]'),
      open: !Function.prototype.toString.call(XMLHttpRequest.prototype.open).includes('[native code]'),
    }));
    expect(wrapped).toEqual({ fetch: false, pushState: false, open: false });
    // The page posts what the observer would, on its own origin: nobody is listening.
    const served = (await (await page.request.get(`${portal.igateUrl}/pa/dossier/search?size=5&page=11`)).json()) as SpringPage;
    await page.evaluate(({ channel, url, body }) => window.postMessage({ channel, kind: 'response', url, status: 200, body }, '*'), {
      channel: PAGE_CHANNEL, url: `${portal.igateUrl}/pa/dossier/search?size=5&page=11`, body: JSON.stringify(served),
    });
    // The background answers (it is up and has opened its database) and holds no record of the page.
    await expect.poll(async () => browser.serviceWorker.evaluate(() => typeof indexedDB.databases), POLL).toBe('function');
    expect(await readExtensionStore(browser.serviceWorker, 'dossiers')).toEqual([]);
    expect(await readExtensionStore(browser.serviceWorker, 'captureProblems')).toEqual([]);
    expect(await page.locator('tthc-badge').count()).toBe(0);
    await page.close();
  });
});

describe('a portal page that lies on the capture channel', () => {
  let browser: ExtensionBrowser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchWithExtension();
    page = await browser.context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('ignores a forged response naming another origin, and counts it', async () => {
    await openPortalPage(page, '/vi/dossier/search?size=5&page=0');
    const real = (await (await page.request.get(`${portal.igateUrl}/pa/dossier/search?size=5&page=13`)).json()) as SpringPage;
    const forged: SpringPage = { ...real, content: real.content.map((entry, i) => ({ ...entry, code: `FORGED-${i}` })) };
    // Another origin of the same machine (the demo national portal's port) and a real portal's.
    for (const origin of [portal.dvcqgUrl, 'https://dichvucong.quangnam.gov.vn']) {
      await page.evaluate(({ channel, url, body }) => window.postMessage({ channel, kind: 'response', url, status: 200, body }, '*'), {
        channel: PAGE_CHANNEL, url: `${origin}/pa/dossier/search?size=5&page=13`, body: JSON.stringify(forged),
      });
    }
    // A real response after them: once it is stored, the forged ones (posted before) were handled.
    const next = (await (await page.request.get(`${portal.igateUrl}/pa/dossier/search?size=5&page=14`)).json()) as SpringPage;
    await page.evaluate(() => fetch('/pa/dossier/search?size=5&page=14').then((r) => r.json()));
    const codes = next.content.map((entry) => String(entry.code));
    await expect.poll(async () => {
      const stored = new Set((await readExtensionStore<{ code: string }>(browser.serviceWorker, 'dossiers')).map((d) => d.code));
      return codes.filter((code) => !stored.has(code));
    }, POLL).toEqual([]);
    const stored = await readExtensionStore<{ code: string }>(browser.serviceWorker, 'dossiers');
    expect(stored.filter((d) => d.code.startsWith('FORGED-'))).toEqual([]);
    await expect.poll(async () => (await problemsAt(browser, '/vi/dossier/search')).find((p) => p.reason === 'capture.reason.badMessage')?.count, POLL).toBe(2);
  });

  /** Time until every message of a burst has been dispatched to every listener (the page's and ours). */
  const burst = (data: unknown) => page.evaluate(async (message) => {
    const start = performance.now();
    for (let i = 0; i < 10_000; i++) window.postMessage(message, '*');
    await new Promise<void>((resolve) => {
      const done = (event: MessageEvent) => {
        if (event.data !== 'burst-done') return;
        window.removeEventListener('message', done);
        resolve();
      };
      window.addEventListener('message', done);
      window.postMessage('burst-done', '*');
    });
    return performance.now() - start;
  }, data);

  // Two floods: messages of a wrong shape (refused by the gate), and well-formed ones about the
  // portal's own API whose body is not JSON. Past 100 failures a second, the rest are refused unread.
  const floods = [
    { kind: 'of a wrong shape', path: '/vi/procedure/search', reason: 'capture.reason.badMessage', message: (origin: string) => ({ channel: PAGE_CHANNEL, kind: 'response', url: `${origin} not a url`, status: 200, body: '' }) },
    { kind: 'whose body is not JSON', path: '/vi/dossier/public-qni', reason: 'capture.reason.badJson', message: (origin: string) => ({ channel: PAGE_CHANNEL, kind: 'response', url: `${origin}/pa/dossier/search?page=0`, status: 200, body: '{not json' }) },
  ];
  for (const flood of floods) {
    it(`stays responsive through 10,000 messages ${flood.kind} and keeps one problem row for them`, async () => {
      await page.goto(`${portal.igateUrl}${flood.path}`);
      await expect.poll(() => page.locator('#outlet').getAttribute('data-state'), POLL).toBe('ready');
      // Baseline, same page, same run: the page's own traffic, which our listener ignores at once.
      const baselineMs = await burst({ type: 'angular-noise', url: 'not a url', status: 200, body: '{not json' });
      const floodMs = await burst(flood.message(portal.igateUrl));
      console.log(`10,000 channel messages ${flood.kind}: ${floodMs.toFixed(0)} ms to dispatch (baseline, 10,000 messages not on the channel: ${baselineMs.toFixed(0)} ms)`);
      // Before the rate cap and the gathered reports, the flood whose body is not JSON took 11 s here
      // (32 times its baseline; 13.7 s in the issue), every message sending its own problem report.
      expect(floodMs).toBeLessThan(Math.max(3000, baselineMs * 6));
      // One row for the page, counting all 10,000 (past the cap, unread ones count as refused messages).
      await expect.poll(async () => (await problemsAt(browser, flood.path)).map(({ count }) => count), POLL).toEqual([10_000]);
      expect(['capture.reason.badMessage', flood.reason]).toContain((await problemsAt(browser, flood.path))[0]!.reason);
      // The page works on, and the officer's next search is captured.
      await page.getByRole('link', { name: 'Tra cứu hồ sơ', exact: true }).click();
      await expect.poll(() => page.locator('tr.mat-row').count(), POLL).toBeGreaterThan(0);
      const pageNumber = flood.reason === 'capture.reason.badJson' ? 22 : 21;
      const next = (await (await page.request.get(`${portal.igateUrl}/pa/dossier/search?size=5&page=${pageNumber}`)).json()) as SpringPage;
      await page.goto(`${portal.igateUrl}/vi/dossier/search?size=5&page=${pageNumber}`);
      await expect.poll(async () => {
        const stored = new Set((await readExtensionStore<{ code: string }>(browser.serviceWorker, 'dossiers')).map((d) => d.code));
        return next.content.every((entry) => stored.has(String(entry.code)));
      }, POLL).toBe(true);
    });
  }
});

describe('a dossier code of 1 MB', () => {
  let connected: ConnectedOfficer;
  let lan: Officer;

  beforeAll(async () => {
    connected = await connectedOfficer();
    lan = connected.lan;
  });

  afterAll(async () => {
    await connected?.close();
  });

  it('is refused and counted, and the board keeps syncing the page\'s other dossiers', async () => {
    const page = await lan.browser.context.newPage();
    const huge = 'X'.repeat(1024 * 1024);
    const overdueCode = 'CAPGUARD-OVERDUE-0001';
    const appointment = `${vietnamCalendar.addWorkingDays(todayInVietnam(), -3)}T17:00:00.000+0700`;
    // The portal's own response, with one entry's code blown up and another overdue.
    await page.route('**/pa/dossier/search*', async (route: Route) => {
      const response = await route.fetch();
      const body = (await response.json()) as SpringPage;
      body.content[0] = { ...body.content[0], code: huge };
      body.content[1] = { ...body.content[1], code: overdueCode, appointmentDate: appointment, returnedDate: null, completedDate: null };
      await route.fulfill({ response, json: body });
    });
    // Automatic tasks come only from dossiers of the unit set in the options: the overdue one's.
    const sample = (await (await page.request.get(`${portal.igateUrl}/pa/dossier/search?size=5&page=30`)).json()) as SpringPage;
    const agencyCode = String((sample.content[1]!.agency as { code: string }).code);
    await putExtensionRows(lan.browser.serviceWorker, 'settings', [{ key: 'unitAgencyCode', value: agencyCode }]);
    await openPortalPage(page, '/vi/dossier/search?size=5&page=30');
    await expect.poll(async () => (await readExtensionStore<{ code: string }>(lan.browser.serviceWorker, 'dossiers')).some((d) => d.code === overdueCode), POLL).toBe(true);
    const stored = await readExtensionStore<{ code: string }>(lan.browser.serviceWorker, 'dossiers');
    expect(stored.filter((d) => d.code.length > 1000)).toEqual([]);
    // Counted each time it arrives: from the response, and from the table when the page drew it first.
    await expect.poll(async () => (await problemsAt(lan.browser, '/vi/dossier/search')).reduce((sum, p) => sum + p.count, 0), POLL).toBeGreaterThanOrEqual(1);
    // Opening the board makes the automatic tasks of this capture; they reach the server.
    await lan.panel.close();
    const panel = await openBoard(lan.browser);
    const title = t('board.auto.dossierOverdue', { dossier: overdueCode }, 'vi');
    await expect.poll(async () => Object.values(await boardOf(panel)).flat().includes(title), POLL).toBe(true);
    await expect.poll(() => syncState(panel), POLL).toBe('saved');
    await page.close();
  });
});

describe('a change the server refuses as too large', () => {
  let connected: ConnectedOfficer;
  let lan: Officer;

  beforeAll(async () => {
    // A server whose message limit is below the largest description an officer may write (a test
    // stand-in for a room quota or a stricter server): the description is refused.
    connected = await connectedOfficer(16 * 1024);
    lan = connected.lan;
  });

  afterAll(async () => {
    await connected?.close();
  });

  it('shows "bị từ chối: quá lớn" naming the task, keeps the change, and saves again once it is undone', async () => {
    const { panel } = lan;
    await expect.poll(() => syncState(panel), POLL).toBe('saved');
    await addTask(panel, 'Báo cáo rất dài');
    await expect.poll(() => syncState(panel), POLL).toBe('saved');
    const detail = await openTask(panel, 'Báo cáo rất dài');
    const description = detail.getByLabel(t('board.detail.description', {}, 'vi'));
    await description.fill('ệ'.repeat(10_000));
    const refusal = panel.locator('[data-sync-rejected]');
    await expect.poll(() => refusal.textContent(), POLL).toContain('“Báo cáo rất dài” bị từ chối: quá lớn');
    expect(await description.inputValue()).toHaveLength(10_000);
    await description.fill('Tóm tắt ngắn');
    await expect.poll(() => syncState(panel), POLL).toBe('saved');
    await expect.poll(() => refusal.count(), POLL).toBe(0);
  });
});
