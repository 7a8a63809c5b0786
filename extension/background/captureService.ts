// Answers the background's messages about capture. Batches are stored one after another (a queue),
// so two tabs capturing at once never interleave their read-then-write transactions.
import type { TthcDatabase } from '../db/database.ts';
import { recordCaptureProblem, storeCaptureBatch } from '../db/store.ts';
import { isPortalOrigin, loadSettings, type Settings } from '../db/settings.ts';
import { publicationSummaries } from '../db/publicationSummaries.ts';
import { storeDecisions } from '../db/decisions.ts';
import { recordListSeen } from '../db/coverage.ts';
import { latestCollection, saveCollection } from '../db/collections.ts';
import { dossierDates, type Replies, type Request } from '../messaging/messages.ts';
import { todayInVietnam } from '../../shared/time/dates.ts';

export interface CaptureService {
  /** `page`: the page of the content script that sent the request; null from the extension's own pages. */
  handle<T extends Request['type']>(request: Extract<Request, { type: T }> | Request, page: URL | null): Promise<Replies[T]>;
}

export function createCaptureService(db: TthcDatabase, hooks: { onStored(): void }): CaptureService {
  let queue: Promise<unknown> = Promise.resolve();
  function enqueue<T>(work: () => Promise<T>): Promise<T> {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  }

  /** The sender's page and the settings that say it is a portal: capture from anywhere else is refused. */
  async function fromPortal(page: URL | null): Promise<{ portal: URL; settings: Settings }> {
    const settings = await loadSettings(db);
    if (!page || !isPortalOrigin(page.origin, settings.portalOrigins)) throw new Error(`Capture from a page that is not a portal: ${page?.origin ?? 'none'}`);
    return { portal: page, settings };
  }

  async function answer(request: Request, page: URL | null): Promise<Replies[Request['type']]> {
    switch (request.type) {
      case 'capture.batch': {
        const { settings } = await fromPortal(page);
        const outcome = await enqueue(() => storeCaptureBatch(db, request, { now: new Date(), keepPersonalData: settings.keepPersonalData }));
        hooks.onStored();
        return outcome;
      }
      case 'capture.problem': {
        const url = (await fromPortal(page)).portal.href;
        await enqueue(() => recordCaptureProblem(db, { ...request, url }, new Date()));
        return { recorded: true };
      }
      case 'capture.decisions': {
        await fromPortal(page);
        return { stored: await enqueue(() => storeDecisions(db, request, new Date())) };
      }
      case 'capture.settings': {
        const { keepPersonalData, portalOrigins, dueSoonWorkingDays, locale } = await loadSettings(db);
        return { keepPersonalData, portalOrigins, dueSoonWorkingDays, locale };
      }
      case 'dossiers.lookup': {
        const found = await db.dossiers.bulkGet(request.codes);
        return found.filter((d) => d !== undefined).map(dossierDates);
      }
      case 'publications.lookup':
        return publicationSummaries(db, request.codes, todayInVietnam());
      case 'coverage.list': {
        await fromPortal(page);
        const coverage = await enqueue(() => recordListSeen(db, request, new Date()));
        hooks.onStored();
        return { stored: coverage.stored };
      }
      case 'collect.save': {
        const { portal } = await fromPortal(page);
        if (request.collection.pageOrigin !== portal.origin) throw new Error(`A collection of ${request.collection.pageOrigin} sent from ${portal.origin}`);
        // Through the queue: after the batches and coverage the page sent before it.
        await enqueue(() => saveCollection(db, request.collection));
        return { saved: true };
      }
      case 'collect.latest':
        return latestCollection(db, (await fromPortal(page)).portal.origin);
    }
  }

  return {
    handle: (request, page) => answer(request as Request, page) as never,
  };
}
