// One dossier's fields and its status timeline: every status change the capture observed.
import { useEffect, useRef } from 'react';
import Dexie from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { getLocale, t } from '../../../../shared/i18n/i18n.ts';
import { db } from '../../../ui/pageDatabase.ts';
import { formatInstant } from '../../../ui/format.ts';
import { TimelinessBadge } from './TimelinessBadge.tsx';
import type { DossierRow } from './dossierView.ts';

export function DossierDetail({ row, onClose }: { row: DossierRow; onClose: () => void }) {
  const { dossier } = row;
  const timeline = useLiveQuery(
    () => db.statusObservations.where('[dossierCode+seenAt]').between([dossier.code, Dexie.minKey], [dossier.code, Dexie.maxKey]).toArray(),
    [dossier.code],
  );
  const heading = useRef<HTMLHeadingElement>(null);
  // Keyboard and screen-reader users land on the dossier they opened.
  useEffect(() => heading.current?.focus(), [dossier.code]);
  const locale = getLocale();
  const fields: [string, string][] = [
    ['panel.dossier.procedure', `${dossier.procedureCode ?? '—'} · ${dossier.procedureName ?? '—'}`],
    ['panel.dossier.agency', dossier.agency ?? '—'],
    ['panel.dossier.status', dossier.status ?? '—'],
    ['panel.dossier.stepStatus', dossier.stepStatus ?? '—'],
    ['panel.dossier.channel', t(`panel.channel.${dossier.channel}`)],
    ['panel.dossier.acceptedAt', formatInstant(dossier.acceptedAt, locale)],
    ['panel.dossier.appointmentAt', formatInstant(dossier.appointmentAt, locale)],
    ['panel.dossier.completedAt', formatInstant(dossier.completedAt ?? null, locale)],
    ['panel.dossier.returnedAt', formatInstant(dossier.returnedAt, locale)],
    ['coverage.lastSeen', formatInstant(dossier.lastSeenAt, locale)],
  ];
  return (
    <section className="detail" aria-labelledby="dossier-detail-title">
      <header className="detail-head">
        <h2 id="dossier-detail-title" className="code" ref={heading} tabIndex={-1}>{dossier.code}</h2>
        <TimelinessBadge timeliness={row.timeliness} />
        <button type="button" className="link" onClick={onClose}>{t('panel.close')}</button>
      </header>
      <dl className="fields">
        {fields.map(([label, value]) => (
          <div key={label}>
            <dt>{t(label)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <h3>{t('panel.dossier.timeline')}</h3>
      {timeline && timeline.length > 0 ? (
        <ol className="timeline" aria-label={t('panel.dossier.timeline')}>
          {timeline.map((observation) => (
            <li key={observation.id}>
              <time dateTime={observation.seenAt}>{formatInstant(observation.seenAt, locale)}</time> {observation.status}
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">{t('panel.dossier.noTimeline')}</p>
      )}
    </section>
  );
}
