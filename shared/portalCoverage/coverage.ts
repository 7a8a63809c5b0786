// Coverage: how much of what the portal has for a search the extension has stored. Every figure the
// product shows is only as good as this, so it is said in words beside each one, and a rate
// computed from a partial capture is not judged against its target (issue 10).
import type { CalendarDate } from '../time/dates.ts';
import type { DateWindow } from '../portal/searchIdentity.ts';

export interface SearchCoverage {
  key: string;
  origin: string;
  path: string;
  filters: [string, string][];
  window: DateWindow;
  /** The portal's total for the search; null when it sent only slices and the last was not reached. */
  portalTotal: number | null;
  /** The portal has at least this many (the rows up to the furthest page seen). */
  portalAtLeast: number;
  /** Distinct dossiers of this search stored. */
  stored: number;
  lastSeenAt: string;
}

export function isComplete(coverage: Pick<SearchCoverage, 'portalTotal' | 'stored'>): boolean {
  return coverage.portalTotal !== null && coverage.stored >= coverage.portalTotal;
}

/** A search without filters whose window holds the whole period lists every dossier of the period. */
export function coversPeriod(coverage: Pick<SearchCoverage, 'filters' | 'window'>, from: CalendarDate, to: CalendarDate): boolean {
  const { window } = coverage;
  return coverage.filters.length === 0 && (window.from === null || window.from <= from) && (window.to === null || window.to >= to);
}

/** The coverage that speaks for a period: a complete covering search first, else the latest search. */
export function coverageForPeriod(coverages: readonly SearchCoverage[], from: CalendarDate, to: CalendarDate): { coverage: SearchCoverage | null; complete: boolean } {
  const complete = coverages.find((c) => coversPeriod(c, from, to) && isComplete(c));
  if (complete) return { coverage: complete, complete: true };
  return { coverage: latestCoverage(coverages), complete: false };
}

export function latestCoverage(coverages: readonly SearchCoverage[]): SearchCoverage | null {
  let latest: SearchCoverage | null = null;
  for (const coverage of coverages) if (!latest || coverage.lastSeenAt > latest.lastSeenAt) latest = coverage;
  return latest;
}

/** The coverage sentence as an i18n key and its parameters (shared/i18n/catalogs/coverage.ts). */
export function coverageMessage(coverage: SearchCoverage | null): { key: string; params: Record<string, number> } {
  if (!coverage) return { key: 'coverage.none', params: {} };
  if (coverage.portalTotal !== null) return { key: 'coverage.line', params: { count: coverage.stored, total: coverage.portalTotal } };
  return { key: 'coverage.lineAtLeast', params: { count: coverage.stored, n: coverage.portalAtLeast } };
}

/** Whether a rate from the records may be judged met or not met: on a complete capture, or a sample the officer accepted. */
export function mayJudge(complete: boolean, sampleAccepted: boolean): boolean {
  return complete || sampleAccepted;
}
