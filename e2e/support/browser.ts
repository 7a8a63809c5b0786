// Starts Debian's Chromium with the built extension loaded unpacked, in a fresh profile, the way
// the browser tests and benchmarks need it. Playwright cannot open the real side panel, so pages
// of the extension are opened in tabs at chrome-extension://ID/<page>.html.
import { mkdtempSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const extensionDir = resolve(process.env.TTHC_EXTENSION_DIR ?? join(import.meta.dirname, '..', '..', '.output', 'chrome-mv3'));

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  openExtensionPage(page: string): Promise<Page>;
  close(): Promise<void>;
}

/** Whether a build's content scripts run on the demo portal (a development or test build). */
export function knowsDemoPortal(dir: string): boolean {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { content_scripts?: { matches?: string[] }[] };
  return (manifest.content_scripts ?? []).some((script) => script.matches?.includes('http://127.0.0.1/*'));
}

/**
 * `extensionDir`: another copy of the build (a test that needs a changed manifest); the build itself by default.
 * `release`: the build is a release build on purpose (it does not know the demo portal).
 */
export async function launchWithExtension(options: { profileDir?: string; extensionDir?: string; release?: boolean } = {}): Promise<ExtensionBrowser> {
  const dir = options.extensionDir ?? extensionDir;
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`No built extension at ${dir}: run "TTHC_LOCAL_PORTALS=1 npx wxt build" first.`);
  }
  if (!options.release && !knowsDemoPortal(dir)) {
    throw new Error(`The extension at ${dir} is a release build, blind to the demo portal: build it with "TTHC_LOCAL_PORTALS=1 npx wxt build".`);
  }
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'tthc-desk-profile-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context,
    extensionId,
    serviceWorker,
    async openExtensionPage(page: string) {
      const tab = await context.newPage();
      await tab.goto(`chrome-extension://${extensionId}/${page}`);
      return tab;
    },
    async close() {
      await context.close();
      if (!options.profileDir) rmSync(profileDir, { recursive: true, force: true });
    },
  };
}
