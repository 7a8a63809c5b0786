// The offscreen document: home of the unit's board (see extension/board/offscreenReplica.ts).
// It asks the background for the settings, and asks again whenever told they changed; only the
// answer to the latest question counts, so a slow answer with old settings never wins.
import { browser } from 'wxt/browser';
import { readBoardSettings, type BoardSettings } from '../../board/boardSettings.ts';
import { settingsChangedSchema } from '../../board/channel.ts';
import { OffscreenReplica } from '../../board/offscreenReplica.ts';

let replica: OffscreenReplica | null = null;
let opened = '';
let switching: Promise<void> = Promise.resolve();
let asked = 0;

function open(settings: BoardSettings): void {
  const key = JSON.stringify(settings);
  if (key === opened) return;
  opened = key;
  switching = switching
    .then(async () => {
      await replica?.destroy();
      replica = new OffscreenReplica(settings);
      await replica.start();
    })
    // One failed switch must not stop the next settings from opening the board.
    .catch((error: unknown) => console.error('[board] could not open the board', error));
}

async function refresh(): Promise<void> {
  const question = ++asked;
  const settings: unknown = await browser.runtime.sendMessage({ type: 'board:get-settings' });
  if (question === asked) open(readBoardSettings(settings));
}

browser.runtime.onMessage.addListener((message: unknown) => {
  if (!settingsChangedSchema.safeParse(message).success) return undefined;
  void refresh();
  // The answer tells the background its notice arrived.
  return Promise.resolve({ ok: true });
});

void refresh();
