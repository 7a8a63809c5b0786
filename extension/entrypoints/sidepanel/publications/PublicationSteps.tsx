// One procedure's publication steps: due date, done date, status and days late or left in the
// step's own unit (working days for posting, calendar days otherwise).
import { getLocale, t } from '../../../../shared/i18n/i18n.ts';
import type { StepEvaluation } from '../../../../shared/publication/deadlines.ts';
import { formatCalendarDate } from '../../../ui/format.ts';

function daysText(step: StepEvaluation): string {
  if (step.late !== null) return t('panel.stepLate', { days: t(`panel.days.${step.unit}`, { days: step.late }) });
  if (step.left !== null) return t('panel.stepLeft', { days: t(`panel.days.${step.unit}`, { days: step.left }) });
  return '';
}

/** A captured day that bounds a step nobody marked done: proof it was done in time, or no evidence yet. */
function evidenceText(step: StepEvaluation, locale: ReturnType<typeof getLocale>): string | null {
  if (step.evidence === 'seenInTime' && step.seenOn) return t('evidence.seenBy', { date: formatCalendarDate(step.seenOn, locale) });
  if (step.evidence === 'noEvidenceYet') return t('evidence.noEvidenceYet');
  return null;
}

export function PublicationSteps({ steps, caption }: { steps: readonly StepEvaluation[]; caption: string }) {
  const locale = getLocale();
  return (
    <table className="steps">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('panel.publication.step')}</th>
          <th scope="col">{t('panel.publication.due')}</th>
          <th scope="col">{t('panel.publication.done')}</th>
          <th scope="col">{t('panel.publication.status')}</th>
        </tr>
      </thead>
      <tbody>
        {steps.map((step) => (
          <tr key={step.step} data-step={step.step}>
            <th scope="row" title={step.source}>{t(`panel.step.${step.step}`)}</th>
            <td>{formatCalendarDate(step.due, locale)}</td>
            <td>{formatCalendarDate(step.doneOn, locale)}</td>
            <td>
              <span className={`badge status-${step.status}`} data-status={step.status}>{t(`panel.stepStatus.${step.status}`)}</span>{' '}
              <span className="muted">{daysText(step)}</span>
              {step.evidence && <span className="muted" data-evidence={step.evidence}> · {evidenceText(step, locale)}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
