// Started from the background: keeps one offscreen document alive as the board's home (its
// websocket survives the service worker's idle stops and a closed side panel). The document reads
// and watches the board settings in the extension's database itself.
import { browser, type Browser } from 'wxt/browser';
import type { TthcDatabase } from '../db/database.ts';
import { boardRuntimeMessageSchema } from './channel.ts';
import { moveLegacyBoardSettings } from './legacySettings.ts';

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

/** One call from the background's start: the offscreen board replica runs from then on. */
export function startBoardSync(db: TthcDatabase): void {
  browser.runtime.onMessage.addListener((message: unknown) => {
    if (!boardRuntimeMessageSchema.safeParse(message).success) return undefined;
    return ensureOffscreen().then(() => ({ ok: true }));
  });
  void moveLegacyBoardSettings(db)
    .catch((error: unknown) => console.error('[board] could not move the old board settings', error))
    .then(ensureOffscreen);
}
