// Feature: a timeliness badge on every dossier row (sớm hạn, đúng hạn, trễ hạn N ngày làm việc,
// còn N ngày làm việc, đến hạn hôm nay, quá hạn N ngày làm việc, chưa có hạn, chờ bổ sung / tạm
// dừng, đã dừng / đã hủy). Returns what the summary chip counts: paused and closed dossiers are neither.
import { withUnitNames, type PhaseNames, type PhaseRules } from '../../shared/dossier/phase.ts';
import { dossierTimeliness, type Timeliness } from '../../shared/dossier/timeliness.ts';
import { getLocale, t } from '../../shared/i18n/i18n.ts';
import type { CalendarDate } from '../../shared/time/dates.ts';
import type { PageRow } from '../../shared/portal/types.ts';
import type { DossierDates } from '../messaging/messages.ts';
import { showBadge } from './badgeHost.ts';
import { timelinessBadge, type BadgeLabel } from './timelinessBadge.ts';

export interface DossierBadgeTally {
  overdue: number;
  dueSoon: number;
  /** Rows whose dossier is not known yet: the caller looks them up and draws again. */
  unknownCodes: string[];
}

interface Judged {
  timeliness: Timeliness;
  label: BadgeLabel;
}

export interface BadgeContext {
  today: CalendarDate;
  dueSoonWorkingDays: number;
  /** The unit's added status names per phase; the portals' defaults apply either way. */
  phaseStatusNames?: PhaseNames;
}

/**
 * Timeliness depends only on the dates, the status names (and today): it and its words are memoised
 * for the day, so re-rendered tables, paging back and dossiers due alike cost a lookup.
 */
let memo: { day: string; rules: PhaseRules; byDates: Map<string, Judged> } = { day: '', rules: withUnitNames(), byDates: new Map() };

function judge(dates: DossierDates, context: BadgeContext): Judged {
  const day = `${context.today}|${context.dueSoonWorkingDays}|${getLocale()}|${JSON.stringify(context.phaseStatusNames ?? null)}`;
  if (memo.day !== day) memo = { day, rules: withUnitNames(context.phaseStatusNames), byDates: new Map() };
  const key = `${dates.appointmentAt}|${dates.returnedAt}|${dates.completedAt}|${dates.site}|${dates.status}|${dates.stepStatus}`;
  let judged = memo.byDates.get(key);
  if (!judged) {
    const timeliness = dossierTimeliness(dates, { ...context, phaseRules: memo.rules });
    judged = { timeliness, label: timelinessBadge(timeliness) };
    memo.byDates.set(key, judged);
  }
  return judged;
}

export function drawDossierBadges(
  rows: readonly PageRow[],
  datesOf: (code: string) => DossierDates | undefined,
  context: BadgeContext,
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
    const { timeliness, label } = judge(dates, context);
    if (timeliness.state === 'overdue') tally.overdue += 1;
    if (timeliness.state === 'due_soon') tally.dueSoon += 1;
    showBadge(row.element, 'dossier', code, { ...label, label: t('capture.badge.label', { code, state: label.text }) });
  }
  return tally;
}
