// The coverage line every view with a figure shows, as a hook other tabs use too (the Báo cáo tab
// shows the same line): the search that speaks for the period (a complete covering one, else the
// latest the officer ran) and the sentence saying how much of the portal is stored.
import { useLiveQuery } from 'dexie-react-hooks';
import { t } from '../../shared/i18n/i18n.ts';
import { coverageForPeriod, coverageMessage, isComplete, latestCoverage, type SearchCoverage } from '../../shared/portalCoverage/coverage.ts';
import type { CalendarDate } from '../../shared/time/dates.ts';
import { db } from './pageDatabase.ts';

export interface CoverageView {
  coverage: SearchCoverage | null;
  /** Every dossier the portal has for the period is stored. */
  complete: boolean;
  /** "Đã ghi nhận 60 / 21.000 hồ sơ của cổng", in the current language. */
  text: string;
}

export function coverageView(coverages: readonly SearchCoverage[], period?: { from: CalendarDate; to: CalendarDate }): CoverageView {
  const latest = latestCoverage(coverages);
  const { coverage, complete } = period ? coverageForPeriod(coverages, period.from, period.to) : { coverage: latest, complete: latest !== null && isComplete(latest) };
  const { key, params } = coverageMessage(coverage);
  return { coverage, complete, text: complete ? `${t(key, params)} · ${t('coverage.complete')}` : t(key, params) };
}

/** Undefined while the database answers. */
export function useCoverage(period?: { from: CalendarDate; to: CalendarDate }): CoverageView | undefined {
  const coverages = useLiveQuery(() => db.searchCoverage.toArray(), []);
  return coverages === undefined ? undefined : coverageView(coverages, period);
}
