// Which search a list request is: its address and filters, with the date window apart, without
// what only pages or orders the same rows (page, size, sort, the slice switch). Two requests with
// one identity list the same dossiers, so their totals and rows add up to one coverage.
import { isCalendarDate, type CalendarDate } from '../time/dates.ts';

/** Query parameters that only page or order the rows. */
const PAGING_PARAMS = new Set(['page', 'size', 'sort', 'spec']);

/**
 * The reception-date window's parameters, by the names iGate portals use (the demo portal's
 * `accepted-from`/`accepted-to`; [I]): the collector changes only these and the paging.
 */
export const WINDOW_PARAMS = { from: 'accepted-from', to: 'accepted-to' } as const;

export interface DateWindow {
  from: CalendarDate | null;
  to: CalendarDate | null;
}

export interface SearchIdentity {
  /** One string per search: origin, path, sorted filters and the window. */
  key: string;
  origin: string;
  path: string;
  /** Filters other than the window, sorted by name. */
  filters: [string, string][];
  window: DateWindow;
}

/** YYYY-MM-DD or the portal form's dd/MM/yyyy; null when absent or unreadable. */
export function readWindowDate(raw: string | null): CalendarDate | null {
  const text = raw?.trim() ?? '';
  if (text === '') return null;
  const vietnamese = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  const date = vietnamese ? `${vietnamese[3]}-${vietnamese[2]}-${vietnamese[1]}` : text;
  return isCalendarDate(date) ? date : null;
}

export function searchIdentity(url: URL): SearchIdentity {
  const filters: [string, string][] = [];
  for (const [name, value] of url.searchParams) {
    if (PAGING_PARAMS.has(name) || name === WINDOW_PARAMS.from || name === WINDOW_PARAMS.to || value.trim() === '') continue;
    filters.push([name, value.trim()]);
  }
  filters.sort(([a, av], [b, bv]) => a.localeCompare(b) || av.localeCompare(bv));
  const window = { from: readWindowDate(url.searchParams.get(WINDOW_PARAMS.from)), to: readWindowDate(url.searchParams.get(WINDOW_PARAMS.to)) };
  const query = filters.map(([name, value]) => `${name}=${value}`).join('&');
  return { key: `${url.origin}${url.pathname}?${query}#${window.from ?? ''}..${window.to ?? ''}`, origin: url.origin, path: url.pathname, filters, window };
}
