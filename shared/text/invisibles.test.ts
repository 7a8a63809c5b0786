import { describe, expect, it } from 'vitest';
import { withoutInvisibleControls } from './invisibles.ts';

describe('withoutInvisibleControls', () => {
  it('removes bidi overrides, isolates and marks, and zero-width characters', () => {
    expect(withoutInvisibleControls('H48\u202E-0009\u202C')).toBe('H48-0009');
    expect(withoutInvisibleControls('\u2067Báo cáo\u2069 quý\u200B I\uFEFF\u200D\u200E')).toBe('Báo cáo quý I');
  });

  it('keeps Vietnamese text, combining marks and ordinary spaces as they are', () => {
    const nfd = 'Sở Tư pháp'.normalize('NFD');
    expect(withoutInvisibleControls(nfd)).toBe(nfd);
    expect(withoutInvisibleControls('Hồ sơ 000.00.53.H48-240312-0009 quá hạn')).toBe('Hồ sơ 000.00.53.H48-240312-0009 quá hạn');
  });
});
