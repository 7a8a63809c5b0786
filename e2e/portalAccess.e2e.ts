// Portal addresses added on the options page, in a real browser: the demo portal on 127.0.0.2, an
// origin the manifest's built-in content scripts (127.0.0.1, localhost, the two real portals) do
// not cover. Headless Chromium leaves chrome.permissions.request's prompt unanswered and Playwright
// cannot click it, so the "allowed" case runs on a copy of the build whose manifest already grants
// http://127.0.0.2/* (what the prompt's "Allow" gives), and the officer later withdrawing and
// granting the host again is done through chrome://extensions' own API (chrome.developerPrivate).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoPortal, type DemoPortal } from '../demo-portal/server.ts';
import { extensionDir, launchWithExtension, type ExtensionBrowser } from './support/browser.ts';
import { readExtensionStore } from './support/extensionDb.ts';

const POLL = { timeout: 20_000, interval: 100 };
const HOST = 'http://127.0.0.2/*';
const ALLOWED = 'Đã cho phép';
const REFUSED = 'Trình duyệt chưa cho phép: tthc-desk chưa chạy trên cổng này';

interface Registered { id: string; matches?: string[]; world?: string }
interface ChromeApis {
  scripting: { getRegisteredContentScripts(): Promise<Registered[]> };
  permissions: { contains(p: { origins: string[] }): Promise<boolean> };
}
interface DeveloperPrivate {
  updateExtensionConfiguration(update: { extensionId: string; hostAccess: string }): Promise<void>;
  addHostPermission(extensionId: string, host: string): Promise<void>;
}

/** A copy of the build that holds the host permission from the start. */
function buildGranting(host: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'tthc-desk-extension-'));
  cpSync(extensionDir, dir, { recursive: true });
  const manifestFile = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { host_permissions?: string[] };
  manifest.host_permissions = [...(manifest.host_permissions ?? []), host];
  writeFileSync(manifestFile, JSON.stringify(manifest));
  return dir;
}

async function registeredScripts(worker: Worker): Promise<Registered[]> {
  const scripts = await worker.evaluate(() => (globalThis as unknown as { chrome: ChromeApis }).chrome.scripting.getRegisteredContentScripts());
  return scripts.map(({ id, matches, world }) => ({ id, matches, world })).sort((a, b) => a.id.localeCompare(b.id));
}

async function saveOrigins(options: Page, origins: string[]): Promise<void> {
  const field = options.locator('textarea[name="portalOrigins"]');
  await field.fill(origins.join('\n'));
  await field.locator('xpath=ancestor::form').locator('button[type="submit"]').click();
}

/** What the options page says about each added origin's access. */
function accessShown(options: Page): Promise<{ origin: string | null; text: string }[]> {
  return options.locator('.portal-access li').evaluateAll((items) =>
    items.map((item) => ({ origin: item.getAttribute('data-origin'), text: item.querySelector('.notice')?.textContent ?? '' })),
  );
}

/** Runs on chrome://extensions, whose page has the API behind its "Site access" controls. */
async function onExtensionsPage(browser: ExtensionBrowser, change: { withholdHosts: true } | { grantHost: string }): Promise<void> {
  const page = await browser.context.newPage();
  try {
    await page.goto('chrome://extensions/');
    await page.evaluate(
      async ([id, wanted]) => {
        const api = (globalThis as unknown as { chrome: { developerPrivate: DeveloperPrivate } }).chrome.developerPrivate;
        // "Site access: on specific sites" withholds every host; "Add site" grants one back.
        if ('grantHost' in wanted) await api.addHostPermission(id, wanted.grantHost);
        else await api.updateExtensionConfiguration({ extensionId: id, hostAccess: 'ON_SPECIFIC_SITES' });
      },
      [browser.extensionId, change] as const,
    );
  } finally {
    await page.close();
  }
}

