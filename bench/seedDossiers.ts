// Invented dossiers written straight into the extension's IndexedDB from one of its pages, for
// the side panel benchmarks (panel.bench.ts, collect.bench.ts): each row as the background stores
// it (instants in Vietnam time, index fields derived by extension/db/dossierIndex.ts, tallies kept).
import type { Page } from 'playwright-core';
import type { StoredDossier } from '../extension/db/database.ts';
import { TallyChanges, tallyRows, type DossierTally, type UnitTally } from '../extension/db/dossierIndex.ts';
import { sampleDossier } from '../extension/entrypoints/sidepanel/dossiers/sampleDossier.ts';
import { toVietnamIso } from '../shared/time/dates.ts';

/** Rows per page.evaluate: one message of 100,000 rows would be tens of megabytes. */
const CHUNK = 10_000;

/** Invented dossier i over 40 procedures and 30 agencies, spread 20 days either side of now. */
function invented(i: number, now: number): StoredDossier {
  const day = 86_400_000;
  const iso = (value: number) => toVietnamIso(new Date(value));
  const appointment = now + ((i % 40) - 20) * day;
  return sampleDossier(`000.00.${10 + (i % 30)}.H48-2411${String((i % 28) + 1).padStart(2, '0')}-${String(i).padStart(5, '0')}`, {
    procedureCode: `1.00${1000 + (i % 40)}`,
    procedureName: `Thủ tục ${i % 40}`,
    agency: `Cơ quan ${i % 30}`,
    agencyCode: null,
    status: i % 3 === 2 ? 'Đã trả kết quả' : 'Đang xử lý',
    acceptedAt: iso(appointment - 10 * day),
    appointmentAt: i % 97 === 0 ? null : iso(appointment),
    returnedAt: i % 3 === 2 ? iso(appointment + ((i % 5) - 2) * day) : null,
    firstSeenAt: iso(now),
    lastSeenAt: iso(now),
  });
}

async function write(page: Page, store: string, rows: (StoredDossier | DossierTally | UnitTally)[], clear: boolean): Promise<void> {
  await page.evaluate(async ({ storeName, values, clearFirst }) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('tthc-desk');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tx = db.transaction([storeName], 'readwrite');
    const store = tx.objectStore(storeName);
    if (clearFirst) store.clear();
    for (const value of values) store.put(value);
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, { storeName: store, values: rows, clearFirst: clear });
}

export async function seedDossiers(page: Page, count: number): Promise<void> {
  const now = Date.now();
  const tallies = new TallyChanges();
  for (let start = 0; start === 0 || start < count; start += CHUNK) {
    const rows = Array.from({ length: Math.min(CHUNK, count - start) }, (_, k) => invented(start + k, now));
    for (const row of rows) tallies.replace(undefined, row);
    await write(page, 'dossiers', rows, start === 0);
  }
  const { shared, units } = tallyRows(tallies.changes.values());
  await write(page, 'dossierTallies', shared, true);
  await write(page, 'unitTallies', units, true);
}
