// A dossier (hồ sơ) as the product stores it: codes, dates, status and procedure, never the
// applicant. Every adapter produces this shape; the background validates it again on arrival.
//
// Every captured string is bounded and cleaned here, at the one boundary all records cross. The
// limits are far above anything a real portal sends (a dossier code is ~30 characters, the longest
// procedure names ~400), so only a broken or hostile page reaches them; such a record fails the
// schema and is rejected and counted like any malformed one, instead of becoming a board task too
// large for the sync server to accept (issue 13).
import { z } from 'zod';

/**
 * Bidi controls (U+202A–202E, U+2066–2069, U+200E/200F, U+061C) and zero-width characters
 * (U+200B–200D, U+2060, U+FEFF): invisible, they make two equal-looking codes differ or reorder a
 * title on screen. They carry no meaning in a code or a Vietnamese name.
 */
const INVISIBLE_CONTROLS = /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\u061C\uFEFF]/g;

export function withoutInvisibleControls(text: string): string {
  return text.replace(INVISIBLE_CONTROLS, '');
}

/** Limits, in characters (why each: see the file comment; a real value is a tenth of it or less). */
export const fieldLimits = {
  /** Dossier codes: "000.00.53.H48-240312-0001" (25); the national code is as long. */
  code: 100,
  /** Portal ids: 24-hex Mongo ids or numbers. */
  id: 100,
  /** Procedure codes with the local suffix: "1.001612.000.00.00.H48" (22). */
  procedureCode: 100,
  /** Procedure, agency and sector names: the longest real procedure names are ~400 characters. */
  name: 2000,
  /** Status names: "Yêu cầu bổ sung giấy tờ" (23). */
  status: 200,
  /** Applicant fields (kept only when the unit turns personal data on). */
  personal: 500,
} as const;

/**
 * A bounded, cleaned text: invisible controls removed, then the limit checked on what is left.
 * `overwrite` keeps it a plain string check (a transform and pipe cost ~40% more per capture).
 */
export const boundedText = (max: number) => z.string().overwrite(withoutInvisibleControls).max(max);
const code = boundedText(fieldLimits.code).min(1);

const instant = z.iso.datetime({ offset: true }).nullable();

export const channelSchema = z.enum(['online', 'direct', 'postal', 'unknown']);
export type Channel = z.infer<typeof channelSchema>;

export const siteSchema = z.enum(['igate', 'dvcqg']);
export type Site = z.infer<typeof siteSchema>;

/** Personal data: only kept when the unit turns it on (Nghị định 13/2023). */
export const applicantSchema = z.object({
  fullname: boundedText(fieldLimits.personal).nullable(),
  identityNumber: boundedText(fieldLimits.personal).nullable(),
  address: boundedText(fieldLimits.personal).nullable(),
});

/** How long the procedure gives: iGate's `processingTime` with its unit (timesheet "Ngày làm việc" → working). */
export const processingTimeSchema = z.object({
  amount: z.number().nonnegative().max(10_000),
  unit: z.enum(['working', 'calendar', 'hour']),
});
export type ProcessingTime = z.infer<typeof processingTimeSchema>;

// Fields added after the first release default to null: an adapter that cannot know them (the
// national portal's lookup) leaves them out, and records stored before them still parse.
export const dossierSchema = z.object({
  code,
  /** The portal's internal id, when it has one. */
  portalId: boundedText(fieldLimits.id).nullable(),
  site: siteSchema,
  /** National procedure code, local suffix removed: 1.001612. */
  procedureCode: boundedText(fieldLimits.procedureCode).nullable(),
  /** Null when the portal sent no name in any of its four forms (domain.md). */
  procedureName: boundedText(fieldLimits.name).nullable(),
  agency: boundedText(fieldLimits.name).nullable(),
  agencyCode: boundedText(fieldLimits.code).nullable(),
  /** The agency's level as the portal names it ("Cấp Huyện"). */
  agencyLevel: boundedText(fieldLimits.name).nullable().default(null),
  /** The procedure's sector (lĩnh vực): its code and name. */
  sectorCode: boundedText(fieldLimits.code).nullable().default(null),
  sectorName: boundedText(fieldLimits.name).nullable().default(null),
  /** The portal's own status name, NFC; null when none of its forms was sent. */
  status: boundedText(fieldLimits.status).nullable(),
  statusId: boundedText(fieldLimits.id).nullable(),
  /** The current step's status (`dossierTaskStatus.name`): "Yêu cầu bổ sung giấy tờ". */
  stepStatus: boundedText(fieldLimits.status).nullable().default(null),
  /** The dossier's code on the national portal. */
  nationCode: boundedText(fieldLimits.code).nullable().default(null),
  acceptedAt: instant,
  appointmentAt: instant,
  /** The result was ready (`completedDate`, "ngày có kết quả"). */
  completedAt: instant.default(null),
  /** The result was handed back (`returnedDate`). */
  returnedAt: instant,
  /** The current step's deadline (`currentTask[0].dueDate`, "Hạn xử lý"). */
  stepDueAt: instant.default(null),
  processingTime: processingTimeSchema.nullable().default(null),
  channel: channelSchema,
  /** Paid online (true), paid otherwise (false), unknown (null). */
  paidOnline: z.boolean().nullable(),
  applicant: applicantSchema.optional(),
});
export type Dossier = z.infer<typeof dossierSchema>;

/** When the dossier was finished: the result ready when known, else handed back (README, "States"). */
export function dossierFinishedAt(dossier: Pick<Dossier, 'completedAt' | 'returnedAt'>): string | null {
  return dossier.completedAt ?? dossier.returnedAt;
}
