// Feature: a timeliness badge on every dossier row (sớm hạn, đúng hạn, trễ hạn N ngày, còn N ngày
// làm việc, sắp đến hạn, quá hạn N ngày). Returns what the summary chip counts.
import { dossierTimeliness, type Timeliness } from '../../shared/dossier/timeliness.ts';
import { t } from '../../shared/i18n/i18n.ts';
import type { CalendarDate } from '../../shared/time/dates.ts';
import type { PageRow } from '../../shared/portal/types.ts';
import type { DossierDates } from '../messaging/messages.ts';
import { showBadge } from './badgeHost.ts';
import { timelinessLabel } from './timelinessLabel.ts';

export interface DossierBadgeTally {
  overdue: number;
  dueSoon: number;
  /** Rows whose dossier is not known yet: the caller looks them up and draws again. */
  unknownCodes: string[];
}

/**
 * Timeliness depends only on the appointment and return instants (and today): memoised for the
 * day, so re-rendered tables, paging back and many dossiers due the same day cost a lookup.
 */
let memo: { day: string; byDates: Map<string, Timeliness> } = { day: '', byDates: new Map() };

function timelinessOf(dates: DossierDates, context: { today: CalendarDate; dueSoonWorkingDays: number }): Timeliness {
  const day = `${context.today}|${context.dueSoonWorkingDays}`;
  if (memo.day !== day) memo = { day, byDates: new Map() };
  const key = `${dates.appointmentAt}|${dates.returnedAt}`;
  let timeliness = memo.byDates.get(key);
  if (!timeliness) {
    timeliness = dossierTimeliness(dates, context);
    memo.byDates.set(key, timeliness);
  }
  return timeliness;
}

export function drawDossierBadges(
  rows: readonly PageRow[],
  datesOf: (code: string) => DossierDates | undefined,
  context: { today: CalendarDate; dueSoonWorkingDays: number },
): DossierBadgeTally {
  const tally: DossierBadgeTally = { overdue: 0, dueSoon: 0, unknownCodes: [] };
  for (const row of rows) {
    const code = row.dossierCode;
    if (!code) continue;
    const dates = datesOf(code);
    if (!dates) {
      tally.unknownCodes.push(code);
      continue;
    }
    const timeliness = timelinessOf(dates, context);
    if (timeliness.state === 'overdue') tally.overdue += 1;
    if (timeliness.state === 'due_soon') tally.dueSoon += 1;
    const label = timelinessLabel(timeliness);
    showBadge(row.element, 'dossier', code, { ...label, label: t('capture.badge.label', { code, state: label.text }) });
  }
  return tally;
}
