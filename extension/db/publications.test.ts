import { describe, expect, it } from 'vitest';
import { publicationRecordSchema } from '../../shared/schemas/publication.ts';
import { evaluateWithFirstSeen, readPublicationRecords } from './publications.ts';

const record = { procedureCode: '1.001612', procedureName: 'Cấp giấy phép', publicationDate: '2024-03-01' };
const stored = (value: unknown) => ({ procedureCode: '1.001612', record: value, updatedAt: '2024-03-01T09:00:00+07:00' });

describe('readPublicationRecords', () => {
  it('gives each stored record parsed, skipping rows missing or no longer of the schema', () => {
    const records = readPublicationRecords([stored(record), undefined, stored({ procedureCode: '1.001612', publicationDate: '2024-02-30' }), stored(null)]);
    expect(records).toEqual([publicationRecordSchema.parse(record)]);
  });
});

describe('evaluateWithFirstSeen', () => {
  const provincial = (firstSeenOn: string | undefined, patch = {}) =>
    evaluateWithFirstSeen(publicationRecordSchema.parse({ ...record, ...patch }), firstSeenOn, '2024-03-20').steps.find((s) => s.step === 'provincialSystem');

  it('counts the provincial-system step on time when its code was first seen on the provincial list by its due date', () => {
    expect(provincial('2024-03-04')).toMatchObject({ doneOn: null, seenOn: '2024-03-04', status: 'on_time', evidence: 'seenInTime' });
    expect(provincial(undefined)).toMatchObject({ doneOn: null, status: 'overdue', evidence: null });
  });

  it('leaves it overdue, with no evidence yet, when the code was first seen after its due date or before the publication', () => {
    expect(provincial('2024-03-12')).toMatchObject({ doneOn: null, status: 'overdue', evidence: 'noEvidenceYet' });
    expect(provincial('2024-02-20')).toMatchObject({ doneOn: null, status: 'overdue', evidence: 'noEvidenceYet' });
  });

  it('keeps the date the officer entered over the first-seen day', () => {
    expect(provincial('2024-03-04', { provincialSystemDate: '2024-03-10' })).toMatchObject({ doneOn: '2024-03-10', status: 'late' });
  });
});
