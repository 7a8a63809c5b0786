import { describe, expect, it } from 'vitest';
import { publicationRecordSchema, type PublicationRecordInput } from '../schemas/publication.ts';
import { evaluatePublication, isStepDueSoon, isStepLate } from './deadlines.ts';
import { plan2024Rules } from './plan2024.ts';
import { publicationRulesSchema } from './rules.ts';

// Ministry list Sun 25/2/2024, provincial publication Fri 1/3/2024.
const base = { procedureCode: '1.001612', procedureName: 'Cấp giấy phép', ministryListDate: '2024-02-25', publicationDate: '2024-03-01' };

function stepOf(step: string, patch: Partial<PublicationRecordInput>, today: string) {
  const record = publicationRecordSchema.parse({ ...base, ...patch });
  const found = evaluatePublication(record, { today }).steps.find((s) => s.step === step);
  if (!found) throw new Error(`no step ${step}`);
  const { due, doneOn, status, late, left } = found;
  return { due, doneOn, status, late, left };
}

describe('the 2024 plan rules', () => {
  it('are valid data for the rules schema, with the seven steps of section II', () => {
    expect(publicationRulesSchema.parse(plan2024Rules).rules.map((r) => r.step))
      .toEqual(['publication', 'internalProcess', 'eProcess', 'posting', 'webPosting', 'nationalDb', 'provincialSystem']);
  });
});

describe('publication (10 calendar days from the ministry list)', () => {
  it('is on time, late, pending or overdue against 6/3', () => {
    expect(stepOf('publication', {}, '2024-03-20')).toEqual({ due: '2024-03-06', doneOn: '2024-03-01', status: 'on_time', late: null, left: null });
    expect(stepOf('publication', { publicationDate: '2024-03-08' }, '2024-03-20')).toMatchObject({ status: 'late', late: 2 });
    expect(stepOf('publication', { publicationDate: null }, '2024-03-04')).toMatchObject({ due: '2024-03-06', status: 'pending', left: 2 });
    expect(stepOf('publication', { publicationDate: null }, '2024-03-11')).toMatchObject({ status: 'overdue', late: 5 });
  });

  it('does not apply to a procedure without a ministry list', () => {
    expect(stepOf('publication', { ministryListDate: null }, '2024-03-20')).toMatchObject({ due: null, status: 'not_applicable' });
  });
});

describe('internal process (7 calendar days from publication)', () => {
  it('is on time, late, pending or overdue against 8/3', () => {
    expect(stepOf('internalProcess', { internalProcessDate: '2024-03-08' }, '2024-03-20')).toMatchObject({ due: '2024-03-08', status: 'on_time' });
    expect(stepOf('internalProcess', { internalProcessDate: '2024-03-12' }, '2024-03-20')).toMatchObject({ status: 'late', late: 4 });
    expect(stepOf('internalProcess', {}, '2024-03-05')).toMatchObject({ status: 'pending', left: 3 });
    expect(stepOf('internalProcess', {}, '2024-03-09')).toMatchObject({ status: 'overdue', late: 1 });
  });

  it('waits without a due date while the publication decision is awaited', () => {
    expect(stepOf('internalProcess', { publicationDate: null }, '2024-03-20')).toMatchObject({ due: null, status: 'pending', left: null });
  });
});

describe('electronic process (3 days after the internal process, within 10 of publication)', () => {
  it('is due 3 days after an early internal process approval', () => {
    expect(stepOf('eProcess', { internalProcessDate: '2024-03-04', eProcessDate: '2024-03-07' }, '2024-03-20')).toMatchObject({ due: '2024-03-07', status: 'on_time' });
    expect(stepOf('eProcess', { internalProcessDate: '2024-03-04', eProcessDate: '2024-03-08' }, '2024-03-20')).toMatchObject({ status: 'late', late: 1 });
  });

  it('is capped at 10 days from publication (11/3, Sunday 10/3 rolled to Monday)', () => {
    expect(stepOf('eProcess', { internalProcessDate: '2024-03-09' }, '2024-03-11')).toMatchObject({ due: '2024-03-11', status: 'pending', left: 0 });
    expect(stepOf('eProcess', {}, '2024-03-13')).toMatchObject({ due: '2024-03-11', status: 'overdue', late: 2 });
  });
});

