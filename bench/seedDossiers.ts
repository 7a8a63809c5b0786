// Invented dossiers written straight into the extension's IndexedDB from one of its pages, for
// the side panel benchmarks (panel.bench.ts, collect.bench.ts).
import type { Page } from 'playwright-core';

/** Invented dossiers over 40 procedures and 30 agencies, spread 20 days either side of now. */
export async function seedDossiers(page: Page, count: number): Promise<void> {
  await page.evaluate(async (n) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('tthc-desk');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tx = db.transaction(['dossiers'], 'readwrite');
    const store = tx.objectStore('dossiers');
    store.clear();
    const now = Date.now();
    const day = 86_400_000;
    const iso = (value: number) => new Date(value).toISOString();
    for (let i = 0; i < n; i += 1) {
      const appointment = now + ((i % 40) - 20) * day;
      store.put({
        code: `000.00.${10 + (i % 30)}.H48-2411${String((i % 28) + 1).padStart(2, '0')}-${String(i).padStart(5, '0')}`,
        portalId: null,
        site: 'igate',
        procedureCode: `1.00${1000 + (i % 40)}`,
        procedureName: `Thủ tục ${i % 40}`,
        agency: `Cơ quan ${i % 30}`,
        agencyCode: null,
        status: i % 3 === 2 ? 'Đã trả kết quả' : 'Đang xử lý',
        statusId: null,
        acceptedAt: iso(appointment - 10 * day),
        appointmentAt: i % 97 === 0 ? null : iso(appointment),
        returnedAt: i % 3 === 2 ? iso(appointment + ((i % 5) - 2) * day) : null,
        channel: 'online',
        paidOnline: null,
        firstSeenAt: iso(now),
        lastSeenAt: iso(now),
      });
    }
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, count);
}

