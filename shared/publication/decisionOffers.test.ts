import { describe, expect, it } from 'vitest';
import type { Decision, DecisionProcedure } from '../schemas/decision.ts';
import { decisionOffers, offerRecorded } from './decisionOffers.ts';

const decision = (id: string, number: string, publishedOn: string): Decision => ({ id, number, title: '', publishedOn, agency: 'UBND tỉnh Điện Biên', agencyId: '383348' });
const row = (decisionId: string, change: DecisionProcedure['change'], nationalId = '109830'): DecisionProcedure => ({ decisionId, nationalId, change, name: null, agency: null });

describe('decisionOffers', () => {
  const decisions = [decision('115010', '2751/QĐ-UBND', '2025-12-03'), decision('100', '12/QĐ-UBND', '2024-01-05'), decision('200', '99/QĐ-UBND', '2025-06-01')];

  it('offers each captured decision that publishes or amends the procedure, newest first, once', () => {
    const offers = decisionOffers([row('100', 'new'), row('115010', 'amended'), row('115010', 'amended', '388421')], decisions);
    expect(offers).toEqual([
      { decisionId: '115010', number: '2751/QĐ-UBND', publishedOn: '2025-12-03', change: 'amended' },
      { decisionId: '100', number: '12/QĐ-UBND', publishedOn: '2024-01-05', change: 'new' },
    ]);
  });

  it('offers no repeal, and no decision whose number and date were not captured', () => {
    expect(decisionOffers([row('200', 'repealed'), row('404', 'new')], decisions)).toEqual([]);
  });

  it('knows when the record already holds the offered decision', () => {
    const [offer] = decisionOffers([row('115010', 'amended')], decisions);
    expect(offerRecorded(offer!, { publicationDate: '2025-12-03', publicationDecisionNumber: '2751/QĐ-UBND' })).toBe(true);
    expect(offerRecorded(offer!, { publicationDate: '2025-12-03' })).toBe(false);
    expect(offerRecorded(offer!, { publicationDate: null, publicationDecisionNumber: null })).toBe(false);
  });
});
