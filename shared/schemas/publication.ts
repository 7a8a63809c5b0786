// A procedure's publication record (công bố – công khai TTHC): the dates each step of the plan
// was done, typed by the officer, imported from a file or captured from the portals. Dates are
// calendar days; a missing or empty date means "not done yet".
import { z } from 'zod';
import { isCalendarDate } from '../time/dates.ts';

const calendarDate = z.string().trim().refine(isCalendarDate, { message: 'expected a real YYYY-MM-DD date' });
/** Absent, null and '' (an empty CSV cell) all mean "not done", stored as null. */
const stepDate = z.preprocess((v) => (v === '' ? null : v), calendarDate.nullish()).transform((v) => v ?? null);

export const publicationRecordSchema = z
  .object({
    /** National procedure code: 1.001612. */
    procedureCode: z.string().trim().min(1),
    procedureName: z.string().trim().default(''),
    /** The minister's decision listing the procedure (Danh mục TTHC), when there is one. */
    ministryListDate: stepDate,
    /** The province's publication decision (Quyết định công bố); null while it is awaited. */
    publicationDate: stepDate,
    /** Its number ("2751/QĐ-UBND"), when known: confirmed from the national TTHC database or typed. */
    publicationDecisionNumber: z.string().trim().min(1).nullable().optional(),
    internalProcessDate: stepDate,
    eProcessDate: stepDate,
    postedDate: stepDate,
    webPostedDate: stepDate,
    nationalDbDate: stepDate,
    provincialSystemDate: stepDate,
  })
  .refine((r) => r.publicationDate !== null || r.ministryListDate !== null, {
    message: 'needs publicationDate or ministryListDate',
    path: ['publicationDate'],
  });

export type PublicationRecord = z.infer<typeof publicationRecordSchema>;
export type PublicationRecordInput = z.input<typeof publicationRecordSchema>;

/** The record's date fields: what a publication rule can be triggered by or marked done with. */
export type PublicationDateField = Exclude<keyof PublicationRecord, 'procedureCode' | 'procedureName' | 'publicationDecisionNumber'>;

export const publicationDateFields: readonly PublicationDateField[] = [
  'ministryListDate', 'publicationDate', 'internalProcessDate', 'eProcessDate',
  'postedDate', 'webPostedDate', 'nationalDbDate', 'provincialSystemDate',
];
