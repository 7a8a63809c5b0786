import { describe, expect, it } from 'vitest';
import { indicatorFigureSchema } from './indicator.ts';
import { publicationRecordSchema } from './publication.ts';

describe('publication record schema', () => {
  it('stores absent, null and empty step dates as null', () => {
    const record = publicationRecordSchema.parse({ procedureCode: '1.001612', procedureName: 'X', publicationDate: '2024-03-01', postedDate: '', webPostedDate: null });
    expect(record.postedDate).toBeNull();
    expect(record.webPostedDate).toBeNull();
    expect(record.nationalDbDate).toBeNull();
  });

  it('rejects an impossible date and names the field', () => {
    const result = publicationRecordSchema.safeParse({ procedureCode: '1.001612', publicationDate: '2024-02-30' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['publicationDate']);
  });

  it('needs a publication date or a ministry list date', () => {
    expect(publicationRecordSchema.safeParse({ procedureCode: '1.001612' }).success).toBe(false);
    expect(publicationRecordSchema.safeParse({ procedureCode: '1.001612', ministryListDate: '2024-03-01' }).success).toBe(true);
  });
});

describe('indicator figure schema', () => {
  it('accepts a year, a quarter or a month as the period', () => {
    for (const period of ['2024', '2024-Q3', '2024-11']) {
      expect(indicatorFigureSchema.safeParse({ indicatorId: 'digitisedDossiers', period, numerator: 8, denominator: 10 }).success).toBe(true);
    }
    expect(indicatorFigureSchema.safeParse({ indicatorId: 'digitisedDossiers', period: '2024-13', numerator: 8, denominator: 10 }).success).toBe(false);
  });

  it('rejects a numerator above the denominator and a zero denominator', () => {
    expect(indicatorFigureSchema.safeParse({ indicatorId: 'x', period: '2024', numerator: 11, denominator: 10 }).success).toBe(false);
    expect(indicatorFigureSchema.safeParse({ indicatorId: 'x', period: '2024', numerator: 0, denominator: 0 }).success).toBe(false);
  });
});
