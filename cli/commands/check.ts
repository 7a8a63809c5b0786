// tthc-desk check FILE [--today YYYY-MM-DD] [--json]: evaluates each procedure's publication
// record (JSON array or CSV with the same column names) against the 2024 plan's deadlines.
import { bilingual } from '../../shared/i18n/i18n.ts';
import { evaluatePublication, type PublicationEvaluation, type StepEvaluation } from '../../shared/publication/deadlines.ts';
import { publicationRecordSchema } from '../../shared/schemas/publication.ts';
import { todayInVietnam } from '../../shared/time/dates.ts';
import { parseFlags } from '../args.ts';
import { UsageError } from '../errors.ts';
import { dateFlag, readInputFile, readRecords } from '../input.ts';
import type { CommandIO } from '../main.ts';
import { renderTable } from '../table.ts';

/** Steps of another plan may have no translation: show their id rather than a catalog key. */
function stepLabel(step: string): string {
  const label = bilingual(`step.${step}`);
  return label === `step.${step}` ? step : label;
}

function daysCell(step: StepEvaluation): string {
  if (step.late !== null) return bilingual(`check.late.${step.unit}`, { n: step.late });
  if (step.left !== null) return bilingual(`check.left.${step.unit}`, { n: step.left });
  return '';
}

function procedureTable(evaluation: PublicationEvaluation, name: string): string {
  const header = ['step', 'due', 'doneOn', 'status', 'days'].map((column) => bilingual(`check.column.${column}`));
  const rows = evaluation.steps.map((step) => [
    stepLabel(step.step),
    step.due ?? '',
    step.doneOn ?? '',
    bilingual(`status.${step.status}`),
    daysCell(step),
  ]);
  return `${evaluation.procedureCode}${name ? ` — ${name}` : ''}\n${renderTable(header, rows)}`;
}

export async function run(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseFlags('check', argv, { today: { type: 'string' }, json: { type: 'boolean' } }, 1);
  const file = positionals[0];
  if (file === undefined) throw new UsageError('input.missingFile', { command: 'check' });
  const today = typeof values.today === 'string' ? dateFlag(values.today) : todayInVietnam();
  const records = readRecords(publicationRecordSchema, file, await readInputFile(file));
  const evaluations = records.map((record) => ({ record, evaluation: evaluatePublication(record, { today }) }));
  if (values.json) {
    io.stdout(JSON.stringify(evaluations.map(({ evaluation }) => ({
      procedureCode: evaluation.procedureCode,
      steps: evaluation.steps.map(({ step, due, doneOn, status, late, left }) => ({ step, due, doneOn, status, late, left })),
    }))));
    return 0;
  }
  if (evaluations.length === 0) {
    io.stdout(bilingual('check.none'));
    return 0;
  }
  io.stdout(evaluations.map(({ record, evaluation }) => procedureTable(evaluation, record.procedureName)).join('\n\n'));
  return 0;
}
