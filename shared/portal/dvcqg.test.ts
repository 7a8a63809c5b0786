import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { dvcqgAdapter, normaliseLabel, readResolutionTime } from './dvcqg.ts';
import { adapterForPage, adapters, igateAdapter } from './index.ts';

const fixture = (name: string) => parseHTML(readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8')).document as unknown as Document;

const PROCEDURE_URL = new URL('https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=3.000001');
const detailUrl = (variant: string) => new URL(`https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet${variant}.html?ma_thu_tuc=7603`);
const readProcedure = (name: string, url: URL) => dvcqgAdapter.parseDocument(fixture(name), url, { keepPersonalData: false });

describe('dvcqgAdapter', () => {
  it('overlays the dossier lookup, the procedure page and the three detail-page variants', () => {
    expect(dvcqgAdapter.matchesPage(new URL('https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html'))).toBe(true);
    expect(dvcqgAdapter.matchesPage(PROCEDURE_URL)).toBe(true);
    for (const variant of ['', '-nganh-doc', '-dung-chung']) expect(dvcqgAdapter.matchesPage(detailUrl(variant))).toBe(true);
    expect(dvcqgAdapter.matchesPage(new URL('https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet-khac.html?ma_thu_tuc=7603'))).toBe(false);
  });

  it('claims no responses: its pages are server-rendered', () => {
    expect(dvcqgAdapter.claimsResponse(new URL('https://dichvucong.gov.vn/jsp/rest.jsp'))).toBe(false);
  });

  it('finds one badge place per dossier result', () => {
    expect(dvcqgAdapter.findRows(fixture('dvcqg-handwritten-lookup.html')).map((r) => r.dossierCode)).toEqual(['000.00.53.H48-240312-0001', '000.00.20.H48-241216-0001']);
  });

  it('reads the real procedure page: code from the URL, name from h1.main-title, internal id from a.url, agency from its section, time limit from the table', () => {
    const { procedures, rejected } = readProcedure('dvcqg-chi-tiet-thu-tuc-hanh-chinh-3.000001.html', PROCEDURE_URL);
    expect(rejected).toEqual([]);
    expect(procedures).toEqual([
      expect.objectContaining({
        code: '3.000001',
        portalId: '7603',
        name: 'Cấp điện mới từ lưới điện hạ áp (220/380V)',
        agency: 'Tập đoàn Điện lực Việt Nam',
        resolutionTime: { days: 7, unit: 'working' },
        decisionNumber: null,
      }),
    ]);
  });

  it('puts the real procedure page\'s badge on its title, with the code of its URL', () => {
    const [row] = dvcqgAdapter.findRows(fixture('dvcqg-chi-tiet-thu-tuc-hanh-chinh-3.000001.html'), PROCEDURE_URL);
    expect(row?.procedureCode).toBe('3.000001');
    expect(row?.element.matches('h1.main-title')).toBe(true);
  });

  for (const variant of ['', '-nganh-doc', '-dung-chung']) {
    it(`reads the detail page${variant}'s popup rows by their normalised labels`, () => {
      const [procedure] = readProcedure('dvcqg-handwritten-chi-tiet.html', detailUrl(variant)).procedures;
      expect(procedure).toEqual({
        code: '3.000001',
        localCode: '3.000001',
        portalId: '7603',
        site: 'dvcqg',
        name: 'Cấp điện mới từ lưới điện hạ áp (220/380V)',
        sector: 'Điện',
        agency: 'Tập đoàn Điện lực Việt Nam',
        level: 'Cấp Tỉnh',
        decisionNumber: '1234/QĐ-BCT',
        resolutionTime: { days: 7, unit: 'working' },
      });
    });
  }

  it('takes the code from a detail URL that carries one when the popup has no "Mã thủ tục" row, and rejects a popup with neither', () => {
    const html = (code: string) => `<div id="popupChitietTTHC"><div class="modal-body">${code}<div class="row info-row"><div class="col-sm-3 key">Tên thủ tục:</div><div class="col-sm-9">Thủ tục A</div></div></div></div>`;
    const doc = (body: string) => parseHTML(`<html><body>${body}</body></html>`).document as unknown as Document;
    const byCode = dvcqgAdapter.parseDocument(doc(html('')), new URL('https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001612'), { keepPersonalData: false });
    expect(byCode.procedures.map((p) => [p.code, p.portalId, p.name])).toEqual([['1.001612', null, 'Thủ tục A']]);
    const byId = dvcqgAdapter.parseDocument(doc(html('')), detailUrl(''), { keepPersonalData: false });
    expect(byId.procedures).toEqual([]);
    expect(byId.rejected.map((r) => r.reason)).toEqual(['portal.rejected.invalidProcedure']);
  });

  it('puts the detail page\'s badge beside the popup\'s code', () => {
    const [row] = dvcqgAdapter.findRows(fixture('dvcqg-handwritten-chi-tiet.html'), detailUrl(''));
    expect(row?.procedureCode).toBe('3.000001');
    expect(row?.element.matches('#popupChitietTTHC .info-row > .col-sm-9')).toBe(true);
    expect(row?.element.textContent).toBe('3.000001');
  });
});

describe('normaliseLabel', () => {
  it('ignores case, spacing and the trailing colon', () => {
    expect(normaliseLabel('  CƠ QUAN  THỰC HIỆN : ')).toBe('cơ quan thực hiện');
    expect(normaliseLabel('Mã thủ tục:')).toBe('mã thủ tục');
    expect(normaliseLabel('Lĩnh vực'.normalize('NFD'))).toBe('lĩnh vực');
  });
});

describe('readResolutionTime', () => {
  it('reads working and calendar days, and nothing from hours or text without a number', () => {
    expect(readResolutionTime('7 Ngày làm việc')).toEqual({ days: 7, unit: 'working' });
    expect(readResolutionTime('30 ngày')).toEqual({ days: 30, unit: 'calendar' });
    expect(readResolutionTime('0,5 Ngày làm việc'.normalize('NFD'))).toEqual({ days: 0.5, unit: 'working' });
    expect(readResolutionTime('4 Giờ')).toBeNull();
    expect(readResolutionTime('Không quy định')).toBeNull();
    expect(readResolutionTime(null)).toBeNull();
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
