// The background: the only writer of the database. Content scripts and extension pages talk to it
// by message; every message is parsed first (a content script runs beside an untrusted page).
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { openDatabase } from '../db/database.ts';
import { createRequestHandler } from '../background/requestHandler.ts';
import { startDeadlineNotifications } from '../background/deadlineNotifications.ts';
import { startOverdueBadge } from '../background/overdueBadge.ts';
import { startPhaseIndex } from '../background/phaseIndex.ts';
import { startPortalScripts } from '../background/portalScripts.ts';
import { requestSchema } from '../messaging/messages.ts';
import { startBoardSync } from '../board/launcher.ts';
import { startManagedPolicy } from '../background/managedPolicy.ts';

export default defineBackground(() => {
  const db = openDatabase();
  startManagedPolicy(db);
  const badge = startOverdueBadge(db);
  const notices = startDeadlineNotifications(db);
  // Paused and closed dossiers are settled in the index by the unit's status names: a change of them re-derives it.
  startPhaseIndex(db, () => badge.refreshSoon());
  const requests = createRequestHandler(db, {
    onStored: () => {
      badge.refreshSoon();
      notices.afterCaptureSoon();
    },
  });
  // The browser tests (and a support person in the service worker's console) run the daily check at a chosen hour.
  Object.assign(globalThis, { tthcDeskCheckDeadlines: (now?: string) => notices.checkDaily(now === undefined ? undefined : new Date(now)) });
  startPortalScripts(db);
  startBoardSync(db);

  // A native promise (async function) is what Chrome waits for; a Dexie promise would reply undefined.
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const parsed = requestSchema.safeParse(message);
    if (!parsed.success) return undefined;
    const page = sender.tab && sender.url ? new URL(sender.url) : null;
    return requests.handle(parsed.data, page).then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error: error instanceof Error ? error.message : String(error) }),
    );
  });
});
