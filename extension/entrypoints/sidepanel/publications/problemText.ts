// One sentence for an input problem, with the field named as the form labels it and, for a file,
// the file and row.
import { t } from '../../../../shared/i18n/i18n.ts';
import type { InputProblem } from './publicationInput.ts';

export function problemText(problem: InputProblem, file?: string): string {
  const field = problem.params.field;
  const params = typeof field === 'string' ? { ...problem.params, field: t(`panel.publication.field.${field}`) } : problem.params;
  const message = t(problem.key, params);
  if (file === undefined) return message;
  return problem.row === null ? t('panel.import.inFile', { file, message }) : t('panel.import.atRow', { file, row: problem.row, message });
}
