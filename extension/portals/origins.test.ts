import { describe, expect, it } from 'vitest';
import { builtInPortalMatches, builtInPortalOrigins, extraPortalPatterns, isOwnPortalUrl, isPortalOrigin, originMatchPattern, parsePortalOrigins } from './origins.ts';

describe('parsePortalOrigins', () => {
  it('reads one origin per line, lower-cased, without blanks or repeats', () => {
    expect(parsePortalOrigins('https://dichvucong.quangnam.gov.vn\n\n  HTTPS://DichVuCong.gov.vn \nhttps://dichvucong.gov.vn')).toEqual({
      origins: ['https://dichvucong.quangnam.gov.vn', 'https://dichvucong.gov.vn'],
    });
  });

  it('takes a bare host as https and cuts a pasted page address to its origin', () => {
    expect(parsePortalOrigins('motcua.cantho.gov.vn\nhttp://127.0.0.1:8080/vi/dossier/search')).toEqual({
      origins: ['https://motcua.cantho.gov.vn', 'http://127.0.0.1:8080'],
    });
  });

  it('keeps the any-port form', () => {
    expect(parsePortalOrigins('http://localhost:*')).toEqual({ origins: ['http://localhost:*'] });
  });

  it('names the first line that is not an origin', () => {
    expect(parsePortalOrigins('https://dichvucong.gov.vn\nnot a host\n')).toEqual({ badEntry: 'not a host' });
    expect(parsePortalOrigins('ftp://example.org')).toEqual({ badEntry: 'ftp://example.org' });
  });
});

describe('builtInPortalOrigins', () => {
  it('knows the loopback demo portal only in development and test builds', () => {
    expect(builtInPortalOrigins(false)).toEqual(['https://dichvucong.quangnam.gov.vn', 'https://dichvucong.gov.vn', 'https://thutuc.dichvucong.gov.vn']);
    expect(builtInPortalMatches(false)).toEqual(['https://dichvucong.quangnam.gov.vn/*', 'https://dichvucong.gov.vn/*', 'https://thutuc.dichvucong.gov.vn/*']);
    expect(builtInPortalMatches(true)).toEqual(expect.arrayContaining(['http://127.0.0.1/*', 'http://localhost/*']));
  });
});

describe('isPortalOrigin', () => {
  const origins = builtInPortalOrigins(true);

  it('accepts the configured origins, any port where the pattern says so', () => {
    expect(isPortalOrigin('https://dichvucong.quangnam.gov.vn', origins)).toBe(true);
    expect(isPortalOrigin('https://dichvucong.gov.vn', origins)).toBe(true);
    expect(isPortalOrigin('http://127.0.0.1:4173', origins)).toBe(true);
    expect(isPortalOrigin('http://localhost:8080', origins)).toBe(true);
    expect(isPortalOrigin('http://localhost', origins)).toBe(true);
  });

  it('refuses look-alikes and other schemes', () => {
    expect(isPortalOrigin('http://dichvucong.gov.vn', origins)).toBe(false);
    expect(isPortalOrigin('https://dichvucong.gov.vn.example.com', origins)).toBe(false);
    expect(isPortalOrigin('http://localhost.example.com:80', origins)).toBe(false);
    expect(isPortalOrigin('http://127.0.0.1:80x', origins)).toBe(false);
    expect(isPortalOrigin('https://example.com', origins)).toBe(false);
  });

  it('refuses every loopback page in a release build', () => {
    expect(isPortalOrigin('http://localhost:3000', builtInPortalOrigins(false))).toBe(false);
    expect(isPortalOrigin('http://127.0.0.1:8080', builtInPortalOrigins(false))).toBe(false);
  });
});

describe('isOwnPortalUrl', () => {
  it("accepts the page's own origin and its province's API hosts", () => {
    expect(isOwnPortalUrl(new URL('http://127.0.0.1:8080/pa/dossier/search'), 'http://127.0.0.1:8080')).toBe(true);
    expect(isOwnPortalUrl(new URL('https://apiigate.quangnam.gov.vn/pa/dossier/search'), 'https://dichvucong.quangnam.gov.vn')).toBe(true);
  });

  it('refuses another port, another province, another scheme and the rest of gov.vn', () => {
    expect(isOwnPortalUrl(new URL('http://127.0.0.1:9999/pa/dossier/search'), 'http://127.0.0.1:8080')).toBe(false);
    expect(isOwnPortalUrl(new URL('https://apiigate.danang.gov.vn/pa/dossier/search'), 'https://dichvucong.quangnam.gov.vn')).toBe(false);
    expect(isOwnPortalUrl(new URL('http://apiigate.quangnam.gov.vn/pa/dossier/search'), 'https://dichvucong.quangnam.gov.vn')).toBe(false);
    expect(isOwnPortalUrl(new URL('https://apiigate.gov.vn/pa/dossier/search'), 'https://dichvucong.gov.vn')).toBe(false);
    expect(isOwnPortalUrl(new URL('https://quangnam.gov.vn.evil.test/x'), 'https://dichvucong.quangnam.gov.vn')).toBe(false);
  });
});

describe('originMatchPattern', () => {
  it('turns a settings origin into the match pattern of its pages', () => {
    expect(originMatchPattern('https://dichvucong.danang.gov.vn')).toBe('https://dichvucong.danang.gov.vn/*');
    expect(originMatchPattern('http://10.0.0.5:8080')).toBe('http://10.0.0.5:8080/*');
    expect(originMatchPattern('http://igate.local:*')).toBe('http://igate.local/*');
  });
});

describe('extraPortalPatterns', () => {
  it('needs nothing more for the built-in portals and, in a development build, the demo portal on any port', () => {
    expect(extraPortalPatterns(builtInPortalOrigins(true), true)).toEqual([]);
    expect(extraPortalPatterns(['http://127.0.0.1:4173', 'http://localhost:*'], true)).toEqual([]);
  });

  it('asks for a loopback origin like any other in a release build', () => {
    expect(extraPortalPatterns(['https://dichvucong.gov.vn', 'http://localhost:3000'], false)).toEqual(['http://localhost:3000/*']);
  });

  it('lists each other origin once, keeping its port and scheme', () => {
    expect(
      extraPortalPatterns([
        'https://dichvucong.quangnam.gov.vn',
        'https://dichvucong.danang.gov.vn',
        'http://127.0.0.2:4173',
        'http://dichvucong.gov.vn',
        'https://dichvucong.danang.gov.vn',
      ], true),
    ).toEqual(['https://dichvucong.danang.gov.vn/*', 'http://127.0.0.2:4173/*', 'http://dichvucong.gov.vn/*']);
  });
});
