// Messages the content scripts and extension pages send to the background. The background parses
// every one with these schemas: a content script runs beside an untrusted page.
import { z } from 'zod';
import { browser } from 'wxt/browser';
import { dossierSchema, siteSchema, type Dossier } from '../../shared/schemas/dossier.ts';
import { procedureSchema } from '../../shared/schemas/procedure.ts';

// The page a capture message comes from is the sender's, as Chrome reports it, never a field the
// content script fills in.
export const captureBatchMessage = z.object({
  type: z.literal('capture.batch'),
  site: siteSchema,
  dossiers: z.array(dossierSchema),
  procedures: z.array(procedureSchema),
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

const codes = z.array(z.string().min(1).max(200)).max(5000);

export const requestSchema = z.discriminatedUnion('type', [
  captureBatchMessage,
  captureProblemMessage,
  z.object({ type: z.literal('capture.settings') }),
  z.object({ type: z.literal('dossiers.lookup'), codes }),
  z.object({ type: z.literal('publications.lookup'), codes }),
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
  'capture.batch': { stored: number; statusChanges: number };
  'capture.problem': { recorded: true };
  'capture.settings': CaptureSettingsReply;
  'dossiers.lookup': DossierDates[];
  'publications.lookup': PublicationSummary[];
}

/** Typed request to the background; rejects when the background answers with an error. */
export async function ask<T extends Request['type']>(request: Extract<Request, { type: T }>): Promise<Replies[T]> {
  const reply = (await browser.runtime.sendMessage(request)) as { ok: true; value: Replies[T] } | { ok: false; error: string } | undefined;
  if (!reply) throw new Error(`No answer from the background to ${request.type}`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
