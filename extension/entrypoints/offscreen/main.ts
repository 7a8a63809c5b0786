// The offscreen document: home of the unit's board (see extension/board/offscreenReplica.ts).
// It asks the background for the settings and reopens the board when they change.
import { browser } from 'wxt/browser';
import { readBoardSettings, type BoardSettings } from '../../board/boardSettings.ts';
import { settingsChangedSchema } from '../../board/channel.ts';
import { OffscreenReplica } from '../../board/offscreenReplica.ts';

let replica: OffscreenReplica | null = null;
let switching: Promise<void> = Promise.resolve();

function open(settings: BoardSettings): void {
  switching = switching
    .then(async () => {
      await replica?.destroy();
      replica = new OffscreenReplica(settings);
      await replica.start();
    })
    // One failed switch must not stop the next settings from opening the board.
    .catch((error: unknown) => console.error('[board] could not open the board', error));
}

browser.runtime.onMessage.addListener((message: unknown) => {
  const parsed = settingsChangedSchema.safeParse(message);
  if (parsed.success) open(readBoardSettings(parsed.data.settings));
  return undefined;
});

void browser.runtime.sendMessage({ type: 'board:get-settings' }).then((settings: unknown) => open(readBoardSettings(settings)));
