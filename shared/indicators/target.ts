// A unit's own target (annex, khoản 1): below the central target last year → the central target;
// at or above it → last year's result raised by the plan's increase, never below the central
// target and never above 100%.
import type { TargetRule } from './plan.ts';

export function unitTarget(central: number, previousResult: number | null, rule: TargetRule): number {
  if (previousResult === null || previousResult < central) return central;
  const raised = rule.increaseAs === 'points' ? previousResult + rule.increase : previousResult * (1 + rule.increase / 100);
  // Rounded to hundredths so 85 × 1.1 reads 93.5, not 93.50000000000001.
  return Math.min(100, Math.max(central, Math.round(raised * 100) / 100));
}
