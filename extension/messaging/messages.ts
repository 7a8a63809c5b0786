// Messages the content scripts and extension pages send to the background. The background parses
// every one with these schemas: a content script runs beside an untrusted page.
import { z } from 'zod';
import { browser } from 'wxt/browser';
import { siteSchema, type Dossier } from '../../shared/schemas/dossier.ts';
import { decisionProcedureSchema, decisionSchema } from '../../shared/schemas/decision.ts';
import { storedCollectionSchema, type StoredCollection } from '../db/collections.ts';
import { recordTableSchema } from './recordTable.ts';

// The page a capture message comes from is the sender's, as Chrome reports it, never a field the
// content script fills in. The records travel as tables (recordTable.ts) and are checked one by one
// by the background's request handler (a bad record is counted, the rest of its batch is stored).
export const captureBatchMessage = z.object({
  type: z.literal('capture.batch'),
  site: siteSchema,
  dossiers: recordTableSchema,
  procedures: recordTableSchema,
});

export const captureProblemMessage = z.object({
  type: z.literal('capture.problem'),
  site: siteSchema,
  reason: z.string().max(500),
  count: z.number().int().positive(),
  /** The field a kept record could not have read (reason `portal.unreadField`). */
  field: z.string().max(100).optional(),
  /** The response's structure without values (shared/portal/shapeReport.ts), for "Copy shape report". */
  shape: z.string().max(20_000).optional(),
});

/** Publication decisions and their listed procedures, from the national TTHC database's responses. */
export const captureDecisionsMessage = z.object({
  type: z.literal('capture.decisions'),
  decisions: z.array(decisionSchema).max(5000),
  decisionProcedures: z.array(decisionProcedureSchema).max(5000),
});

const codes = z.array(z.string().min(1).max(200)).max(5000);

const count = z.number().int().min(0);
/** What a list response said about its whole search (shared/portal/listInfo.ts), with the codes it listed. */
export const coverageListMessage = z.object({
  type: z.literal('coverage.list'),
  url: z.url().max(4000),
  info: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('page'), page: count, size: count, count, total: count }),
    z.object({ kind: z.literal('slice'), page: count, size: count, count, last: z.boolean() }),
  ]),
  codes: z.array(z.string().min(1).max(200)).max(50_000),
});

export const requestSchema = z.discriminatedUnion('type', [
  captureBatchMessage,
  captureProblemMessage,
  captureDecisionsMessage,
  z.object({ type: z.literal('capture.settings') }),
  z.object({ type: z.literal('dossiers.lookup'), codes }),
  z.object({ type: z.literal('publications.lookup'), codes }),
  coverageListMessage,
  z.object({ type: z.literal('collect.save'), collection: storedCollectionSchema }),
  z.object({ type: z.literal('collect.latest') }),
]);
export type Request = z.infer<typeof requestSchema>;
export type CaptureBatch = z.infer<typeof captureBatchMessage>;

/** What the overlay needs of a stored dossier to draw its badge: its dates and the names its phase is read from. */
export type DossierDates = Pick<Dossier, 'code' | 'site' | 'acceptedAt' | 'appointmentAt' | 'returnedAt' | 'completedAt' | 'status' | 'stepStatus'>;

/** Just those fields of a dossier: what a lookup answers and what the overlay keeps of each row. */
export function dossierDates({ code, site, acceptedAt, appointmentAt, returnedAt, completedAt, status, stepStatus }: DossierDates): DossierDates {
  // Records stored before completedAt and stepStatus existed lack them: null, not undefined.
  return { code, site, acceptedAt, appointmentAt, returnedAt, completedAt: completedAt ?? null, status, stepStatus: stepStatus ?? null };
}

/** A procedure's publication progress, as far as the officer has recorded it. */
export interface PublicationSummary {
  procedureCode: string;
  lateSteps: number;
  openSteps: number;
}

export interface CaptureSettingsReply {
  keepPersonalData: boolean;
  portalOrigins: string[];
  dueSoonWorkingDays: number;
  locale: 'vi' | 'en';
  /** The unit's added status names per phase (settings `phaseStatusNames`). */
  phaseStatusNames: { paused: string[]; closed: string[] };
}

export interface Replies {
  /** `rejected`: records that failed the background's check, already recorded as a capture problem. */
  /** Checked and queued for writing (not yet stored): how many records failed their schema, and the first one's reason. */
  'capture.batch': { rejected: number; reason: string | null };
  'capture.problem': { recorded: true };
  'capture.decisions': { stored: number };
  'capture.settings': CaptureSettingsReply;
  'dossiers.lookup': DossierDates[];
  'publications.lookup': PublicationSummary[];
  'coverage.list': { stored: number };
  'collect.save': { saved: true };
  'collect.latest': StoredCollection | null;
}

/** Typed request to the background; rejects when the background answers with an error. */
export async function ask<T extends Request['type']>(request: Extract<Request, { type: T }>): Promise<Replies[T]> {
  const reply = (await browser.runtime.sendMessage(request)) as { ok: true; value: Replies[T] } | { ok: false; error: string } | undefined;
  if (!reply) throw new Error(`No answer from the background to ${request.type}`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
