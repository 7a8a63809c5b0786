// An officer updating from a build that kept one tally row per agency code and key (database
// version 3): once the browser starts again with this build, each code's state and appointment-day
// tallies are one row of unitTallies with the same counts, the tallies of every unit at once
// (procedures with their names, agencies) stay where they were.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DossierTally, UnitTally } from '../extension/db/dossierIndex.ts';
import { indexedPhaseNamesRow } from '../extension/db/phaseIndex.ts';
import { defaultSettings } from '../extension/db/settings.ts';
import { launchWithExtension, type ExtensionBrowser } from './support/browser.ts';
import { readExtensionStore } from './support/extensionDb.ts';

const poll = { timeout: 20_000, interval: 100 };

/** Counts the earlier build kept, with no dossier behind them: only the upgrade can move them (a rebuild from the dossiers would give none). */
const earlierTallies: DossierTally[] = [
  { unitKey: '000.00.53.H48', key: 'open:2024-03-20', count: 2 },
  { unitKey: '000.00.53.H48', key: 'state:late', count: 1 },
  { unitKey: '000.00.20.H48', key: 'state:on_time', count: 4 },
  { unitKey: '', key: 'state:unknown', count: 3 },
  { unitKey: '*', key: 'procedure:1.001612', count: 3, label: 'Cấp giấy phép xây dựng' },
  { unitKey: '*', key: 'agency:Sở Xây dựng', count: 3 },
];

/**
 * Turns the extension's database back into version 3 (Dexie's version × 10), as the earlier build
 * left it: every store but unitTallies, with its rows, the tallies above, and the marker saying the
 * tallies follow the phase names in force (without it, the start derives them again from the dossiers).
 */
async function rewindToVersion3(browser: ExtensionBrowser, tallies: DossierTally[]): Promise<void> {
  await browser.serviceWorker.evaluate(async ({ tallies, marker }) => {
    const done = (request: IDBRequest) => new Promise<unknown>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const current = (await done(indexedDB.open('tthc-desk'))) as IDBDatabase;
    const names = [...current.objectStoreNames].filter((name) => name !== 'unitTallies');
    const stores = await Promise.all(names.map(async (name) => {
      const store = current.transaction(name).objectStore(name);
      const indexes = [...store.indexNames].map((index) => ({ name: index, keyPath: store.index(index).keyPath, unique: store.index(index).unique, multiEntry: store.index(index).multiEntry }));
      return { name, keyPath: store.keyPath, autoIncrement: store.autoIncrement, indexes, rows: name === 'dossierTallies' ? tallies : name === 'settings' ? [marker] : ((await done(store.getAll())) as unknown[]) };
    }));
    current.close();
    // Asked in the same task as the deletion: requests to one database are served in the order
    // asked, so the extension's own connection, reopening once the deletion closed it, comes after
    // this one (and then upgrades version 3 itself, as the next start would).
    const deleted = done(indexedDB.deleteDatabase('tthc-desk'));
    const request = indexedDB.open('tthc-desk', 30);
    request.onupgradeneeded = () => {
      for (const store of stores) {
        const created = request.result.createObjectStore(store.name, { keyPath: store.keyPath, autoIncrement: store.autoIncrement });
        for (const index of store.indexes) created.createIndex(index.name, index.keyPath, { unique: index.unique, multiEntry: index.multiEntry });
        for (const row of store.rows) created.put(row);
      }
    };
    await deleted;
    (await done(request) as IDBDatabase).close();
  }, { tallies, marker: indexedPhaseNamesRow(defaultSettings) });
}

describe('tallies kept by an earlier build, one row per agency code and key', () => {
  const profileDir = mkdtempSync(join(tmpdir(), 'tthc-tally-upgrade-'));
  let browser: ExtensionBrowser | undefined;
  afterAll(async () => {
    await browser?.close();
    rmSync(profileDir, { recursive: true, force: true });
  });

  it('become one row per code with the same counts when the browser starts again, and the rest stays', async () => {
    const earlier = await launchWithExtension({ profileDir });
    await rewindToVersion3(earlier, earlierTallies);
    await earlier.close();

    browser = await launchWithExtension({ profileDir });
    const worker = browser.serviceWorker;
    // The side panel opens the database as this build declares it, and reads its counts.
    await (await browser.openExtensionPage('sidepanel.html')).locator('.tab-body').first().waitFor();
    await expect.poll(async () => (await readExtensionStore<UnitTally>(worker, 'unitTallies')).sort((a, b) => a.unitKey.localeCompare(b.unitKey)), poll).toEqual([
      { unitKey: '', counts: { 'state:unknown': 3 } },
      { unitKey: '000.00.20.H48', counts: { 'state:on_time': 4 } },
      { unitKey: '000.00.53.H48', counts: { 'open:2024-03-20': 2, 'state:late': 1 } },
    ]);
    const byKey = (a: DossierTally, b: DossierTally) => a.key.localeCompare(b.key);
    expect((await readExtensionStore<DossierTally>(worker, 'dossierTallies')).sort(byKey)).toEqual(earlierTallies.filter((tally) => tally.unitKey === '*').sort(byKey));
  });
});
