import { describe, expect, it } from 'vitest';
import { procedureSchema } from './procedure.ts';

const procedure = {
  code: '1.001612', localCode: '1.001612.000.00.00.H48', portalId: '42', site: 'igate' as const,
  name: 'Cấp giấy phép xây dựng', sector: 'Xây dựng', agency: 'Sở Xây dựng', level: 'Toàn trình',
};

describe('procedureSchema', () => {
  it('keeps a real procedure as it is', () => {
    expect(procedureSchema.parse(procedure)).toEqual(procedure);
  });

  it('removes bidi and zero-width controls from codes and names', () => {
    expect(procedureSchema.parse({ ...procedure, code: '1.0016\u200B12', name: 'Cấp\u202E phép' })).toMatchObject({ code: '1.001612', name: 'Cấp phép' });
  });

  it('refuses a record whose code or name is longer than any real portal sends', () => {
    expect(procedureSchema.safeParse({ ...procedure, code: '1'.repeat(101) }).success).toBe(false);
    expect(procedureSchema.safeParse({ ...procedure, name: 'x'.repeat(2001) }).success).toBe(false);
    expect(procedureSchema.safeParse({ ...procedure, agency: 'x'.repeat(1_000_000) }).success).toBe(false);
  });
});
