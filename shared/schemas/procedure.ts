// A procedure (thủ tục hành chính) as seen on a portal's procedure list or detail page.
import { z } from 'zod';
import { boundedText, fieldLimits, siteSchema } from './dossier.ts';

export const resolutionTimeSchema = z.object({
  days: z.number().nonnegative(),
  unit: z.enum(['working', 'calendar']),
});
export type ResolutionTime = z.infer<typeof resolutionTimeSchema>;

// Captured strings are bounded and cleaned as the dossier's are (dossier.ts says why each limit).
export const procedureSchema = z.object({
  /** National code without local suffix: 1.001612. */
  code: boundedText(fieldLimits.procedureCode).min(1),
  /** The code as the portal shows it: 1.001612.000.00.00.H48. */
  localCode: boundedText(fieldLimits.procedureCode).nullable(),
  portalId: boundedText(fieldLimits.id).nullable(),
  site: siteSchema,
  name: boundedText(fieldLimits.name),
  sector: boundedText(fieldLimits.name).nullable(),
  agency: boundedText(fieldLimits.name).nullable(),
  /** Level as the portal names it (e.g. "Toàn trình", "Một phần"). */
  level: boundedText(fieldLimits.status).nullable(),
  /** The publication decision the national portal names ("Số quyết định"), when the page shows it: "2751/QĐ-UBND". */
  decisionNumber: boundedText(fieldLimits.code).nullable().optional(),
  /** "Thời hạn giải quyết" as the national portal states it: "7 Ngày làm việc" → 7 working days. */
  resolutionTime: resolutionTimeSchema.nullable().optional(),
});
export type Procedure = z.infer<typeof procedureSchema>;

/** 1.001612.000.00.00.H48 → 1.001612; a code without suffix is returned as it is. */
export function nationalProcedureCode(localCode: string): string {
  const match = /^(\d+\.\d+)/.exec(localCode.trim());
  return match?.[1] ?? localCode.trim();
}
