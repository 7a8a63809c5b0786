// An indicator plan as data: the rates a unit is measured on, their targets and the rule that
// turns last year's result into a unit's own target. The 2024 plan is ./plan2024.ts; another
// year's plan is the same shape, loaded as JSON.
import { z } from 'zod';

/** Where a rate can come from: the records the extension keeps, or figures entered per period. */
export const rateBasisSchema = z.enum(['dossiers.online', 'dossiers.onlinePayment', 'dossiers.onTime', 'publications.onTime', 'figures']);
export type RateBasis = z.infer<typeof rateBasisSchema>;

export const indicatorDefinitionSchema = z.object({
  id: z.string().min(1),
  /** The rate's name as the plan words it, and in English. */
  name: z.object({ vi: z.string().min(1), en: z.string().min(1) }),
  /** Central target in percent ("Tối thiểu 80" → 80); null for a rate the plan does not set. */
  target: z.number().min(0).max(100).nullable(),
  basis: rateBasisSchema,
});
export type IndicatorDefinition = z.infer<typeof indicatorDefinitionSchema>;

export const targetRuleSchema = z.object({
  /** The increase asked of a unit already at or above the central target. */
  increase: z.number().nonnegative(),
  /** "Tăng thêm 10%": 10 percentage points, or 10% of the previous result (×1.1). Not stated: configurable. */
  increaseAs: z.enum(['points', 'factor']),
});
export type TargetRule = z.infer<typeof targetRuleSchema>;

export const indicatorPlanSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  year: z.number().int(),
  targetRule: targetRuleSchema,
  indicators: z.array(indicatorDefinitionSchema).min(1),
});
export type IndicatorPlan = z.infer<typeof indicatorPlanSchema>;
