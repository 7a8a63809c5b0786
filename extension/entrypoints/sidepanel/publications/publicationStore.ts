// Publication records in Dexie: all of an import is written in one transaction, or none of it.
import { readPublicationRecords } from '../../../db/publications.ts';
import { db } from '../../../ui/pageDatabase.ts';
import type { PublicationRecord } from './publicationInput.ts';

export async function savePublications(records: readonly PublicationRecord[]): Promise<void> {
  const updatedAt = new Date().toISOString();
  await db.transaction('rw', db.publications, () =>
    db.publications.bulkPut(records.map((record) => ({ procedureCode: record.procedureCode, record, updatedAt }))),
  );
}

/** An edit in the form keeps the publication decision's number confirmed earlier, while its date stays the same. */
export async function keepDecisionNumber(record: PublicationRecord): Promise<PublicationRecord> {
  const [stored] = readPublicationRecords([await db.publications.get(record.procedureCode)]);
  const number = stored?.publicationDate === record.publicationDate ? stored.publicationDecisionNumber : null;
  return number ? { ...record, publicationDecisionNumber: number } : record;
}
