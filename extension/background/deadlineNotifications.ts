// The deadline notification: one desktop notification summarising what needs the officer's
// attention (the unit's overdue and due-soon dossiers, publication steps overdue or due soon).
// Shown once a Vietnam day, the first time the browser is up after 08:00 (an alarm at 08:00, and a
// check whenever the background starts, since the browser may have been closed at 08:00), and
// again after a capture that makes the unit's overdue count grow. Checks run one after another,
// so a start-up check and the alarm cannot both claim the day.
import { browser } from 'wxt/browser';
import { addDays, todayInVietnam } from '../../shared/time/dates.ts';
import type { TthcDatabase } from '../db/database.ts';
import { countDossierAttention } from '../db/overdue.ts';
import { countPublicationAttention } from '../db/publicationSummaries.ts';
import { loadSettings, saveSetting, type Settings } from '../db/settings.ts';
import { reportDeadlineToAnnounce } from '../../shared/report/deadlines.ts';
import { deadlineDigest } from './deadlineDigest.ts';
import { afterCapturesTimer } from './settleTimer.ts';

const ALARM = 'deadline-notice-daily';
const NOTIFICATION = 'deadline-digest';

export interface DeadlineNotifications {
  /** The daily check as the 08:00 alarm runs it; `now` lets the browser tests pick the hour. */
  checkDaily(now?: Date): Promise<void>;
  /** After a stored batch: notify if the unit's overdue count grew (debounced like the badge). */
  afterCaptureSoon(): void;
}

function noticeTime(day: string): number {
  return Date.parse(`${day}T08:00:00+07:00`);
}

function nextNoticeTime(now: Date): number {
  const today = todayInVietnam(now);
  return now.getTime() < noticeTime(today) ? noticeTime(today) : noticeTime(addDays(today, 1));
}

export function startDeadlineNotifications(db: TthcDatabase): DeadlineNotifications {
  let queue: Promise<void> = Promise.resolve();
  let knownOverdue: number | null = null;

  /** Runs checks one at a time; a failed check is logged and does not stop the next. */
  function enqueue(check: () => Promise<void>): Promise<void> {
    queue = queue.then(check).catch((error: unknown) => console.warn('tthc-desk: deadline notification failed', error));
    return queue;
  }

  async function notify(settings: Settings, today: string): Promise<number> {
    const [dossiers, steps] = await Promise.all([
      countDossierAttention(db, settings, today),
      countPublicationAttention(db, today, settings.dueSoonWorkingDays),
    ]);
    const reportDue = settings.unitKind === null ? null : reportDeadlineToAnnounce(today, settings.unitKind);
    const attention = { overdueDossiers: dossiers.overdue, dueSoonDossiers: dossiers.dueSoon, overdueSteps: steps.overdue, dueSoonSteps: steps.dueSoon, reportDue };
    const digest = deadlineDigest(attention, settings.dueSoonWorkingDays, settings.locale);
    if (digest) {
      await browser.notifications.create(NOTIFICATION, {
        type: 'basic', iconUrl: browser.runtime.getURL('/notification-icon.png'), title: digest.title, message: digest.message, priority: 1,
      });
    }
    return dossiers.overdue;
  }

  function checkDaily(now = new Date()): Promise<void> {
    return enqueue(async () => {
      const today = todayInVietnam(now);
      if (now.getTime() < noticeTime(today)) return;
      const settings = await loadSettings(db);
      if (settings.deadlineCheckedOn === today) return;
      await saveSetting(db, 'deadlineCheckedOn', today);
      if (settings.deadlineNotifications) knownOverdue = await notify(settings, today);
    });
  }

  function afterCapture(): Promise<void> {
    return enqueue(async () => {
      const settings = await loadSettings(db);
      const today = todayInVietnam();
      const { overdue } = await countDossierAttention(db, settings, today);
      if (settings.deadlineNotifications && knownOverdue !== null && overdue > knownOverdue) await notify(settings, today);
      knownOverdue = overdue;
    });
  }

  const afterCaptures = afterCapturesTimer(() => void afterCapture());
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void checkDaily();
  });
  // sidePanel.open needs a user gesture; a notification click is one, but the call must come
  // before any await. Where the panel cannot open (no window, an older browser) it opens in a tab.
  browser.notifications.onClicked.addListener((id) => {
    if (id !== NOTIFICATION) return;
    browser.sidePanel.open({ windowId: browser.windows.WINDOW_ID_CURRENT })
      .catch(() => browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html') }))
      .finally(() => void browser.notifications.clear(id));
  });
  void browser.alarms.create(ALARM, { when: nextNoticeTime(new Date()), periodInMinutes: 24 * 60 });
  // The overdue count a later capture is compared with; the start-up check also runs first.
  void enqueue(async () => {
    const settings = await loadSettings(db);
    knownOverdue = (await countDossierAttention(db, settings, todayInVietnam())).overdue;
  });
  void checkDaily();

  return {
    checkDaily,
    afterCaptureSoon: () => afterCaptures.poke(),
  };
}
