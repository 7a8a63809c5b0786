// A followed procedure: its evaluated steps, a one-line summary, and the captured evidence: the
// publication decisions of the national TTHC database listing it, and the first day its code was
// seen on the provincial list (for the provincial-system step).
import { getLocale, t } from '../../../../shared/i18n/i18n.ts';
import { isStepLate } from '../../../../shared/publication/deadlines.ts';
import type { DecisionOffer } from '../../../../shared/publication/decisionOffers.ts';
import type { CalendarDate } from '../../../../shared/time/dates.ts';
import { evaluateWithFirstSeen } from '../../../db/publications.ts';
import { formatCalendarDate } from '../../../ui/format.ts';
import type { PublicationRecord } from './publicationInput.ts';
import { DecisionOffers } from './DecisionOffers.tsx';
import { PublicationSteps } from './PublicationSteps.tsx';
import { savePublications } from './publicationStore.ts';

interface Props {
  record: PublicationRecord;
  firstSeenOn: CalendarDate | null;
  /** Decisions of the national TTHC database that list this procedure. */
  offers: readonly DecisionOffer[];
  today: CalendarDate;
  onEdit: () => void;
  onDelete: () => void;
}

export function PublicationCard({ record, firstSeenOn, offers, today, onEdit, onDelete }: Props) {
  // The same evaluation as the badges, the notification, the board and the indicators.
  const { steps } = evaluateWithFirstSeen(record, firstSeenOn ?? undefined, today);
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
      <DecisionOffers record={record} offers={offers} />
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
