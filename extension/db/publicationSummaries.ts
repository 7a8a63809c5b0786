// A procedure's publication progress (its badge on the portal, the deadline notification), from
// its stored record with the first-seen evidence (./publications.ts).
import { isStepDueSoon, isStepLate } from '../../shared/publication/deadlines.ts';
import type { CalendarDate } from '../../shared/time/dates.ts';
import type { PublicationSummary } from '../messaging/messages.ts';
import type { TthcDatabase } from './database.ts';
import { evaluateStoredPublications } from './publications.ts';

export async function publicationSummaries(db: TthcDatabase, codes: string[], today: CalendarDate): Promise<PublicationSummary[]> {
  return (await evaluateStoredPublications(db, codes, today)).map(({ procedureCode, steps }) => ({
    procedureCode,
    lateSteps: steps.filter(isStepLate).length,
    openSteps: steps.filter((step) => step.status === 'pending').length,
  }));
}

/** Publication steps past their due date and not done, and those due within `dueSoonDays` (in each step's unit). */
export async function countPublicationAttention(db: TthcDatabase, today: CalendarDate, dueSoonDays: number): Promise<{ overdue: number; dueSoon: number }> {
  const steps = (await evaluateStoredPublications(db, null, today)).flatMap((evaluation) => evaluation.steps);
  return {
    overdue: steps.filter((step) => step.status === 'overdue').length,
    dueSoon: steps.filter((step) => isStepDueSoon(step, dueSoonDays)).length,
  };
}
