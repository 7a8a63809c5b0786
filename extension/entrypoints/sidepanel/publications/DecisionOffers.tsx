// The publication decisions the national TTHC database lists this procedure in: each offered, with
// its number and date, as the procedure's publication decision, confirmed with one click (as the
// first-seen day is for the provincial-system step). The one already recorded is shown as such.
import { getLocale, t } from '../../../../shared/i18n/i18n.ts';
import { offerRecorded, type DecisionOffer } from '../../../../shared/publication/decisionOffers.ts';
import { formatCalendarDate } from '../../../ui/format.ts';
import type { PublicationRecord } from './publicationInput.ts';
import { savePublications } from './publicationStore.ts';

export function DecisionOffers({ record, offers }: { record: PublicationRecord; offers: readonly DecisionOffer[] }) {
  const locale = getLocale();
  return (
    <>
      {record.publicationDecisionNumber && <p className="muted" data-decision-number>{t('nationalDb.recorded', { number: record.publicationDecisionNumber })}</p>}
      {offers
        .filter((offer) => !offerRecorded(offer, record))
        .map((offer) => (
          <p key={offer.decisionId} className="notice info" data-decision-offer={offer.decisionId}>
            {t('nationalDb.offer', { number: offer.number, date: formatCalendarDate(offer.publishedOn, locale), change: t(`nationalDb.change.${offer.change}`) })}{' '}
            <button type="button" className="link" onClick={() => void savePublications([{ ...record, publicationDate: offer.publishedOn, publicationDecisionNumber: offer.number }])}>
              {t('nationalDb.useOffer')}
            </button>
          </p>
        ))}
    </>
  );
}
