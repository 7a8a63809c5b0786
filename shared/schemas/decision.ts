// A publication decision (Quyết định công bố) as the national TTHC database (thutuc.dichvucong.gov.vn)
// lists it, and the procedures it publishes: the evidence for the `publication` step. The database
// names procedures by its internal id (the `ma_thu_tuc=ID` of the national detail page), not by code.
import { z } from 'zod';
import { isCalendarDate } from '../time/dates.ts';

export const decisionSchema = z.object({
  /** The database's id of the decision (`ma_quyet_dinh=ID`). */
  id: z.string().min(1),
  /** The decision's number as issued: "2751/QĐ-UBND". */
  number: z.string().min(1),
  title: z.string(),
  /** "Ngày quyết định": the day the decision was issued. */
  publishedOn: z.string().refine(isCalendarDate, { message: 'expected a real YYYY-MM-DD date' }),
  agency: z.string().nullable(),
  agencyId: z.string().nullable(),
});
export type Decision = z.infer<typeof decisionSchema>;

/** What a decision does to a procedure: publishes a new one, amends one, or repeals one. */
export const decisionChangeSchema = z.enum(['new', 'amended', 'repealed']);
export type DecisionChange = z.infer<typeof decisionChangeSchema>;

export const decisionProcedureSchema = z.object({
  decisionId: z.string().min(1),
  /** The procedure's internal id in the national database. */
  nationalId: z.string().min(1),
  change: decisionChangeSchema,
  name: z.string().nullable(),
  agency: z.string().nullable(),
});
export type DecisionProcedure = z.infer<typeof decisionProcedureSchema>;
