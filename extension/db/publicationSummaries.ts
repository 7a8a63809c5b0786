// A procedure's publication progress (its badge on the portal, the deadline notification): the
// officer's record, with the first day the procedure was seen on the provincial list standing in for a missing
// `provincialSystemDate` (it was public on the provincial system by that day at the latest).
import { evaluatePublication, type PublicationEvaluation } from '../../shared/publication/deadlines.ts';
import { publicationRecordSchema } from '../../shared/schemas/publication.ts';
import type { CalendarDate } from '../../shared/time/dates.ts';
import type { PublicationSummary } from '../messaging/messages.ts';
import type { TthcDatabase } from './database.ts';

/** Each stored procedure's publication steps as evaluated today; `codes` null means every stored procedure. */
export async function evaluateStoredPublications(db: TthcDatabase, codes: string[] | null, today: CalendarDate): Promise<PublicationEvaluation[]> {
  const stored = codes === null ? await db.publications.toArray() : await db.publications.bulkGet(codes);
  const firstSeen = await db.procedureFirstSeen.bulkGet(codes ?? stored.map((publication) => publication!.procedureCode));
  const evaluations: PublicationEvaluation[] = [];
  stored.forEach((publication, i) => {
    const parsed = publicationRecordSchema.safeParse(publication?.record);
    if (!parsed.success) return;
    const record = { ...parsed.data, provincialSystemDate: parsed.data.provincialSystemDate ?? firstSeen[i]?.firstSeenOn ?? null };
    evaluations.push(evaluatePublication(record, { today }));
  });
  return evaluations;
}

export async function publicationSummaries(db: TthcDatabase, codes: string[], today: CalendarDate): Promise<PublicationSummary[]> {
  return (await evaluateStoredPublications(db, codes, today)).map(({ procedureCode, steps }) => ({
    procedureCode,
    lateSteps: steps.filter((step) => step.status === 'late' || step.status === 'overdue').length,
    openSteps: steps.filter((step) => step.status === 'pending').length,
  }));
}

/** Publication steps past their due date and not done, and those due within `dueSoonDays` (in each step's unit). */
export async function countPublicationAttention(db: TthcDatabase, today: CalendarDate, dueSoonDays: number): Promise<{ overdue: number; dueSoon: number }> {
  const steps = (await evaluateStoredPublications(db, null, today)).flatMap((evaluation) => evaluation.steps);
  return {
    overdue: steps.filter((step) => step.status === 'overdue').length,
    dueSoon: steps.filter((step) => step.status === 'pending' && step.left !== null && step.left <= dueSoonDays).length,
  };
}
