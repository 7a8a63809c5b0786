// Started from the background: keeps one offscreen document alive as the board's home (its
// websocket survives the service worker's idle stops and a closed side panel), and hands it the
// board settings, since an offscreen document can reach chrome.runtime but not chrome.storage.
import { browser, type Browser } from 'wxt/browser';
import { BOARD_SETTINGS_KEY, loadBoardSettings } from './boardSettings.ts';
import { boardRuntimeMessageSchema } from './channel.ts';

const OFFSCREEN_PATH = 'offscreen.html';
let creating: Promise<void> | null = null;

async function ensureOffscreen(): Promise<void> {
  const url = browser.runtime.getURL(`/${OFFSCREEN_PATH}`);
  const existing = await browser.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT' as Browser.runtime.ContextType], documentUrls: [url] });
  if (existing.length > 0) return;
  creating ??= browser.offscreen
    .createDocument({
      url: OFFSCREEN_PATH,
      reasons: ['WORKERS' as Browser.offscreen.Reason],
      justification: 'Keeps the unit task board (Yjs) stored and synced with its server while no extension page is open.',
    })
    .finally(() => {
      creating = null;
    });
  await creating;
}

/**
 * Tells the offscreen document to read the settings again. Its script may not be listening yet
 * right after creation (the message then has no receiver), so the notice is retried a few times.
 */
async function notifyOffscreen(): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const answer: unknown = await browser.runtime.sendMessage({ type: 'board:settings-changed' }).catch(() => null);
    if (answer !== null && answer !== undefined) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** One call from the background's start: the offscreen board replica runs from then on. */
export function startBoardSync(): void {
  browser.runtime.onMessage.addListener((message: unknown) => {
    const parsed = boardRuntimeMessageSchema.safeParse(message);
    if (!parsed.success) return undefined;
    // A panel opening also makes the offscreen document check the settings again (in case a notice
    // of a change reached it before its listener was there).
    if (parsed.data.type === 'board:ensure-sync') return ensureOffscreen().then(notifyOffscreen).then(() => ({ ok: true }));
    return loadBoardSettings();
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !(BOARD_SETTINGS_KEY in changes)) return;
    void ensureOffscreen().then(notifyOffscreen);
  });
  void ensureOffscreen();
}
