// The background's answer to every request from a content script or an extension page. It is the
// gate for the untrusted portal page: a content script runs beside it, so each captured record is
// checked here, once, against its schema (a record that fails is counted and recorded as a capture
// problem, the rest of its batch is stored). Batches are stored one after another (a queue), so two
// tabs capturing at once never interleave their read-then-write transactions.
import type { z } from 'zod';
import type { TthcDatabase } from '../db/database.ts';
import { prepareCaptureBatch, recordCaptureProblem, storeCaptureBatch } from '../db/store.ts';
import { loadSettings, type Settings } from '../db/settings.ts';
import { publicationSummaries } from '../db/publicationSummaries.ts';
import { storeDecisions } from '../db/decisions.ts';
import { recordListSeen } from '../db/coverage.ts';
import { latestCollection, saveCollection } from '../db/collections.ts';
import { dossierDates, type CaptureBatch, type Replies, type Request } from '../messaging/messages.ts';
import { unpackRecords, type RecordTable } from '../messaging/recordTable.ts';
import { isPortalOrigin } from '../portals/origins.ts';
import { dossierSchema, type Dossier } from '../../shared/schemas/dossier.ts';
import { procedureSchema, type Procedure } from '../../shared/schemas/procedure.ts';
import { todayInVietnam } from '../../shared/time/dates.ts';

export interface RequestHandler {
  /** `page`: the page of the content script that sent the request; null from the extension's own pages. */
  handle<T extends Request['type']>(request: Extract<Request, { type: T }> | Request, page: URL | null): Promise<Replies[T]>;
}

/**
 * The reason a record failed its schema: a string over its field's limit (shared/schemas say why
 * each limit; a record holding one is hostile or broken, and would make its board task an update
 * near the sync server's message limit) is named as such, anything else is a malformed record.
 */
function rejectionReason(error: z.ZodError): string {
  return error.issues.some((issue) => issue.code === 'too_big' && issue.origin === 'string') ? 'capture.reason.tooLong' : 'capture.reason.invalidRecord';
}

export interface Admitted<T> {
  records: T[];
  rejected: number;
  reason: string | null;
}

/** The records that fit their schema (its field limits included); the others counted, with the first one's reason. */
export function admit<T>(schema: z.ZodType<T>, candidates: readonly unknown[]): Admitted<T> {
  const admitted: Admitted<T> = { records: [], rejected: 0, reason: null };
  for (const candidate of candidates) {
    const parsed = schema.safeParse(candidate);
    if (parsed.success) admitted.records.push(parsed.data);
    else {
      admitted.rejected += 1;
      admitted.reason ??= rejectionReason(parsed.error);
    }
  }
  return admitted;
}

/** A batch's records, read back from the table they travelled as (messaging/recordTable.ts). */
function recordsOf(table: RecordTable): unknown[] {
  const records = unpackRecords(table);
  if (!records) throw new Error('A capture batch whose record table does not hold together');
  return records;
}

export function createRequestHandler(db: TthcDatabase, hooks: { onStored(): void }): RequestHandler {
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

  /** The batch's sender checked, its records admitted and prepared: work that needs no turn in the queue. */
  async function checkBatch(batch: CaptureBatch, page: URL | null) {
    const { portal, settings } = await fromPortal(page);
    const dossiers = admit<Dossier>(dossierSchema, recordsOf(batch.dossiers));
    const procedures = admit<Procedure>(procedureSchema, recordsOf(batch.procedures));
    const toStore = { site: batch.site, dossiers: dossiers.records, procedures: procedures.records };
    return {
      portal, rejected: dossiers.rejected + procedures.rejected, reason: dossiers.reason ?? procedures.reason,
      prepared: await prepareCaptureBatch(db, toStore, { now: new Date(), keepPersonalData: settings.keepPersonalData }, settings),
    };
  }

  /**
   * Answered once the batch is checked and has its turn in the write queue, not once it is stored:
   * the tab sends its next batch meanwhile (a period collection's next page is then ready when the
   * store is), and whatever the tab asks afterwards is served after this batch is stored.
   */
  async function storeBatch(batch: CaptureBatch, page: URL | null): Promise<Replies['capture.batch']> {
    // The turn is taken as the batch arrives (a tab's batches are stored in the order it sent them);
    // the checks run meanwhile, while the batch before it is still being written.
    const checked = checkBatch(batch, page);
    const storing = enqueue(async () => {
      const { portal, rejected, reason, prepared } = await checked;
      await storeCaptureBatch(db, prepared);
      if (reason !== null) await recordCaptureProblem(db, { site: batch.site, url: portal.href, reason, count: rejected }, new Date());
    });
    storing.then(hooks.onStored, (error: unknown) => console.warn('tthc-desk: capture not stored', error));
    const { rejected, reason } = await checked;
    return { rejected, reason };
  }

  async function answer(request: Request, page: URL | null): Promise<Replies[Request['type']]> {
    switch (request.type) {
      case 'capture.batch':
        return storeBatch(request, page);
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
        const { keepPersonalData, portalOrigins, dueSoonWorkingDays, locale, phaseStatusNames } = await loadSettings(db);
        return { keepPersonalData, portalOrigins, dueSoonWorkingDays, locale, phaseStatusNames };
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
