// Công bố: publication records typed or imported, each procedure's steps against the plan's deadlines.
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { t } from '../../../../shared/i18n/i18n.ts';
import { todayInVietnam } from '../../../../shared/time/dates.ts';
import { decisionOffersByCode } from '../../../db/decisions.ts';
import { readPublicationRecords } from '../../../db/publications.ts';
import { db } from '../../../ui/pageDatabase.ts';
import { PublicationCard } from './PublicationCard.tsx';
import { PublicationForm } from './PublicationForm.tsx';
import { PublicationImport } from './PublicationImport.tsx';
import { emptyPublicationForm, formFromRecord, type PublicationRecord } from './publicationInput.ts';

async function loadPublications() {
  const [stored, firstSeen] = await Promise.all([db.publications.orderBy('updatedAt').reverse().toArray(), db.procedureFirstSeen.toArray()]);
  const firstSeenOn = new Map(firstSeen.map((row) => [row.procedureCode, row.firstSeenOn]));
  const records = readPublicationRecords(stored);
  return { records, firstSeenOn, offers: await decisionOffersByCode(db, records.map((record) => record.procedureCode)) };
}

export function PublicationsTab() {
  const data = useLiveQuery(loadPublications, []);
  const [form, setForm] = useState(emptyPublicationForm);
  const [message, setMessage] = useState<string | null>(null);
  // The form is open while nothing is followed yet, and whenever the officer opens it or edits.
  const [formOpen, setFormOpen] = useState<boolean | null>(null);
  const noRecords = data?.records.length === 0;
  const today = todayInVietnam();
  const edit = (record: PublicationRecord) => {
    setForm(formFromRecord(record));
    setMessage(null);
    setFormOpen(true);
    document.getElementById('publication-form-title')?.scrollIntoView();
  };
  return (
    <div className="tab-body stack">
      <details
        open={formOpen ?? noRecords}
        onToggle={(event) => {
          // Only the officer's own toggles are remembered, not the ones following the default.
          if (event.currentTarget.open !== (formOpen ?? noRecords)) setFormOpen(event.currentTarget.open);
        }}
      >
        <summary>{t('panel.publication.formTitle')}</summary>
        <PublicationForm form={form} onChange={setForm} onSaved={(text) => { setMessage(text); setForm(emptyPublicationForm); }} />
      </details>
      <details>
        <summary>{t('panel.import.title')}</summary>
        <PublicationImport onImported={setMessage} />
      </details>
      {message && <p className="notice success" role="status">{message}</p>}
      <h2>{t('panel.publication.list', { count: data?.records.length ?? 0 })}</h2>
      {data && data.records.length === 0 && <p className="empty">{t('panel.publication.none')}</p>}
      {data?.records.map((record) => (
        <PublicationCard
          key={record.procedureCode}
          record={record}
          firstSeenOn={data.firstSeenOn.get(record.procedureCode) ?? null}
          offers={data.offers.get(record.procedureCode) ?? []}
          today={today}
          onEdit={() => edit(record)}
          onDelete={() => void db.publications.delete(record.procedureCode)}
        />
      ))}
    </div>
  );
}
