// A followed procedure: its evaluated steps, a one-line summary, and the captured evidence for
// the provincial-system step (the first day its code was seen on the provincial list).
import { getLocale, t } from '../../../../shared/i18n/i18n.ts';
import { evaluatePublication, isStepLate } from '../../../../shared/publication/deadlines.ts';
import type { CalendarDate } from '../../../../shared/time/dates.ts';
import { formatCalendarDate } from '../../../ui/format.ts';
import type { PublicationRecord } from './publicationInput.ts';
import { PublicationSteps } from './PublicationSteps.tsx';
import { savePublications } from './publicationStore.ts';

interface Props {
  record: PublicationRecord;
  firstSeenOn: CalendarDate | null;
  today: CalendarDate;
  onEdit: () => void;
  onDelete: () => void;
}

export function PublicationCard({ record, firstSeenOn, today, onEdit, onDelete }: Props) {
  const { steps } = evaluatePublication(record, { today });
  const late = steps.filter(isStepLate).length;
  const open = steps.filter((step) => step.status === 'pending').length;
  const summary = late > 0 ? t('panel.publication.summary.late', { count: late }) : open > 0 ? t('panel.publication.summary.open', { count: open }) : t('panel.publication.summary.ok');
  const titleId = `publication-${record.procedureCode}`;
  return (
    <article className="card stack" aria-labelledby={titleId} data-procedure={record.procedureCode}>
      <header className="card-head">
        <h3 id={titleId}>
          <span className="code">{record.procedureCode}</span> {record.procedureName}
        </h3>
        <span className={`badge ${late > 0 ? 'status-late' : open > 0 ? 'status-pending' : 'status-on_time'}`}>{summary}</span>
      </header>
      <PublicationSteps steps={steps} caption={record.procedureCode} />
      {firstSeenOn && (
        <p className="notice info">
          {t('panel.publication.firstSeen', { date: formatCalendarDate(firstSeenOn, getLocale()) })}
          {record.provincialSystemDate === null && (
            <>
              {' '}
              <button type="button" className="link" onClick={() => void savePublications([{ ...record, provincialSystemDate: firstSeenOn }])}>
                {t('panel.publication.useFirstSeen')}
              </button>
            </>
          )}
        </p>
      )}
      <div className="row">
        <button type="button" onClick={onEdit}>{t('panel.edit')}</button>
        <button type="button" onClick={onDelete}>{t('panel.delete')}</button>
      </div>
    </article>
  );
}
