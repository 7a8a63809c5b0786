// Reads the extension's Dexie database (IndexedDB in the extension's own origin) from its service
// worker or one of its pages with plain IndexedDB, so tests see exactly what was committed, not
// what a page shows.
import type { Worker } from 'playwright-core';
import type { StoredDossier } from '../../extension/db/database.ts';
import { talliesOf, tallyRows } from '../../extension/db/dossierIndex.ts';

/** The service worker or an extension page (both evaluate in the extension's origin). */
type ExtensionContext = Pick<Worker, 'evaluate'>;

export async function readExtensionStore<T>(worker: ExtensionContext, store: string): Promise<T[]> {
  return worker.evaluate(async (storeName) => {
    const known = await indexedDB.databases();
    if (!known.some((db) => db.name === 'tthc-desk')) return [];
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('tthc-desk');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      if (!db.objectStoreNames.contains(storeName)) return [];
      return await new Promise<T[]>((resolve, reject) => {
        const request = db.transaction(storeName).objectStore(storeName).getAll();
        request.onsuccess = () => resolve(request.result as T[]);
        request.onerror = () => reject(request.error);
      });
    } finally {
      db.close();
    }
  }, store);
}

/** Writes rows into a store of the extension's database (settings a test needs, like the options page would). */
export async function putExtensionRows(worker: ExtensionContext, store: string, rows: unknown[]): Promise<void> {
  await worker.evaluate(
    async ({ storeName, values }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('tthc-desk');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      try {
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction(storeName, 'readwrite');
          for (const value of values) tx.objectStore(storeName).put(value);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
      } finally {
        db.close();
      }
    },
    { storeName: store, values: rows },
  );
}

/**
 * Writes dossiers into an empty dossier store as the background stores them: each row with its
 * index fields (give rows from sampleDossier) and the tallies the panel's counts read.
 */
export async function putStoredDossiers(worker: ExtensionContext, dossiers: StoredDossier[]): Promise<void> {
  await putExtensionRows(worker, 'dossiers', dossiers);
  const { shared, units } = tallyRows(talliesOf(dossiers));
  await putExtensionRows(worker, 'dossierTallies', shared);
  await putExtensionRows(worker, 'unitTallies', units);
}
