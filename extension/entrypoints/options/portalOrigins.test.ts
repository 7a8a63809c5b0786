import { describe, expect, it } from 'vitest';
import { parsePortalOrigins } from './portalOrigins.ts';

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
