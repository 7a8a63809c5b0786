import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../db/settings.ts';
import { extraPortalPatterns, originMatchPattern } from './extraPortals.ts';

describe('originMatchPattern', () => {
  it('turns a settings origin into the match pattern of its pages', () => {
    expect(originMatchPattern('https://dichvucong.danang.gov.vn')).toBe('https://dichvucong.danang.gov.vn/*');
    expect(originMatchPattern('http://10.0.0.5:8080')).toBe('http://10.0.0.5:8080/*');
    expect(originMatchPattern('http://igate.local:*')).toBe('http://igate.local/*');
  });
});

describe('extraPortalPatterns', () => {
  it('needs nothing more for the built-in portals and the demo portal on any port', () => {
    expect(extraPortalPatterns(defaultSettings.portalOrigins)).toEqual([]);
    expect(extraPortalPatterns(['http://127.0.0.1:4173', 'http://localhost:*'])).toEqual([]);
  });

  it('lists each other origin once, keeping its port and scheme', () => {
    expect(
      extraPortalPatterns([
        'https://dichvucong.quangnam.gov.vn',
        'https://dichvucong.danang.gov.vn',
        'http://127.0.0.2:4173',
        'http://dichvucong.gov.vn',
        'https://dichvucong.danang.gov.vn',
      ]),
    ).toEqual(['https://dichvucong.danang.gov.vn/*', 'http://127.0.0.2:4173/*', 'http://dichvucong.gov.vn/*']);
  });
});
