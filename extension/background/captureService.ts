// Answers the background's messages about capture. Batches are stored one after another (a queue),
// so two tabs capturing at once never interleave their read-then-write transactions.
import type { TthcDatabase } from '../db/database.ts';
import { captureStatus } from '../db/captureStatus.ts';
import { recordCaptureProblem, storeCaptureBatch } from '../db/store.ts';
import { isPortalOrigin, loadSettings } from '../db/settings.ts';
import { publicationSummaries } from '../db/publicationSummaries.ts';
import type { DossierDates, Replies, Request } from '../messaging/messages.ts';
import { todayInVietnam } from '../../shared/time/dates.ts';

export interface CaptureService {
  handle<T extends Request['type']>(request: Extract<Request, { type: T }> | Request, overdue: () => Promise<number>): Promise<Replies[T]>;
}

export function createCaptureService(db: TthcDatabase, hooks: { onStored(): void }): CaptureService {
  let queue: Promise<unknown> = Promise.resolve();
  function enqueue<T>(work: () => Promise<T>): Promise<T> {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  }

  async function answer(request: Request, overdue: () => Promise<number>): Promise<Replies[Request['type']]> {
    switch (request.type) {
      case 'capture.batch': {
        const settings = await loadSettings(db);
        if (!isPortalOrigin(new URL(request.url).origin, settings.portalOrigins)) throw new Error(`Not a portal: ${new URL(request.url).origin}`);
        const outcome = await enqueue(() => storeCaptureBatch(db, request, { now: new Date(), keepPersonalData: settings.keepPersonalData }));
        hooks.onStored();
        return outcome;
      }
      case 'capture.problem':
        await enqueue(() => recordCaptureProblem(db, request, new Date()));
        return { recorded: true };
      case 'capture.settings': {
        const { keepPersonalData, portalOrigins, dueSoonWorkingDays, locale } = await loadSettings(db);
        return { keepPersonalData, portalOrigins, dueSoonWorkingDays, locale };
      }
      case 'capture.status':
        return captureStatus(db, await overdue());
      case 'dossiers.lookup': {
        const found = await db.dossiers.bulkGet(request.codes);
        return found
          .filter((d) => d !== undefined)
          .map(({ code, acceptedAt, appointmentAt, returnedAt }): DossierDates => ({ code, acceptedAt, appointmentAt, returnedAt }));
      }
      case 'publications.lookup':
        return publicationSummaries(db, request.codes, todayInVietnam());
    }
  }

  return {
    handle: (request, overdue) => answer(request as Request, overdue) as never,
  };
}
