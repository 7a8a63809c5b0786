// Watching the extension's notifications from its service worker: what Chrome's notification
// centre holds, and what the background asked Chrome to show (recorded on its way to the real API).
import type { ExtensionBrowser } from './browser.ts';

type Worker = ExtensionBrowser['serviceWorker'];
export interface ShownNotice { title: string; message: string }
interface NotificationsApi {
  create(id: string, options: ShownNotice): Promise<string>;
  getAll(): Promise<Record<string, boolean>>;
  clear(id: string): Promise<boolean>;
}
type Scope = { chrome: { notifications: NotificationsApi }; shownNotices: ShownNotice[] };

/** Runs the background's daily deadline check as if it were `now` (ISO instant). */
export const checkDaily = (worker: Worker, now: string) =>
  worker.evaluate((at) => (globalThis as unknown as { tthcDeskCheckDeadlines(now: string): Promise<void> }).tthcDeskCheckDeadlines(at), now);

/** From now on, every notification the background creates is also recorded. */
export const recordNotices = (worker: Worker) =>
  worker.evaluate(() => {
    const scope = globalThis as unknown as Scope;
    const notifications = scope.chrome.notifications;
    const create = notifications.create.bind(notifications);
    scope.shownNotices = [];
    notifications.create = (id, options) => {
      scope.shownNotices.push({ title: options.title, message: options.message });
      return create(id, options);
    };
  });

export const recordedNotices = (worker: Worker) => worker.evaluate(() => (globalThis as unknown as Scope).shownNotices);
export const shownIds = (worker: Worker) => worker.evaluate(async () => Object.keys(await (globalThis as unknown as Scope).chrome.notifications.getAll()));
export const clearNotice = (worker: Worker, id: string) => worker.evaluate((notice) => (globalThis as unknown as Scope).chrome.notifications.clear(notice), id);
