// Publication records in Dexie: all of an import is written in one transaction, or none of it.
import { db } from '../../../ui/pageDatabase.ts';
import type { PublicationRecord } from './publicationInput.ts';

export async function savePublications(records: readonly PublicationRecord[]): Promise<void> {
  const updatedAt = new Date().toISOString();
  await db.transaction('rw', db.publications, () =>
    db.publications.bulkPut(records.map((record) => ({ procedureCode: record.procedureCode, record, updatedAt }))),
  );
}
