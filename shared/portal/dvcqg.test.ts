import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { dvcqgAdapter } from './dvcqg.ts';
import { adapterForPage, adapters, igateAdapter } from './index.ts';

const fixture = (name: string) => parseHTML(readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8')).document as unknown as Document;

describe('dvcqgAdapter', () => {
  it('overlays the dossier lookup and the procedure page, not the full-detail page keyed by internal id', () => {
    expect(dvcqgAdapter.matchesPage(new URL('https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html'))).toBe(true);
    expect(dvcqgAdapter.matchesPage(new URL('https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=1.001108'))).toBe(true);
    expect(dvcqgAdapter.matchesPage(new URL('https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=7603'))).toBe(false);
  });

  it('claims no responses: its pages are server-rendered', () => {
    expect(dvcqgAdapter.claimsResponse(new URL('https://dichvucong.gov.vn/jsp/rest.jsp'))).toBe(false);
  });

  it('finds one badge place per dossier result and one for the procedure', () => {
    expect(dvcqgAdapter.findRows(fixture('dvcqg-handwritten-lookup.html')).map((r) => r.dossierCode)).toEqual(['000.00.53.H48-240312-0001', '000.00.20.H48-241216-0001']);
    const [procedure] = dvcqgAdapter.findRows(fixture('dvcqg-chi-tiet-thu-tuc.html'));
    expect(procedure?.procedureCode).toBe('1.001612');
    expect(procedure?.element.matches('table.thong-tin-thu-tuc')).toBe(true);
  });

  it('reads the internal numeric id from the detail link, not the code', () => {
    const url = new URL('https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=1.001612');
    const [procedure] = dvcqgAdapter.parseDocument(fixture('dvcqg-chi-tiet-thu-tuc.html'), url, { keepPersonalData: false }).procedures;
    expect(procedure?.code).toBe('1.001612');
    expect(procedure?.portalId).toMatch(/^\d+$/);
  });
});

describe('adapterForPage', () => {
  it('picks the adapter by page shape, on any host (the extension decides which hosts are portals)', () => {
    expect(adapterForPage('http://127.0.0.1:8080/vi/dossier/search')).toBe(igateAdapter);
    expect(adapterForPage('https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html')).toBe(dvcqgAdapter);
    expect(adapterForPage('https://example.org/')).toBeNull();
    expect(adapters.map((a) => a.site)).toEqual(['igate', 'dvcqg']);
  });
});
