// Figures the officer enters for an indicator and a period, checked before anything is stored,
// and the periods the tab offers.
import { indicatorFigureSchema, periodSchema, type IndicatorFigure, type Period } from '../../../../shared/schemas/indicator.ts';
import type { StoredIndicatorFigure } from '../../../db/database.ts';
import { InputProblem } from '../../../ui/inputProblem.ts';

export interface FigureForm {
  numerator: string;
  denominator: string;
  source: string;
}

/** "1.234", "1 234" and "12,5" as officers write them; an empty or negative value is a problem. */
function parseCount(text: string, field: string): number {
  const cleaned = text.trim().replace(/[\s.](?=\d{3}\b)/g, '').replace(',', '.');
  const value = cleaned === '' ? Number.NaN : Number(cleaned);
  if (!Number.isFinite(value) || value < 0) throw new InputProblem('panel.indicators.badNumber', { field });
  return value;
}

export function parsePeriod(text: string): Period {
  const parsed = periodSchema.safeParse(text.trim().toUpperCase().replace(/^(\d{4})-Q/, '$1-Q'));
  if (!parsed.success) throw new InputProblem('panel.indicators.badPeriod');
  return parsed.data;
}

export function figureFromForm(indicatorId: string, period: Period, form: FigureForm): IndicatorFigure {
  const numerator = parseCount(form.numerator, 'numerator');
  const denominator = parseCount(form.denominator, 'denominator');
  if (denominator === 0) throw new InputProblem('panel.indicators.badNumber', { field: 'denominator' });
  if (numerator > denominator) throw new InputProblem('panel.indicators.numeratorTooBig');
  const source = form.source.trim();
  return indicatorFigureSchema.parse({ indicatorId, period, numerator, denominator, ...(source === '' ? {} : { source }) });
}

/** Stored figures that still fit the schema; an unreadable row is left out rather than breaking the tab. */
export function storedFigures(rows: readonly StoredIndicatorFigure[]): IndicatorFigure[] {
  return rows.flatMap((row) => {
    const parsed = indicatorFigureSchema.safeParse(row.figure);
    return parsed.success ? [parsed.data] : [];
  });
}

/** The year before a period's year: last year's result sets the unit's target (annex, khoản 1). */
export function previousYear(period: Period): Period {
  return String(Number(period.slice(0, 4)) - 1);
}
