// The unit boards in the extension's data file: each board's IndexedDB copy as one Yjs state, and
// back. A state merges into a board as any Yjs update does, so what the board already holds is
// never duplicated. The board the offscreen document has open also receives it on the board
// channel, so it is synced to the server without waiting for a restart.
import * as Y from 'yjs';
import { BOARD_CHANNEL, type ChannelMessage } from './channel.ts';
import { openBoardPersistence } from './boardPersistence.ts';
import { readStoredUpdates } from './storedUpdates.ts';

const BOARD_DATABASE_PREFIX = 'tthc-board:';

export async function exportBoards(): Promise<Record<string, string>> {
  const names = (await indexedDB.databases()).map((db) => db.name ?? '').filter((name) => name.startsWith(BOARD_DATABASE_PREFIX));
  const boards: Record<string, string> = {};
  for (const name of names.sort()) {
    const updates = await readStoredUpdates(name);
    if (updates.length > 0) boards[name] = toBase64(Y.mergeUpdates(updates));
  }
  return boards;
}

export async function importBoards(boards: Record<string, string>): Promise<void> {
  const channel = new BroadcastChannel(BOARD_CHANNEL);
  try {
    for (const [name, state] of Object.entries(boards)) {
      if (!name.startsWith(BOARD_DATABASE_PREFIX)) continue;
      const update = fromBase64(state);
      const doc = new Y.Doc();
      const persistence = await openBoardPersistence(name, doc);
      Y.applyUpdate(doc, update);
      // Closing waits for the write of the update to finish.
      await persistence.destroy();
      doc.destroy();
      channel.postMessage({ t: 'update', board: name, from: 'import', update } satisfies ChannelMessage);
    }
  } finally {
    channel.close();
  }
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
}
