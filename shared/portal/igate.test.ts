import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { channelOf, igateAdapter, paidOnlineOf } from './igate.ts';

const fixture = (name: string) => parseHTML(readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8')).document as unknown as Document;
const url = (path: string) => new URL(`https://dichvucong.quangnam.gov.vn${path}`);
const api = (path: string) => new URL(`https://apiigate.quangnam.gov.vn${path}`);

describe('igateAdapter pages', () => {
  it.each(['/vi/dossier/search', '/vi/dossier/public-qni', '/vi/dossier/processing/65f0a1', '/vi/procedure/search', '/vi/procedure/detail/650000000000000000000018'])('overlays %s', (path) => {
    expect(igateAdapter.matchesPage(url(path))).toBe(true);
  });

  it.each(['/', '/vi/home', '/p/home/dvc-tra-cuu-ho-so.html', '/en/dossier/search'])('leaves %s alone', (path) => {
    expect(igateAdapter.matchesPage(url(path))).toBe(false);
  });
});

describe('igateAdapter responses', () => {
  it.each(['/pa/dossier/search', '/ba/procedure/search', '/ba/procedure/650000000000000000000018'])('claims %s', (path) => {
    expect(igateAdapter.claimsResponse(api(`${path}?page=0&size=20`))).toBe(true);
  });

  it.each(['/pa/dossier/650f/detail-extra', '/hu/user/1', '/bt/agency/search', '/pa/dossier/search.css'])('does not claim %s', (path) => {
    expect(igateAdapter.claimsResponse(api(path))).toBe(false);
  });

  it('reads a procedure list response as procedures, not as one procedure called "search"', () => {
    const body = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'igate-procedure-search.json'), 'utf8')) as { content: unknown[] };
    const result = igateAdapter.parseResponse(api('/ba/procedure/search'), body, { keepPersonalData: false });
    expect(result.procedures).toHaveLength(body.content.length);
    expect(result.procedures.every((p) => /^\d\.\d{6}$/.test(p.code))).toBe(true);
  });
});

describe('igateAdapter rows for badges', () => {
  it('finds one dossier row per result row, keyed by the code in .mat-column-code a', () => {
    const document = fixture('igate-dossier-search-page.html');
    const rows = igateAdapter.findRows(document);
    expect(rows).toHaveLength(document.querySelectorAll('tr.mat-row').length);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.dossierCode && /-\d{6}-\d{4}$/.test(r.dossierCode) && r.procedureCode === undefined)).toBe(true);
    expect(rows.every((r) => r.element.matches('tr.mat-row'))).toBe(true);
  });

  it('finds procedure rows keyed by the national code', () => {
    const rows = igateAdapter.findRows(fixture('igate-procedure-search-page.html'));
    expect(rows.length).toBe(10);
    expect(rows[0]).toMatchObject({ procedureCode: '1.001193' });
    expect(rows.every((r) => r.dossierCode === undefined)).toBe(true);
  });

  it('finds Angular Material element rows (mat-row) too, skipping header rows', () => {
    const rows = igateAdapter.findRows(fixture('igate-handwritten-page.html'));
    expect(rows.map((r) => r.dossierCode)).toEqual(['000.00.53.H48-240312-0001', '000.00.20.H48-240229-0001', '000.00.20.H48-240502-0007', '000.00.22.H48-241210-0003']);
  });

  it('finds nothing on the empty result page', () => {
    const document = fixture('igate-dossier-search-empty-page.html');
    expect(document.body.textContent).toContain('Không có kết quả tìm kiếm');
    expect(igateAdapter.findRows(document)).toEqual([]);
  });
});

describe('channel and payment', () => {
  it.each([
    ['Trực tuyến', 'online'],
    ['Nộp trực tuyến', 'online'],
    ['Trực tiếp', 'direct'],
    ['Qua bưu chính công ích', 'postal'],
    ['Khác', 'unknown'],
    [null, 'unknown'],
  ] as const)('applyMethod %s is %s', (name, channel) => {
    expect(channelOf(name)).toBe(channel);
  });

  it('paid online only when the payment method says so; unknown without one', () => {
    expect(paidOnlineOf('Thanh toán trực tuyến')).toBe(true);
    expect(paidOnlineOf('Trực tiếp tại Bộ phận Một cửa')).toBe(false);
    expect(paidOnlineOf(null)).toBeNull();
  });
});
