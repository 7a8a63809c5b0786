import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dossierSchema, fieldLimits } from '../../shared/schemas/dossier.ts';
import { admit } from './requestHandler.ts';

const fixtures = join(import.meta.dirname, '..', '..', 'shared', 'portal', 'fixtures');
const good = (JSON.parse(readFileSync(join(fixtures, 'igate-dossier-search.expected.json'), 'utf8')) as { dossiers: Record<string, unknown>[] }).dossiers[0]!;

describe('the background gate for captured records', () => {
  it('stores what fits, and counts a malformed record and one holding an oversized string', () => {
    const admitted = admit(dossierSchema, [good, { ...good, code: 42 }, { ...good, code: 'X'.repeat(1024 * 1024) }]);
    expect(admitted.records.map((d) => d.code)).toEqual([good.code]);
    expect(admitted.rejected).toBe(2);
    expect(admitted.reason).toBe('capture.reason.invalidRecord');
  });

  it('names the oversized string as the reason when it comes first, also inside a nested field', () => {
    const nested = admit(dossierSchema, [{ ...good, applicant: { fullname: 'x'.repeat(fieldLimits.personal + 1) } }]);
    expect(nested).toEqual({ records: [], rejected: 1, reason: 'capture.reason.tooLong' });
  });
});
