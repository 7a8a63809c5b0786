// An indicator figure entered for a period: numerator and denominator of one rate of the plan's
// annex, for the rates the stored records cannot give (e.g. digitised dossiers, satisfaction).
import { z } from 'zod';

/** A year (2024), a quarter (2024-Q1) or a month (2024-03). */
export const periodSchema = z.string().trim().regex(/^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/, { message: 'expected a period like 2024, 2024-Q1 or 2024-03' });
export type Period = z.infer<typeof periodSchema>;

export const indicatorFigureSchema = z
  .object({
    /** The indicator's id in the plan's catalogue (shared/indicators/plan2024.ts). */
    indicatorId: z.string().trim().min(1),
    period: periodSchema,
    numerator: z.number().nonnegative(),
    denominator: z.number().positive(),
    /** Where the figures come from (report, system), for whoever checks them. */
    source: z.string().trim().optional(),
  })
  .refine((f) => f.numerator <= f.denominator, { message: 'numerator exceeds denominator', path: ['numerator'] });

export type IndicatorFigure = z.infer<typeof indicatorFigureSchema>;
