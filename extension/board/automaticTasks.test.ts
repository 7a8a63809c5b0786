import { describe, expect, it } from 'vitest';
import { publicationRecordSchema } from '../../shared/schemas/publication.ts';
import { evaluateWithFirstSeen } from '../db/publications.ts';
import { fallingDueSteps } from './automaticTasks.ts';

// Published Fri 1/3/2024 and nothing done since: the provincial-system step was due Wed 6/3.
const record = publicationRecordSchema.parse({ procedureCode: '1.001612', procedureName: 'Cấp giấy phép', publicationDate: '2024-03-01' });

describe('automatic tasks of publication steps', () => {
  it('makes no task for a provincial-system step whose code was already seen on the provincial list', () => {
    const steps = fallingDueSteps([evaluateWithFirstSeen(record, '2024-03-04', '2024-03-20')], 2).map((s) => s.step);
    expect(steps).toContain('posting');
    expect(steps).not.toContain('provincialSystem');
  });

  it('makes one for it while the code has not been seen there, or was seen only after the due date', () => {
    expect(fallingDueSteps([evaluateWithFirstSeen(record, undefined, '2024-03-20')], 2)).toContainEqual({ procedureCode: '1.001612', step: 'provincialSystem', due: '2024-03-06' });
    expect(fallingDueSteps([evaluateWithFirstSeen(record, '2024-03-11', '2024-03-20')], 2)).toContainEqual({ procedureCode: '1.001612', step: 'provincialSystem', due: '2024-03-06' });
  });

  it('makes one for a pending step due within the threshold, not beyond it', () => {
    // Mon 4/3: posting (3 working days) is due Wed 6/3, two working days left.
    const evaluation = evaluateWithFirstSeen(record, undefined, '2024-03-04');
    expect(fallingDueSteps([evaluation], 2).map((s) => s.step)).toContain('posting');
    expect(fallingDueSteps([evaluation], 1).map((s) => s.step)).not.toContain('posting');
  });
});
