// A side panel's first look at the board: the updates y-indexeddb stored for it, read directly
// (read-only) so the board renders without waiting for the offscreen document to answer. A
// database that does not exist yet is never created here: y-indexeddb creates its stores when it
// first opens it, and an empty database made by someone else would have none.
const UPDATES = 'updates';

export async function readStoredUpdates(name: string): Promise<Uint8Array[]> {
  const known = await indexedDB.databases();
  if (!known.some((db) => db.name === name)) return [];
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  try {
    if (!db.objectStoreNames.contains(UPDATES)) return [];
    return await new Promise<Uint8Array[]>((resolve, reject) => {
      const request = db.transaction(UPDATES, 'readonly').objectStore(UPDATES).getAll();
      request.onsuccess = () => resolve(request.result as Uint8Array[]);
      request.onerror = () => reject(request.error);
    });
  } finally {
    db.close();
  }
}
