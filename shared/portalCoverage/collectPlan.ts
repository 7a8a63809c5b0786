// The period collector's requests: the search request the page itself last sent, with only the
// page number, the page size (where the page sent one) and the reception-date window changed.
// Anything else about the request stays the page's own, so the collector never sends a request the
// page has not sent before in another form.
import { searchIdentity, WINDOW_PARAMS } from '../portal/searchIdentity.ts';
import type { CollectWindow } from './windows.ts';

/** Requests per second when the officer does not choose: polite to a portal serving many officers. */
export const DEFAULT_RATE_PER_SECOND = 1;
/** The slowest and the fastest rate a collection runs at: one officer's collection must not weigh on a portal serving a province. */
export const MIN_RATE_PER_SECOND = 0.1;
export const MAX_RATE_PER_SECOND = 10;

/** The rate a collection runs at: what the officer asked, within the bounds; the default when the field is empty or not a number. */
export function collectRate(asked: number): number {
  if (!Number.isFinite(asked) || asked <= 0) return DEFAULT_RATE_PER_SECOND;
  return Math.min(MAX_RATE_PER_SECOND, Math.max(MIN_RATE_PER_SECOND, asked));
}

export interface CollectPage {
  page: number;
  size: number;
  window: CollectWindow;
}

/** The page form writes dd/MM/yyyy; a template that did is answered in the same form. */
function dateIn(template: URL, date: string): string {
  const sample = template.searchParams.get(WINDOW_PARAMS.from) ?? template.searchParams.get(WINDOW_PARAMS.to) ?? '';
  if (!/^\d{2}\/\d{2}\/\d{4}$/.test(sample.trim())) return date;
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

export function collectRequestUrl(template: URL, request: CollectPage): URL {
  const url = new URL(template.href);
  url.searchParams.set('page', String(request.page));
  if (template.searchParams.has('size')) url.searchParams.set('size', String(request.size));
  url.searchParams.set(WINDOW_PARAMS.from, dateIn(template, request.window.from));
  url.searchParams.set(WINDOW_PARAMS.to, dateIn(template, request.window.to));
  return url;
}

/** The search a template runs, without its window: a collection resumes only on the same one. */
export function templateSearch(template: URL): string {
  const { origin, path, filters } = searchIdentity(template);
  return `${origin}${path}?${filters.map(([name, value]) => `${name}=${value}`).join('&')}`;
}

/** The page size a collection may use: what the officer asked, at most the page's own largest. */
export function collectPageSize(asked: number, pagesLargest: number): number {
  return Math.max(1, Math.min(Math.floor(asked), pagesLargest));
}

export type StopReason = 'auth' | 'rate' | 'server' | 'network' | 'status';

/** Which stop an HTTP status is; null for a success. */
export function stopForStatus(status: number): StopReason | null {
  if (status >= 200 && status < 300) return null;
  if (status === 0) return 'network';
  if (status === 401 || status === 403) return 'auth';
  if (status === 429) return 'rate';
  if (status >= 500) return 'server';
  return 'status';
}

/**
 * Seconds a running collection has left, at the pace of the pages answered since it last started
 * or resumed (the rate, the portal's answers and the browser's writing all show in it): null while
 * that pace rests on fewer than two pages, or when the portal gave no total.
 */
export function collectSecondsLeft(pagesLeft: number | null, pagesThisRun: number, secondsThisRun: number): number | null {
  if (pagesLeft === null || pagesThisRun < 2) return null;
  return Math.max(0, pagesLeft) * (secondsThisRun / pagesThisRun);
}

/** A time left as the panel says it: whole minutes, rounded up, and hours from 60 minutes on; null under a minute. */
export function timeLeftParts(seconds: number): { hours: number; minutes: number } | null {
  if (seconds < 60) return null;
  const minutes = Math.ceil(seconds / 60);
  return { hours: Math.floor(minutes / 60), minutes: minutes % 60 };
}
