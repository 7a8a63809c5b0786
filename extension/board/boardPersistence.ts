// Opens a board's IndexedDB copy with y-indexeddb. y-indexeddb listens to every doc update to store
// it; while it loads the stored board that listener skips the load (its own origin) but, merely by
// existing, makes Yjs encode the whole loaded document once more: on a 10,000-task board that
// doubles the cold open. So the listener is attached only once the load is done; anything that
// changed the doc meanwhile is stored by writing the full state once.
import type * as Y from 'yjs';
import { IndexeddbPersistence, storeState } from 'y-indexeddb';

export async function openBoardPersistence(name: string, doc: Y.Doc): Promise<IndexeddbPersistence> {
  const persistence = new IndexeddbPersistence(name, doc);
  doc.off('update', persistence._storeUpdate);
  let missed = false;
  const watch = (_update: Uint8Array, origin: unknown) => {
    if (origin !== persistence) missed = true;
  };
  doc.on('update', watch);
  try {
    await persistence.whenSynced;
  } finally {
    doc.off('update', watch);
    doc.on('update', persistence._storeUpdate);
  }
  if (missed) await storeState(persistence, true);
  return persistence;
}
