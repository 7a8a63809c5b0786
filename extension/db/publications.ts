// Stored publication records: read back through the schema, and evaluated with the captured
// evidence for the provincial-system step: the first day the procedure was seen on the provincial
// list, an upper bound of a missing `provincialSystemDate` (public there by that day at the latest),
// judged by the one evidence rule of shared/publication/deadlines.ts. Badges, the notification, the
// board's automatic tasks, the register and the indicators all evaluate through this file.
import { evaluatePublication, type PublicationEvaluation } from '../../shared/publication/deadlines.ts';
import { publicationRecordSchema, type PublicationRecord } from '../../shared/schemas/publication.ts';
import type { CalendarDate } from '../../shared/time/dates.ts';
import type { StoredPublication, TthcDatabase } from './database.ts';

/** The records of stored rows; records are stored validated, so one that no longer parses (an older shape) is skipped, not fatal. */
export function readPublicationRecords(rows: readonly (StoredPublication | undefined)[]): PublicationRecord[] {
  return rows.flatMap((row) => {
    const parsed = publicationRecordSchema.safeParse(row?.record);
    return parsed.success ? [parsed.data] : [];
  });
}

/** One record's steps as evaluated today, with the day its code was first seen on the provincial list, if it was. */
export function evaluateWithFirstSeen(record: PublicationRecord, firstSeenOn: CalendarDate | undefined, today: CalendarDate): PublicationEvaluation {
  return evaluatePublication(record, { today, seenBy: firstSeenOn === undefined ? {} : { provincialSystemDate: firstSeenOn } });
}

/** Each stored record with its steps as evaluated today; `codes` null means every stored procedure. */
export async function evaluateStoredRecords(db: TthcDatabase, codes: string[] | null, today: CalendarDate): Promise<{ record: PublicationRecord; evaluation: PublicationEvaluation }[]> {
  const records = readPublicationRecords(codes === null ? await db.publications.toArray() : await db.publications.bulkGet(codes));
  const firstSeen = await db.procedureFirstSeen.bulkGet(records.map((record) => record.procedureCode));
  return records.map((record, i) => ({ record, evaluation: evaluateWithFirstSeen(record, firstSeen[i]?.firstSeenOn, today) }));
}

/** Each stored procedure's publication steps as evaluated today; `codes` null means every stored procedure. */
export async function evaluateStoredPublications(db: TthcDatabase, codes: string[] | null, today: CalendarDate): Promise<PublicationEvaluation[]> {
  return (await evaluateStoredRecords(db, codes, today)).map(({ evaluation }) => evaluation);
}
