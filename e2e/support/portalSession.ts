// The demo portal and Chromium with the real extension, started once for a browser-test file and
// closed after it: the set-up the capture files share.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startDemoPortal, type DemoPortal } from '../../demo-portal/server.ts';
import { launchWithExtension, type ExtensionBrowser } from './browser.ts';

export interface PortalSession {
  portal: DemoPortal;
  browser: ExtensionBrowser;
  page: Page;
}

/** Registers the file's set-up and tear-down; `started` receives the session before the first test. */
export function withPortalSession(started: (session: PortalSession) => void): void {
  let portal: DemoPortal | undefined;
  let browser: ExtensionBrowser | undefined;
  beforeAll(async () => {
    portal = await startDemoPortal();
    browser = await launchWithExtension();
    started({ portal, browser, page: await browser.context.newPage() });
  });
  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  });
}