describe('posting and web posting (3 working days from publication)', () => {
  it.each(['posting', 'webPosting'])('%s is judged in working days', (step) => {
    const field = step === 'posting' ? 'postedDate' : 'webPostedDate';
    expect(stepOf(step, { [field]: '2024-03-06' }, '2024-03-20')).toMatchObject({ due: '2024-03-06', status: 'on_time' });
    expect(stepOf(step, { [field]: '2024-03-11' }, '2024-03-20')).toMatchObject({ status: 'late', late: 3 });
    expect(stepOf(step, {}, '2024-03-02')).toMatchObject({ status: 'pending', left: 3 });
    expect(stepOf(step, {}, '2024-03-09')).toMatchObject({ status: 'overdue', late: 2 });
    expect(stepOf(step, { [field]: '2024-03-09' }, '2024-03-20')).toMatchObject({ status: 'late', late: 2 });
  });

  it('skips Tết: published 7/2/2024, due 19/2', () => {
    expect(stepOf('posting', { ministryListDate: null, publicationDate: '2024-02-07' }, '2024-02-08')).toMatchObject({ due: '2024-02-19', status: 'pending', left: 3 });
  });
});

describe('national database (5 days from publication, or 15 from the ministry list)', () => {
  it('takes the later of the two when both apply (ministry list + 15 = 11/3)', () => {
    expect(stepOf('nationalDb', { nationalDbDate: '2024-03-11' }, '2024-03-20')).toMatchObject({ due: '2024-03-11', status: 'on_time' });
    expect(stepOf('nationalDb', { nationalDbDate: '2024-03-12' }, '2024-03-20')).toMatchObject({ status: 'late', late: 1 });
    expect(stepOf('nationalDb', {}, '2024-03-10')).toMatchObject({ status: 'pending', left: 1 });
    expect(stepOf('nationalDb', {}, '2024-03-15')).toMatchObject({ status: 'overdue', late: 4 });
  });

  it('uses 5 days from publication without a ministry list', () => {
    expect(stepOf('nationalDb', { ministryListDate: null }, '2024-03-20')).toMatchObject({ due: '2024-03-06', status: 'overdue', late: 14 });
  });
});

describe('provincial system (at the latest 5 calendar days from publication)', () => {
  it('is on time, late, pending or overdue against 6/3', () => {
    expect(stepOf('provincialSystem', { provincialSystemDate: '2024-03-05' }, '2024-03-20')).toMatchObject({ due: '2024-03-06', status: 'on_time' });
    expect(stepOf('provincialSystem', { provincialSystemDate: '2024-03-07' }, '2024-03-20')).toMatchObject({ status: 'late', late: 1 });
    expect(stepOf('provincialSystem', {}, '2024-03-06')).toMatchObject({ status: 'pending', left: 0 });
    expect(stepOf('provincialSystem', {}, '2024-03-07')).toMatchObject({ status: 'overdue', late: 1 });
  });
});

describe('rules loaded as data', () => {
  it('read "trước N ngày" as the day before the N-th when the rule set says so', () => {
    const rules = publicationRulesSchema.parse({ ...plan2024Rules, beforeReading: 'dayBeforeNth' });
    const record = publicationRecordSchema.parse(base);
    const internal = evaluatePublication(record, { today: '2024-03-20', rules }).steps.find((s) => s.step === 'internalProcess');
    expect(internal?.due).toBe('2024-03-07');
  });

  it('evaluate another plan\'s steps', () => {
    const rules = publicationRulesSchema.parse({
      id: 'other', title: 'Other plan', beforeReading: 'onNthDay',
      rules: [{ step: 'posting', done: 'postedDate', deadlines: [{ days: 5, unit: 'working', from: 'publicationDate', wording: 'atLatest' }], combine: 'earliest', whenTriggerMissing: 'pending', source: 'x' }],
    });
    const steps = evaluatePublication(publicationRecordSchema.parse(base), { today: '2024-03-04', rules }).steps;
    expect(steps).toHaveLength(1);
    expect(steps[0]).toMatchObject({ step: 'posting', due: '2024-03-08', status: 'pending', left: 4 });
  });
});

