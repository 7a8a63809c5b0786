// A procedure's publication progress for its badge on the portal: the officer's record, with the
// first day the procedure was seen on the provincial list standing in for a missing
// `provincialSystemDate` (it was public on the provincial system by that day at the latest).
import { evaluatePublication } from '../../shared/publication/deadlines.ts';
import { publicationRecordSchema } from '../../shared/schemas/publication.ts';
import type { CalendarDate } from '../../shared/time/dates.ts';
import type { PublicationSummary } from '../messaging/messages.ts';
import type { TthcDatabase } from './database.ts';

export async function publicationSummaries(db: TthcDatabase, codes: string[], today: CalendarDate): Promise<PublicationSummary[]> {
  const [stored, firstSeen] = await Promise.all([db.publications.bulkGet(codes), db.procedureFirstSeen.bulkGet(codes)]);
  const summaries: PublicationSummary[] = [];
  stored.forEach((publication, i) => {
    const parsed = publicationRecordSchema.safeParse(publication?.record);
    if (!parsed.success) return;
    const record = { ...parsed.data, provincialSystemDate: parsed.data.provincialSystemDate ?? firstSeen[i]?.firstSeenOn ?? null };
    const { procedureCode, steps } = evaluatePublication(record, { today });
    summaries.push({
      procedureCode,
      lateSteps: steps.filter((step) => step.status === 'late' || step.status === 'overdue').length,
      openSteps: steps.filter((step) => step.status === 'pending').length,
    });
  });
  return summaries;
}
