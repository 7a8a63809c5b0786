// The publication decisions the national TTHC database lists a procedure in, offered to the officer
// as the procedure's publication decision (number and date). Only decisions that publish the
// procedure (new or amended) are offered; a repeal does not publish it. Newest first.
import type { Decision, DecisionProcedure } from '../schemas/decision.ts';
import type { CalendarDate } from '../time/dates.ts';

export interface DecisionOffer {
  decisionId: string;
  number: string;
  publishedOn: CalendarDate;
  change: 'new' | 'amended';
}

/** `listed`: the rows naming the procedure's national ids; `decisions`: the captured decisions (others are not offered: their number and date are unknown). */
export function decisionOffers(listed: readonly DecisionProcedure[], decisions: readonly Decision[]): DecisionOffer[] {
  const byId = new Map(decisions.map((decision) => [decision.id, decision]));
  const offers = new Map<string, DecisionOffer>();
  for (const row of listed) {
    const decision = byId.get(row.decisionId);
    if (!decision || row.change === 'repealed' || offers.has(decision.id)) continue;
    offers.set(decision.id, { decisionId: decision.id, number: decision.number, publishedOn: decision.publishedOn, change: row.change });
  }
  return [...offers.values()].sort((a, b) => b.publishedOn.localeCompare(a.publishedOn) || a.number.localeCompare(b.number));
}

/** Whether the record already holds this decision as its publication decision. */
export function offerRecorded(offer: DecisionOffer, record: { publicationDate: CalendarDate | null; publicationDecisionNumber?: string | null }): boolean {
  return record.publicationDate === offer.publishedOn && record.publicationDecisionNumber === offer.number;
}
