import { describe, expect, it } from 'vitest';
import { settingSchemas } from '../../db/settings.ts';
import { namesFromLines } from './phaseNames.ts';

describe('status names a unit adds per phase', () => {
  it('reads one name per line, NFC, without blanks or repeats', () => {
    expect(namesFromLines('  Chờ ý kiến \n\nChờ ý kiến\n' + 'Tạm  ngừng'.normalize('NFD'))).toEqual(['Chờ ý kiến', 'Tạm ngừng']);
  });

  it('are stored only within their limits: a name over 200 characters is refused', () => {
    expect(settingSchemas.phaseStatusNames.safeParse({ paused: ['Chờ ý kiến'], closed: [] }).success).toBe(true);
    expect(settingSchemas.phaseStatusNames.safeParse({ paused: ['x'.repeat(201)], closed: [] }).success).toBe(false);
    expect(settingSchemas.phaseStatusNames.parse(undefined)).toEqual({ paused: [], closed: [] });
  });
});
