// Moving an officer to a new computer: everything the extension stores goes into one file on the
// options page and comes back on a fresh profile; loading the same file again adds nothing.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readBoard } from '../shared/board/reader.ts';
import { t } from '../shared/i18n/i18n.ts';
import { tempDir } from '../test-support/sync-server.ts';
import { addTask, boardOf, openBoard } from './support/board.ts';
import { launchWithExtension } from './support/browser.ts';
import { readExtensionStore } from './support/extensionDb.ts';

const dir = tempDir('extension-data');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Rows of the auto-numbered tables, as capture writes them (seeded directly: no portal needed). */
async function seedObservations(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('tthc-desk');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const transaction = db.transaction(['statusObservations', 'procedureFirstSeen'], 'readwrite');
    transaction.objectStore('statusObservations').add({ dossierCode: 'H48.01-261201-0001', status: 'Đang xử lý', seenAt: '2026-12-01T09:00:00+07:00' });
    transaction.objectStore('procedureFirstSeen').put({ procedureCode: '1.001234', firstSeenOn: '2026-12-01' });
    await new Promise((resolve) => (transaction.oncomplete = resolve));
    db.close();
  });
}

/** Task titles of a board as its IndexedDB copy holds them (what the offscreen document stored). */
async function storedTitles(page: Page, board: string): Promise<string[]> {
  const updates = await page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      if (!db.objectStoreNames.contains('updates')) return [];
      const rows = await new Promise<Uint8Array[]>((resolve, reject) => {
        const request = db.transaction('updates').objectStore('updates').getAll();
        request.onsuccess = () => resolve(request.result as Uint8Array[]);
        request.onerror = () => reject(request.error);
      });
      return rows.map((row) => [...row]);
    } finally {
      db.close();
    }
  }, board);
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, new Uint8Array(update));
  return readBoard(doc).tasks.map((task) => task.title);
}

/** The unit the test saves on the options page: one agency code, no name. */
const unit = { name: null, agencyCodes: ['000.00.53.H48'] };

const rowsWithoutId = (rows: Record<string, unknown>[]) => rows.map(({ id: _id, ...row }) => row);

describe("the extension's data file", () => {
  it('carries settings, captured records and the board to a new profile, and a second import adds nothing', async () => {
    const old = await launchWithExtension();
    let file: string;
    try {
      const options = await old.openExtensionPage('options.html');
      await options.fill('input[name="unitAgencyCodes"]', '000.00.53.H48');
      await options.locator('input[name="unitAgencyCodes"]').press('Enter');
      await expect.poll(async () => (await readExtensionStore<{ key: string; value: unknown }>(old.serviceWorker, 'settings')).find((row) => row.key === 'unit')?.value).toEqual(unit);
      await seedObservations(options);
      const panel = await openBoard(old);
      await addTask(panel, 'Công bố TTHC mới');
      await expect.poll(() => storedTitles(options, 'tthc-board:local'), { timeout: 10_000 }).toEqual(['Công bố TTHC mới']);
      const download = options.waitForEvent('download');
      await options.getByRole('button', { name: t('transfer.export', {}, 'vi') }).click();
      file = join(dir, 'tthc-desk.json');
      await (await download).saveAs(file);
      expect(Object.keys(JSON.parse(readFileSync(file, 'utf8')).boards)).toEqual(['tthc-board:local']);
    } finally {
      await old.close();
    }

    const fresh = await launchWithExtension();
    try {
      const options = await fresh.openExtensionPage('options.html');
      /** Loads the file; [added, skipped] as the page reports them. */
      const load = async () => {
        await options.locator('input[name="transfer-import"]').setInputFiles(file);
        const text = await options.getByRole('status').filter({ hasText: /Đã nạp/ }).textContent();
        return /(\d+)\D+(\d+)/.exec(text ?? '')!.slice(1).map(Number);
      };
      const [added, skipped] = await load();
      expect(added).toBeGreaterThanOrEqual(3);
      const settings = await readExtensionStore<{ key: string; value: unknown }>(fresh.serviceWorker, 'settings');
      expect(settings.find((row) => row.key === 'unit')?.value).toEqual(unit);
      const observations = await readExtensionStore<Record<string, unknown>>(fresh.serviceWorker, 'statusObservations');
      expect(rowsWithoutId(observations)).toEqual([{ dossierCode: 'H48.01-261201-0001', status: 'Đang xử lý', seenAt: '2026-12-01T09:00:00+07:00' }]);
      expect(await storedTitles(options, 'tthc-board:local')).toEqual(['Công bố TTHC mới']);
      const panel = await openBoard(fresh);
      await expect.poll(async () => Object.values(await boardOf(panel)).flat(), { timeout: 10_000 }).toEqual(['Công bố TTHC mới']);

      // The same file again: nothing new, nothing doubled.
      await options.reload();
      expect(await load()).toEqual([0, added! + skipped!]);
      expect(await readExtensionStore(fresh.serviceWorker, 'statusObservations')).toHaveLength(1);
      await panel.reload();
      await panel.getByRole('tab', { name: t('board.tab', {}, 'vi') }).click();
      await expect.poll(async () => Object.values(await boardOf(panel)).flat(), { timeout: 10_000 }).toEqual(['Công bố TTHC mới']);
      expect(await storedTitles(options, 'tthc-board:local')).toEqual(['Công bố TTHC mới']);
    } finally {
      await fresh.close();
    }
  });
});
