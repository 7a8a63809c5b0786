// A dossier (hồ sơ) as the product stores it: codes, dates, status and procedure, never the
// applicant. Every adapter produces this shape; the background validates it again on arrival.
import { z } from 'zod';

const instant = z.iso.datetime({ offset: true }).nullable();

export const channelSchema = z.enum(['online', 'direct', 'postal', 'unknown']);
export type Channel = z.infer<typeof channelSchema>;

export const siteSchema = z.enum(['igate', 'dvcqg']);
export type Site = z.infer<typeof siteSchema>;

/** Personal data: only kept when the unit turns it on (Nghị định 13/2023). */
export const applicantSchema = z.object({
  fullname: z.string().nullable(),
  identityNumber: z.string().nullable(),
  address: z.string().nullable(),
});

export const dossierSchema = z.object({
  code: z.string().min(1),
  /** The portal's internal id, when it has one. */
  portalId: z.string().nullable(),
  site: siteSchema,
  /** National procedure code, local suffix removed: 1.001612. */
  procedureCode: z.string().nullable(),
  procedureName: z.string(),
  agency: z.string().nullable(),
  agencyCode: z.string().nullable(),
  /** The portal's own status name, NFC. */
  status: z.string(),
  statusId: z.string().nullable(),
  acceptedAt: instant,
  appointmentAt: instant,
  returnedAt: instant,
  channel: channelSchema,
  /** Paid online (true), paid otherwise (false), unknown (null). */
  paidOnline: z.boolean().nullable(),
  applicant: applicantSchema.optional(),
});
export type Dossier = z.infer<typeof dossierSchema>;
