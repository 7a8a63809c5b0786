// The offscreen document: home of the unit's board (see extension/board/offscreenReplica.ts).
// It watches the board settings in the extension's database (Dexie liveQuery: the options page's
// save reaches it directly) and reopens the board when they change; switches run one after
// another, so the board opened last is always the one the latest settings name.
import { liveQuery } from 'dexie';
import type { BoardSettings } from '../../board/boardSettings.ts';
import { OffscreenReplica } from '../../board/offscreenReplica.ts';
import { openDatabase } from '../../db/database.ts';
import { loadSettings } from '../../db/settings.ts';

const db = openDatabase();
let replica: OffscreenReplica | null = null;
let opened = '';
let switching: Promise<void> = Promise.resolve();

function open(settings: BoardSettings): void {
  const key = JSON.stringify(settings);
  if (key === opened) return;
  opened = key;
  switching = switching
    .then(async () => {
      await replica?.destroy();
      replica = new OffscreenReplica(settings, db);
      await replica.start();
    })
    // One failed switch must not stop the next settings from opening the board.
    .catch((error: unknown) => console.error('[board] could not open the board', error));
}

liveQuery(() => loadSettings(db)).subscribe({
  next: (settings) => open(settings.board),
  error: (error: unknown) => console.error('[board] could not read the settings', error),
});
