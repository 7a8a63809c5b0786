// An officer updating from a build that kept the board settings in chrome.storage.local: once the
// browser starts again with the new build, the server, unit, token and name are in the settings
// table the board now reads, the board tab opens that unit's board, and the old copy is gone.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from './support/browser.ts';
import { readExtensionStore } from './support/extensionDb.ts';
import { openBoard } from './support/board.ts';

const poll = { timeout: 20_000, interval: 100 };
const token = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJsYW4iLCJ1bml0Ijoic28tdHUtcGhhcCJ9.c2lnbmF0dXJl';
const legacy = { server: 'ws://127.0.0.1:9', unit: 'so-tu-phap', token, name: 'Lan' };
type LocalArea = { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void> };

describe('board settings kept by an earlier build', () => {
  const profileDir = mkdtempSync(join(tmpdir(), 'tthc-upgrade-profile-'));
  let browser: ExtensionBrowser | undefined;
  afterAll(async () => {
    await browser?.close();
    rmSync(profileDir, { recursive: true, force: true });
  });

  it('move into the settings table when the browser starts again, and leave chrome.storage', async () => {
    const earlier = await launchWithExtension({ profileDir });
    await earlier.serviceWorker.evaluate(async (settings) => {
      await (globalThis as unknown as { chrome: { storage: { local: LocalArea } } }).chrome.storage.local.set({ boardSettings: settings });
    }, legacy);
    await earlier.close();

    browser = await launchWithExtension({ profileDir });
    const worker = browser.serviceWorker;
    await expect.poll(async () => (await readExtensionStore<{ key: string; value: unknown }>(worker, 'settings')).find((row) => row.key === 'board')?.value, poll).toEqual(legacy);
    const left = await worker.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: LocalArea } } }).chrome.storage.local.get('boardSettings'));
    expect(left).toEqual({});
    // The board tab uses them: it tries the saved server (nobody answers at port 9).
    const panel = await openBoard(browser);
    await expect.poll(() => panel.locator('[data-sync-state]').getAttribute('data-sync-state'), poll).toBe('offline');
  });
});
