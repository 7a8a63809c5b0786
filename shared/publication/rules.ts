// Publication deadlines as data: each step of publishing a procedure (công bố, quy trình, niêm
// yết, đăng tải, CSDL quốc gia, HTTT tỉnh) with its period, unit, trigger and legal source, so a
// unit can load another year's or another province's plan as JSON instead of changing code.
import { z } from 'zod';
import { publicationDateFields, type PublicationDateField } from '../schemas/publication.ts';

const dateField = z.enum(publicationDateFields as [PublicationDateField, ...PublicationDateField[]]);

export const dayUnitSchema = z.enum(['working', 'calendar']);
export type DayUnit = z.infer<typeof dayUnitSchema>;

export const deadlineSchema = z.object({
  days: z.number().int().nonnegative(),
  unit: dayUnitSchema,
  /** The record field whose date starts the period (Civil Code art. 147: from the day after). */
  from: dateField,
  /**
   * 'atLatest' for "chậm nhất N ngày" (due on the N-th day); 'before' for "trước N ngày", whose
   * reading the rule set chooses (../shared/domain.md: not settled).
   */
  wording: z.enum(['atLatest', 'before']),
});
export type Deadline = z.infer<typeof deadlineSchema>;

export const publicationRuleSchema = z.object({
  step: z.string().min(1),
  /** The record field holding the day the step was done. */
  done: dateField,
  /** The first deadline gives the step's unit; with several, `combine` picks the due date. */
  deadlines: z.array(deadlineSchema).min(1),
  /** 'earliest' when every limit holds at once, 'latest' when meeting any one of them suffices. */
  combine: z.enum(['earliest', 'latest']),
  /** With no trigger date: the step does not concern this procedure, or it waits for the trigger. */
  whenTriggerMissing: z.enum(['not_applicable', 'pending']),
  source: z.string().min(1),
});
export type PublicationRule = z.infer<typeof publicationRuleSchema>;

export const publicationRulesSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  /** How "trước N ngày" is read: due on the N-th day, or on the day before it. */
  beforeReading: z.enum(['onNthDay', 'dayBeforeNth']),
  rules: z.array(publicationRuleSchema).min(1),
});
export type PublicationRules = z.infer<typeof publicationRulesSchema>;
