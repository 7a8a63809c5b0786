// tthc-desk kpi FILE [--json]: the plan's indicators for one period from a JSON file of records:
// { "period": "2024-Q1", "today"?: date, "previousResults"?: { id: percent },
//   "increaseAs"?: "points"|"factor", "dossiers"?: [...], "publications"?: [...], "figures"?: [...] }.
import { z } from 'zod';
import { bilingual } from '../../shared/i18n/i18n.ts';
import { computeIndicators, indicatorDossierSchema, type IndicatorResult } from '../../shared/indicators/compute.ts';
import { targetRuleSchema } from '../../shared/indicators/plan.ts';
import { plan2024Indicators } from '../../shared/indicators/plan2024.ts';
import { evaluatePublication } from '../../shared/publication/deadlines.ts';
import { indicatorFigureSchema, periodSchema } from '../../shared/schemas/indicator.ts';
import { publicationRecordSchema } from '../../shared/schemas/publication.ts';
import { isCalendarDate, todayInVietnam } from '../../shared/time/dates.ts';
import { parseFlags } from '../args.ts';
import { UsageError } from '../errors.ts';
import { parseJson, parseRecord, readInputFile } from '../input.ts';
import type { CommandIO } from '../main.ts';
import { renderTable } from '../table.ts';

const kpiFileSchema = z.object({
  period: periodSchema,
  today: z.string().refine(isCalendarDate, { message: 'expected a real YYYY-MM-DD date' }).optional(),
  previousResults: z.record(z.string(), z.number().min(0).max(100)).default({}),
  increaseAs: targetRuleSchema.shape.increaseAs.optional(),
  dossiers: z.array(indicatorDossierSchema).default([]),
  publications: z.array(publicationRecordSchema).default([]),
  figures: z.array(indicatorFigureSchema).default([]),
});

function percentCell(value: number | null): string {
  return value === null ? '' : `${value}%`;
}

function resultTable(results: IndicatorResult[]): string {
  const header = ['indicator', 'rate', 'target', 'met', 'source'].map((column) => bilingual(`kpi.column.${column}`));
  const rows = results.map((r) => [
    r.name.vi,
    r.rate === null ? '' : `${percentCell(r.rate)} (${r.numerator}/${r.denominator})`,
    percentCell(r.target),
    r.met === null ? '' : bilingual(r.met ? 'kpi.met.yes' : 'kpi.met.no'),
    bilingual(`kpi.source.${r.source}`),
  ]);
  return renderTable(header, rows);
}

export async function run(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseFlags('kpi', argv, { json: { type: 'boolean' } }, 1);
  const file = positionals[0];
  if (file === undefined) throw new UsageError('input.missingFile', { command: 'kpi' });
  const input = parseRecord(kpiFileSchema, file, { kind: 'file', n: 0 }, parseJson(file, await readInputFile(file)));
  const today = input.today ?? todayInVietnam();
  const plan = input.increaseAs ? { ...plan2024Indicators, targetRule: { ...plan2024Indicators.targetRule, increaseAs: input.increaseAs } } : plan2024Indicators;
  const results = computeIndicators(plan, {
    period: input.period,
    dossiers: input.dossiers,
    publications: input.publications.map((record) => ({ publicationDate: record.publicationDate, evaluation: evaluatePublication(record, { today }) })),
    figures: input.figures,
    previousResults: input.previousResults,
  });
  if (values.json) {
    io.stdout(JSON.stringify(results));
    return 0;
  }
  io.stdout(`${bilingual('kpi.period', { period: input.period })}\n${resultTable(results)}`);
  return 0;
}