describe('step classifications', () => {
  it('counts a step done late or overdue as late, and nothing else', () => {
    expect(isStepLate(stepOf('posting', { postedDate: '2024-03-20' }, '2024-03-25'))).toBe(true);
    expect(isStepLate(stepOf('posting', {}, '2024-03-25'))).toBe(true);
    expect(isStepLate(stepOf('posting', { postedDate: '2024-03-04' }, '2024-03-25'))).toBe(false);
    expect(isStepLate(stepOf('posting', {}, '2024-03-04'))).toBe(false);
  });

  it('counts a pending step as due soon when its days left are within the threshold, inclusive', () => {
    const pending = stepOf('posting', {}, '2024-03-04');
    expect(pending.status).toBe('pending');
    expect(isStepDueSoon(pending, pending.left!)).toBe(true);
    expect(isStepDueSoon(pending, pending.left! - 1)).toBe(false);
    expect(isStepDueSoon(stepOf('posting', {}, '2024-03-25'), 99)).toBe(false);
    expect(isStepDueSoon({ status: 'pending', left: null }, 99)).toBe(false);
  });
});

describe('a captured day is an upper bound, not a done date (provincialSystem: 5 calendar days from publication 1/3, due 6/3)', () => {
  const provincial = (seenOn: string | undefined, patch: Partial<PublicationRecordInput> = {}, today = '2024-03-20') => {
    const record = publicationRecordSchema.parse({ ...base, ...patch });
    const found = evaluatePublication(record, { today, seenBy: seenOn === undefined ? {} : { provincialSystemDate: seenOn } }).steps.find((s) => s.step === 'provincialSystem');
    const { doneOn, status, late, seenOn: seen, evidence } = found!;
    return { doneOn, status, late, seenOn: seen, evidence };
  };

  it('proves the step on time when seen on or before its due date, without becoming its done date', () => {
    expect(provincial('2024-03-04')).toEqual({ doneOn: null, status: 'on_time', late: null, seenOn: '2024-03-04', evidence: 'seenInTime' });
    expect(provincial('2024-03-06')).toMatchObject({ status: 'on_time', evidence: 'seenInTime' });
  });

  it('proves nothing when seen after its due date: the step stays overdue by its own date, marked no evidence yet', () => {
    expect(provincial('2024-03-08')).toEqual({ doneOn: null, status: 'overdue', late: 14, seenOn: '2024-03-08', evidence: 'noEvidenceYet' });
  });

  it('is no evidence when seen before the publication decision (a procedure published again)', () => {
    expect(provincial('2024-02-28')).toEqual({ doneOn: null, status: 'overdue', late: 14, seenOn: '2024-02-28', evidence: 'noEvidenceYet' });
    expect(provincial('2024-02-28', {}, '2024-03-04')).toMatchObject({ status: 'pending', evidence: 'noEvidenceYet' });
  });

  it('is no evidence while the publication decision is awaited', () => {
    expect(provincial('2024-03-04', { publicationDate: null })).toMatchObject({ status: 'pending', evidence: 'noEvidenceYet' });
  });

  it('gives way to a date the officer entered', () => {
    expect(provincial('2024-03-04', { provincialSystemDate: '2024-03-10' })).toEqual({ doneOn: '2024-03-10', status: 'late', late: 4, seenOn: null, evidence: null });
  });
});
