import { describe, expect, it } from 'vitest';
import { emptyPublicationForm, formFromRecord, parseOfficerDate, publicationFromFields } from './publicationInput.ts';
import { problemOf } from '../../../ui/problemOf.ts';

describe('parseOfficerDate', () => {
  it('reads ISO dates and day-first Vietnamese dates', () => {
    expect(parseOfficerDate('2024-03-05', 'publicationDate')).toBe('2024-03-05');
    expect(parseOfficerDate('5/3/2024', 'publicationDate')).toBe('2024-03-05');
    expect(parseOfficerDate(' 05.03.2024 ', 'publicationDate')).toBe('2024-03-05');
  });

  it('refuses a year outside the working-day calendar', () => {
    expect(problemOf(() => parseOfficerDate('01/01/1900', 'postedDate')).key).toBe('panel.publication.outOfRange');
  });

  it('reads an empty field as not done', () => {
    expect(parseOfficerDate('  ', 'postedDate')).toBeUndefined();
  });

  it('names the field and the value of an impossible date', () => {
    const problem = problemOf(() => parseOfficerDate('30/02/2024', 'postedDate'));
    expect(problem.key).toBe('panel.publication.badDate');
    expect(problem.params).toEqual({ field: 'postedDate', value: '30/02/2024' });
    expect(problemOf(() => parseOfficerDate('2024-02-30', 'postedDate')).key).toBe('panel.publication.badDate');
  });
});

const none = { ministryListDate: null, publicationDate: null, internalProcessDate: null, eProcessDate: null, postedDate: null, webPostedDate: null, nationalDbDate: null, provincialSystemDate: null };

describe('publicationFromFields', () => {
  it('keeps the filled dates and leaves out the empty ones', () => {
    const record = publicationFromFields({ ...emptyPublicationForm, procedureCode: '1.001612', procedureName: 'Cấp phép', publicationDate: '01/03/2024', postedDate: '2024-03-04' });
    expect(record).toEqual({ ...none, procedureCode: '1.001612', procedureName: 'Cấp phép', publicationDate: '2024-03-01', postedDate: '2024-03-04' });
  });

  it('requires the procedure code and a publication or ministry list date', () => {
    expect(problemOf(() => publicationFromFields({ procedureCode: '', publicationDate: '2024-03-01' })).params.field).toBe('procedureCode');
    expect(problemOf(() => publicationFromFields({ procedureCode: '1.001612' })).key).toBe('panel.publication.missingDate');
    expect(publicationFromFields({ procedureCode: '1.001612', ministryListDate: '2024-02-20' }).publicationDate).toBeNull();
  });

  it('refuses a date that is not text', () => {
    expect(problemOf(() => publicationFromFields({ procedureCode: '1.001612', publicationDate: 20240301 })).key).toBe('panel.publication.notText');
  });

  it('gives back a form that round-trips', () => {
    const record = publicationFromFields({ procedureCode: '1.001612', procedureName: 'X', publicationDate: '2024-03-01', nationalDbDate: '2024-03-06' });
    expect(publicationFromFields(formFromRecord(record))).toEqual(record);
  });
});
