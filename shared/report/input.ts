// What the quarterly report and the 766 estimate read of a dossier. Structural, so the stored
// dossier, a JSON record and a test case all fit; fields the portal did not give are null.
// `phase` and `closedSeenAt` come from the dossier's status timeline (the day the "ended without
// a result" status was first seen), not from the record itself.
import { dossierPhase, type PhaseRules } from '../dossier/phase.ts';
import { z } from 'zod';
import type { Dossier } from '../schemas/dossier.ts';
import { channelSchema, type Channel } from '../schemas/dossier.ts';
import { normalizePortalInstant } from '../time/dates.ts';

export type ReportPhase = 'active' | 'paused' | 'closed';

export interface ReportDossier {
  code: string;
  /** Instants (ISO 8601 with offset) or null. */
  acceptedAt: string | null;
  appointmentAt: string | null;
  /** Result ready ("ngày có kết quả"). */
  completedAt: string | null;
  /** Handed back. */
  returnedAt: string | null;
  channel: Channel;
  sectorCode: string | null;
  sectorName: string | null;
  /** The portal's level name ("Cấp Sở", "Cấp huyện", "Cấp xã"), read by reportLevelOf. */
  agencyLevel: string | null;
  agencyCode: string | null;
  phase: ReportPhase;
  /** When the `closed` status was first seen; null when not closed or not observed. */
  closedSeenAt: string | null;
  /** How many times a supplement was requested; null when the timeline does not say. */
  supplementRequests: number | null;
}

/** A portal timestamp ("…+0700", "…+0000", "…Z", a bare date) read as an instant; an unreadable one fails. */
const instant = z
  .preprocess((v) => (v === undefined || v === null || v === '' ? null : (normalizePortalInstant(v) ?? v)), z.iso.datetime({ offset: true }).nullable())
  .default(null);
const optionalText = z.string().trim().min(1).nullable().default(null);

/** A dossier record in a JSON file: the stored shape, the shape the dossier record is growing into, or both. */
export const reportDossierSchema = z.object({
  code: z.string().min(1),
  acceptedAt: instant,
  appointmentAt: instant,
  completedAt: instant,
  returnedAt: instant,
  channel: channelSchema.default('unknown'),
  sectorCode: optionalText,
  sectorName: optionalText,
  agencyLevel: optionalText,
  agencyCode: optionalText,
  phase: z.enum(['active', 'paused', 'closed']).default('active'),
  closedSeenAt: instant,
  supplementRequests: z.number().int().min(0).nullable().default(null),
});

/** What the status timeline says about one dossier; absent until the timeline is read. */
export interface TimelineFacts {
  /** Read from the record's status names (shared/dossier/phase.ts) when not given. */
  phase?: ReportPhase;
  /** The unit's status names added to the portals' defaults, for reading the phase. */
  phaseRules?: PhaseRules;
  closedSeenAt?: string | null;
  supplementRequests?: number | null;
}

/**
 * Today's stored dossier as report input: what the record holds is filled, the fields the record
 * does not hold yet (completion, sector, level) are null, and the phase comes from the timeline.
 */
export function reportDossierOf(dossier: Dossier & Partial<Pick<ReportDossier, 'completedAt' | 'sectorCode' | 'sectorName' | 'agencyLevel'>>, timeline: TimelineFacts = {}): ReportDossier {
  return {
    code: dossier.code,
    acceptedAt: dossier.acceptedAt,
    appointmentAt: dossier.appointmentAt,
    completedAt: dossier.completedAt ?? null,
    returnedAt: dossier.returnedAt,
    channel: dossier.channel,
    sectorCode: dossier.sectorCode ?? null,
    sectorName: dossier.sectorName ?? null,
    agencyLevel: dossier.agencyLevel ?? null,
    agencyCode: dossier.agencyCode,
    phase: timeline.phase ?? dossierPhase(dossier, timeline.phaseRules),
    closedSeenAt: timeline.closedSeenAt ?? null,
    supplementRequests: timeline.supplementRequests ?? null,
  };
}
