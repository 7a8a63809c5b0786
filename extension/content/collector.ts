// The period collector ("Ghi nhận toàn bộ kỳ này"), driven from the isolated content script of a
// portal search page: one page of the page's own search at a time, at the officer's rate, each
// answer through the normal capture path; its state saved in the background after every page, so
// a closed tab or browser resumes where it stopped. It stops at the first refused, limited, failed
// or not-understood answer and keeps everything stored before it. It only ever starts from the
// officer's click, and portal.content.ts runs it only on a configured portal's origin.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { hasMorePages, knownTotal, readListInfo } from '../../shared/portal/listInfo.ts';
import { collectPageSize, collectRate, collectSecondsLeft, stopForStatus, templateSearch } from '../../shared/portalCoverage/collectPlan.ts';
import { readCollectWindow } from '../../shared/portalCoverage/windows.ts';
import { toVietnamIso } from '../../shared/time/dates.ts';
import type { StoredCollection } from '../db/collections.ts';
import { ask } from '../messaging/messages.ts';
import { COLLECT_CHANNEL, type FetchAnswer, type FetchCommand, type TemplateSeen } from './collectChannel.ts';
import { PAGE_CHANNEL, type ObservedResponse } from './pageChannel.ts';

/** No answer from the page's world within this long reads as the network failing. */
const ANSWER_TIMEOUT_MS = 60_000;
/** Another tab saved the collection this recently: it is running there, not to be resumed here too. */
const LEASE_MS = 5_000;
/**
 * Pages answered and waiting to be stored before the collector waits for them: enough that the
 * next page is checked and waiting in the background when the one before is written (asking,
 * parsing and checking a page takes longer than writing one at the fastest rates).
 */
const MAX_UNSAVED_PAGES = 4;

export interface CollectorState {
  template: TemplateSeen | null;
  collection: StoredCollection | null;
  /** The page has not sent the collection's search yet: the officer searches once, then resumes. */
  needsSearch: boolean;
  /** The running collection's time left at its pace so far (collectSecondsLeft); null when not known. */
  secondsLeft: number | null;
}

export interface Collector {
  onMessage(message: TemplateSeen | FetchAnswer): void;
  /** `ratePerSecond` as the officer typed it: brought within the bounds here (collectRate). */
  start(windowText: string, ratePerSecond: number, size: number): void;
  pause(): void;
  resume(): void;
  cancel(): void;
}

/** The page session's capture path: where answers go, and when what it was given is queued for writing. */
export interface CapturePath {
  onResponse(response: ObservedResponse): void;
  queued(): Promise<unknown>;
}