describe('a portal address added in options, once the browser grants its host', () => {
  let portal: DemoPortal;
  let browser: ExtensionBrowser;
  let options: Page;
  let origin: string;
  let copy: string;
  const scriptsFor = (pattern: string) => [
    { id: 'tthc-desk-page-observer', matches: [pattern], world: 'MAIN' },
    { id: 'tthc-desk-portal', matches: [pattern], world: 'ISOLATED' },
  ];

  beforeAll(async () => {
    portal = await startDemoPortal({ host: '127.0.0.2' });
    origin = new URL(portal.igateUrl).origin;
    copy = buildGranting(HOST);
    browser = await launchWithExtension({ extensionDir: copy });
    options = await browser.openExtensionPage('options.html');
  });

  afterAll(async () => {
    await browser?.close();
    await portal?.close();
    if (copy) rmSync(copy, { recursive: true, force: true });
  });

  it('registers the page observer in the page world and the portal script for it, and says it is allowed', async () => {
    expect(await registeredScripts(browser.serviceWorker)).toEqual([]);
    await saveOrigins(options, ['http://127.0.0.1:*', origin]);
    await expect.poll(() => registeredScripts(browser.serviceWorker), POLL).toEqual(scriptsFor(`${origin}/*`));
    await expect.poll(() => accessShown(options), POLL).toEqual([{ origin, text: ALLOWED }]);
  });

  it('captures the dossiers of that portal and puts a badge on each row', async () => {
    const page = await browser.context.newPage();
    try {
      const [response] = await Promise.all([page.waitForResponse((r) => new URL(r.url()).pathname === '/pa/dossier/search'), page.goto(`${portal.igateUrl}/vi/dossier/search?size=20&page=9`)]);
      const codes = ((await response.json()) as { content: { code: string }[] }).content.map((entry) => entry.code);
      expect(codes).toHaveLength(20);
      await expect
        .poll(async () => {
          const stored = new Set((await readExtensionStore<{ code: string }>(browser.serviceWorker, 'dossiers')).map((d) => d.code));
          return codes.filter((code) => !stored.has(code));
        }, POLL)
        .toEqual([]);
      await expect.poll(() => page.locator('tr.mat-row tthc-badge[data-kind="dossier"]').count(), POLL).toBe(20);
    } finally {
      await page.close();
    }
  });

  it('unregisters them when the host is withdrawn in the browser, shows it as not allowed, and registers them again when it is granted back', async () => {
    await onExtensionsPage(browser, { withholdHosts: true });
    await expect.poll(() => registeredScripts(browser.serviceWorker), POLL).toEqual([]);
    await expect.poll(() => accessShown(options), POLL).toEqual([{ origin, text: REFUSED }]);
    expect(await options.locator('.portal-access [role="alert"]').textContent()).toBe(REFUSED);

    await onExtensionsPage(browser, { grantHost: HOST });
    await expect.poll(() => registeredScripts(browser.serviceWorker), POLL).toEqual(scriptsFor(`${origin}/*`));
    await expect.poll(() => accessShown(options), POLL).toEqual([{ origin, text: ALLOWED }]);
  });

  it('unregisters them when the address is taken off the list', async () => {
    await saveOrigins(options, ['http://127.0.0.1:*']);
    await expect.poll(() => registeredScripts(browser.serviceWorker), POLL).toEqual([]);
    await expect.poll(() => accessShown(options), POLL).toEqual([]);
  });
});

describe('a portal address the browser has not granted', () => {
  let portal: DemoPortal;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    portal = await startDemoPortal({ host: '127.0.0.2' });
    browser = await launchWithExtension();
  });

  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  });

  it('is kept on the list and shown as not allowed, with a way to ask again, and no script runs there', async () => {
    const origin = new URL(portal.igateUrl).origin;
    const options = await browser.openExtensionPage('options.html');
    // The click asks the browser; headless Chromium's prompt stays unanswered, so the host is not granted.
    await saveOrigins(options, ['http://127.0.0.1:*', origin]);
    await expect.poll(() => accessShown(options), POLL).toEqual([{ origin, text: REFUSED }]);
    await options.reload();
    expect(await options.locator('textarea[name="portalOrigins"]').inputValue()).toBe(`http://127.0.0.1:*\n${origin}`);
    await expect.poll(() => accessShown(options), POLL).toEqual([{ origin, text: REFUSED }]);
    expect(await options.getByRole('button', { name: 'Xin quyền lại' }).count()).toBe(1);
    expect(await browser.serviceWorker.evaluate((o) => (globalThis as unknown as { chrome: ChromeApis }).chrome.permissions.contains({ origins: [`${o}/*`] }), origin)).toBe(false);
    expect(await registeredScripts(browser.serviceWorker)).toEqual([]);
  });
});
