// Publication decisions captured from the national TTHC database, and the offers they make to the
// publication register: a procedure's code → its national ids (from the national portal's procedure
// pages) → the decisions listing those ids (shared/publication/decisionOffers.ts).
import { decisionOffers, type DecisionOffer } from '../../shared/publication/decisionOffers.ts';
import type { Decision, DecisionProcedure } from '../../shared/schemas/decision.ts';
import { toVietnamIso } from '../../shared/time/dates.ts';
import type { TthcDatabase } from './database.ts';

export interface DecisionBatch {
  decisions: Decision[];
  decisionProcedures: DecisionProcedure[];
}

/** One transaction: the latest listing of a decision wins, a procedure row is kept once per decision. */
export async function storeDecisions(db: TthcDatabase, batch: DecisionBatch, now: Date): Promise<number> {
  const lastSeenAt = toVietnamIso(now);
  await db.transaction('rw', [db.decisions, db.decisionProcedures], async () => {
    await Promise.all([
      db.decisions.bulkPut(batch.decisions.map((decision) => ({ ...decision, lastSeenAt }))),
      db.decisionProcedures.bulkPut(batch.decisionProcedures),
    ]);
  });
  return batch.decisions.length + batch.decisionProcedures.length;
}

/** The decisions offered to each of `codes` (codes with none are absent). */
export async function decisionOffersByCode(db: TthcDatabase, codes: readonly string[]): Promise<Map<string, DecisionOffer[]>> {
  const links = await db.nationalProcedureIds.where('code').anyOf([...codes]).toArray();
  if (links.length === 0) return new Map();
  const listed = await db.decisionProcedures.where('nationalId').anyOf(links.map((link) => link.nationalId)).toArray();
  const decisions = (await db.decisions.bulkGet([...new Set(listed.map((row) => row.decisionId))])).filter((d) => d !== undefined);
  const offers = new Map<string, DecisionOffer[]>();
  for (const code of codes) {
    const ids = new Set(links.filter((link) => link.code === code).map((link) => link.nationalId));
    const found = decisionOffers(listed.filter((row) => ids.has(row.nationalId)), decisions);
    if (found.length > 0) offers.set(code, found);
  }
  return offers;
}
