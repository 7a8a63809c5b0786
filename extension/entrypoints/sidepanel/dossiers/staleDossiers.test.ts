import { describe, expect, it } from 'vitest';
import { sampleDossier } from './sampleDossier.ts';
import { staleDossiers } from './staleDossiers.ts';

const row = (code: string, lastSeenAt: string, returnedAt: string | null = null) => sampleDossier(code, { lastSeenAt, returnedAt });

describe('staleDossiers', () => {
  const now = new Date('2024-06-10T09:00:00+07:00');

  it('lists unfinished dossiers unseen for more than N days, the longest unseen first', () => {
    const rows = [
      row('A', '2024-06-07T08:00:00+07:00'),
      row('B', '2024-06-06T23:00:00+07:00'),
      row('C', '2024-06-01T08:00:00+07:00'),
      row('D', '2024-06-01T08:00:00+07:00', '2024-06-02T08:00:00+07:00'),
      // Its result was ready (completedDate) though not yet handed back: finished, not stale.
      sampleDossier('F', { lastSeenAt: '2024-06-01T08:00:00+07:00', completedAt: '2024-06-01T10:00:00+07:00', returnedAt: null }),
    ];
    expect(staleDossiers(rows, 3, now).map((r) => r.code)).toEqual(['C', 'B']);
    expect(staleDossiers(rows, 10, now)).toEqual([]);
  });

  it('reads the last-seen day in Vietnam time', () => {
    // 17:30 UTC on 6/6 is 00:30 on 7/6 in Vietnam: seen 3 days ago, not more.
    expect(staleDossiers([row('E', '2024-06-06T17:30:00+00:00')], 3, now)).toEqual([]);
  });
});
