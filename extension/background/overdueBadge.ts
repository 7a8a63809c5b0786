// The toolbar badge: how many of the unit's dossiers are overdue. Recomputed once stored batches
// settle (a page of 10,000 rows arrives in several batches; a period collection stores a page every
// fraction of a second: then every few seconds) and each day at Vietnam midnight by an alarm,
// because a dossier becomes overdue without any capture.
import { liveQuery } from 'dexie';
import { browser } from 'wxt/browser';
import { t } from '../../shared/i18n/i18n.ts';
import { addDays, todayInVietnam } from '../../shared/time/dates.ts';
import type { TthcDatabase } from '../db/database.ts';
import { countDossierAttention } from '../db/overdue.ts';
import { loadSettings } from '../db/settings.ts';
import { coverageMessage, latestCoverage } from '../../shared/portalCoverage/coverage.ts';
import { afterCapturesTimer } from './settleTimer.ts';

const ALARM = 'overdue-badge-daily';

export interface OverdueBadge {
  refreshSoon(): void;
}

function nextVietnamMidnight(now: Date): number {
  return Date.parse(`${addDays(todayInVietnam(now), 1)}T00:00:00+07:00`);
}

export function startOverdueBadge(db: TthcDatabase): OverdueBadge {
  async function refresh(): Promise<void> {
    const settings = await loadSettings(db);
    const { overdue } = await countDossierAttention(db, settings, todayInVietnam());
    await browser.action.setBadgeText({ text: overdue === 0 ? '' : String(overdue) });
    // The tooltip says what the number is counted from: how much of the portal is captured.
    const coverage = coverageMessage(latestCoverage(await db.searchCoverage.toArray()));
    await browser.action.setTitle({ title: `${t('capture.toolbar.title', { count: overdue }, settings.locale)} · ${t(coverage.key, coverage.params, settings.locale)}` });
  }
  function refreshNow(): void {
    refresh().catch((error: unknown) => console.warn('tthc-desk: overdue count failed', error));
  }

  const afterCaptures = afterCapturesTimer(refreshNow);
  void browser.action.setBadgeBackgroundColor({ color: '#b3261e' });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) refreshNow();
  });
  void browser.alarms.create(ALARM, { when: nextVietnamMidnight(new Date()), periodInMinutes: 24 * 60 });
  // Dexie tells every context of the extension about writes, so a unit chosen on the options page
  // recounts here (the first answer is the count at start).
  liveQuery(() => loadSettings(db)).subscribe({ next: refreshNow, error: (error: unknown) => console.warn('tthc-desk: settings not readable', error) });

  return {
    refreshSoon: () => afterCaptures.poke(),
  };
}