export function startCollector(ctx: ContentScriptContext, capture: CapturePath, render: (state: CollectorState) => void): Collector {
  const state: CollectorState = { template: null, collection: null, needsSearch: false, secondsLeft: null };
  const waiting = new Map<number, (answer: FetchAnswer) => void>();
  let nextId = 1;
  let looping = false;
  let resumeWhenSearched = false;

  function save(collection: StoredCollection): Promise<unknown> {
    collection.updatedAt = toVietnamIso(new Date());
    render(state);
    return ask({ type: 'collect.save', collection }).catch((error: unknown) => console.warn('tthc-desk: collection state not saved', error));
  }

  function request(collection: StoredCollection): Promise<FetchAnswer> {
    const id = nextId++;
    const command: FetchCommand = {
      channel: COLLECT_CHANNEL, kind: 'fetch', id, search: collection.search, page: collection.nextPage, size: collection.size, ...collection.window,
    };
    return new Promise((resolve) => {
      const timer = ctx.setTimeout(() => waiting.get(id)?.({ channel: COLLECT_CHANNEL, kind: 'answer', id, url: '-', status: 0, body: null }), ANSWER_TIMEOUT_MS);
      waiting.set(id, (answer) => {
        clearTimeout(timer);
        waiting.delete(id);
        resolve(answer);
      });
      window.postMessage(command, location.origin);
    });
  }

  function stop(collection: StoredCollection, reason: NonNullable<StoredCollection['stop']>['reason'], status: number | null): null {
    collection.state = 'stopped';
    collection.stop = { reason, status };
    return null;
  }

  /**
   * One answer: the collection moves on a page or stops. Returns the response to capture like the
   * page's own (the caller captures it once the next page is asked for), or null when it stopped.
   */
  function take(collection: StoredCollection, answer: FetchAnswer): ObservedResponse | null {
    if (answer.url === '') {
      // The page's current search is not the collection's: wait for the officer to run it again.
      collection.state = 'paused';
      state.needsSearch = true;
      resumeWhenSearched = true;
      return null;
    }
    const refused = stopForStatus(answer.status);
    if (refused) return stop(collection, refused, answer.status === 0 ? null : answer.status);
    let body: unknown;
    try {
      // UTF-8, as the page's own response.text() would read it.
      body = JSON.parse(new TextDecoder().decode(answer.body ?? new ArrayBuffer(0)));
    } catch {
      return stop(collection, 'shape', answer.status);
    }
    const info = readListInfo(body);
    if (!info || (collection.nextPage > 0 && info.size !== collection.size)) return stop(collection, 'shape', answer.status);
    // The portal may serve fewer rows per page than asked: its own size then numbers the pages.
    if (collection.nextPage === 0) collection.size = Math.max(1, info.size);
    collection.dossiers += info.count;
    collection.total = knownTotal(info) ?? collection.total;
    collection.pages = collection.total === null ? null : Math.ceil(collection.total / collection.size);
    collection.nextPage += 1;
    if (!hasMorePages(info)) collection.state = 'done';
    return { channel: PAGE_CHANNEL, kind: 'response', url: answer.url, status: answer.status, body };
  }

  async function run(): Promise<void> {
    if (looping) return;
    looping = true;
    // Pages answered but not yet stored: the next request does not wait for them (storing a page
    // takes longer than the polite interval), but at most this many are held in memory.
    const unsaved: Promise<unknown>[] = [];
    let saved: Promise<unknown> = Promise.resolve();
    let nextAt = performance.now();

    /** The collection's next page, asked once the rate and the pages held allow; null once it is no longer running. */
    async function askNext(collection: StoredCollection): Promise<FetchAnswer | null> {
      const wait = nextAt - performance.now();
      if (wait > 0) await new Promise<void>((resolve) => ctx.setTimeout(() => resolve(), wait));
      while (unsaved.length >= MAX_UNSAVED_PAGES) await unsaved.shift();
      if (collection.state !== 'running' || state.collection !== collection) return null;
      nextAt = performance.now() + 1000 / collection.ratePerSecond;
      return request(collection);
    }

    try {
      // The collection running now (one started while a page of the one before was in flight is next).
      for (let collection = state.collection; collection?.state === 'running'; collection = state.collection) {
        const began = performance.now();
        let pagesThisRun = 0;
        let asked = askNext(collection);
        for (let answer = await asked; answer; answer = await asked) {
          const response = take(collection, answer);
          pagesThisRun += 1;
          const pagesLeft = collection.pages === null ? null : collection.pages - collection.nextPage;
          state.secondsLeft = collection.state === 'running' ? collectSecondsLeft(pagesLeft, pagesThisRun, (performance.now() - began) / 1000) : null;
          const progress = structuredClone(collection);
          // The next page is asked for before this one is parsed and sent (still one request at a
          // time): the portal prepares it meanwhile. The parsing waits a task, so the page's world
          // sends that request first.
          asked = collection.state === 'running' ? askNext(collection) : Promise.resolve(null);
          if (response) {
            await new Promise<void>((resolve) => ctx.setTimeout(() => resolve(), 0));
            capture.onResponse(response);
          }
          // Progress is saved only once the page's dossiers are stored: its save is asked once they
          // are queued for writing, and the background serves it after them. A browser closed in
          // between then asks that page again rather than skipping it.
          const queued = capture.queued();
          saved = saved.then(() => queued).then(() => save(progress));
          unsaved.push(saved);
        }
      }
    } finally {
      await saved;
      if (state.collection) await save(state.collection);
      looping = false;
    }
    // Resumed or started while this loop was winding down (run() found it still looping): it runs
    // now. Not after a loop that threw: that would throw again, round after round.
    if (state.collection?.state === 'running') void run();
  }

  /**
   * Saves the running state (a closed tab resumes from it) and asks for the first page at once, not
   * after the save's round trip to the background (it held the first request back by up to a third
   * of a second): a page's progress is saved only once the page is stored, well after this save.
   */
  function startRunning(collection: StoredCollection): void {
    state.secondsLeft = null;
    void save(collection);
    void run();
  }

  /** A running loop saves the new state once its page in flight is stored; otherwise now. */
  function settle(collection: StoredCollection): void {
    if (looping) render(state);
    else void save(collection);
  }

  function matchesTemplate(collection: StoredCollection): boolean {
    return state.template !== null && templateSearch(new URL(state.template.url)) === collection.search;
  }

  function resume(): void {
    const collection = state.collection;
    if (!collection || (collection.state !== 'paused' && collection.state !== 'stopped')) return;
    if (!matchesTemplate(collection)) {
      state.needsSearch = true;
      resumeWhenSearched = true;
      render(state);
      return;
    }
    state.needsSearch = false;
    collection.state = 'running';
    collection.stop = null;
    // An earlier build let a collection run faster than the bounds now allow.
    collection.ratePerSecond = collectRate(collection.ratePerSecond);
    startRunning(collection);
  }

  /**
   * A collection this origin left running (tab or browser closed) resumes once the page searches,
   * unless another tab is still running it: that tab saves it every page, so a collection unchanged
   * for a lease is nobody's.
   */
  async function adopt(): Promise<void> {
    const latest = await ask({ type: 'collect.latest' });
    if (!latest || state.collection) return;
    state.collection = latest;
    render(state);
    if (latest.state !== 'running') return;
    await new Promise<void>((resolve) => ctx.setTimeout(() => resolve(), LEASE_MS));
    const now = await ask({ type: 'collect.latest' });
    if (state.collection !== latest || now?.id !== latest.id || now.updatedAt !== latest.updatedAt) return;
    latest.state = 'paused';
    resumeWhenSearched = true;
    if (matchesTemplate(latest)) resume();
    else render(state);
  }
  adopt().catch(() => undefined);

  return {
    onMessage(message) {
      if (message.kind === 'answer') {
        waiting.get(message.id)?.(message);
        return;
      }
      state.template = message;
      if (resumeWhenSearched && state.collection && matchesTemplate(state.collection)) {
        resumeWhenSearched = false;
        resume();
      }
      render(state);
    },
    start(windowText, ratePerSecond, size) {
      const window = readCollectWindow(windowText);
      const template = state.template;
      if (!window || !template || (state.collection?.state === 'running' && looping)) return;
      const search = templateSearch(new URL(template.url));
      const now = toVietnamIso(new Date());
      state.needsSearch = false;
      state.collection = {
        id: `${search}#${window.from}..${window.to}`, pageOrigin: location.origin, search, window,
        size: collectPageSize(size, template.largestSize || size), ratePerSecond: collectRate(ratePerSecond), nextPage: 0, pages: null, dossiers: 0, total: null,
        state: 'running', stop: null, startedAt: now, updatedAt: now,
      };
      startRunning(state.collection);
    },
    pause() {
      const collection = state.collection;
      if (collection?.state !== 'running') return;
      collection.state = 'paused';
      settle(collection);
    },
    resume,
    cancel() {
      const collection = state.collection;
      if (!collection || collection.state === 'done' || collection.state === 'cancelled') return;
      collection.state = 'cancelled';
      resumeWhenSearched = false;
      settle(collection);
    },
  };
}
