import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decisionProceduresOf, looksLikeDecisionList, parseNationalDbResponse, readDecisionDate, readDecisionNumber } from './nationalDb.ts';
import { nationalDbRequest, nationalDbServices } from './nationalDbClaims.ts';

const fixture = (name: string): unknown => JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8'));
const REST = new URL('https://thutuc.dichvucong.gov.vn/jsp/rest.jsp');
const form = (params: object) => new URLSearchParams({ params: JSON.stringify(params) }).toString();

describe('nationalDbRequest (the claim, from the request body)', () => {
  it('claims the four services by the form field `params`, with the decision id the per-decision services name', () => {
    expect(nationalDbRequest(REST, form({ service: nationalDbServices.decisionList, provider: 'dvcquocgia', recordPerPage: 50 }))).toEqual({ service: nationalDbServices.decisionList, id: null });
    expect(nationalDbRequest(REST, form({ service: nationalDbServices.amendedProcedures, id: 115010 }))).toEqual({ service: nationalDbServices.amendedProcedures, id: '115010' });
    expect(nationalDbRequest(REST, new URLSearchParams({ params: JSON.stringify({ service: nationalDbServices.newProcedures, id: '7' }) }))).toEqual({ service: nationalDbServices.newProcedures, id: '7' });
    const data = new FormData();
    data.set('params', JSON.stringify({ service: nationalDbServices.repealedProcedures, id: 9 }));
    expect(nationalDbRequest(REST, data)).toEqual({ service: nationalDbServices.repealedProcedures, id: '9' });
  });

  it('leaves the other services, other paths and unreadable bodies alone', () => {
    expect(nationalDbRequest(REST, form({ service: 'report_tinh_766_service' }))).toBeNull();
    expect(nationalDbRequest(new URL('https://thutuc.dichvucong.gov.vn/jsp/other.jsp'), form({ service: nationalDbServices.decisionList }))).toBeNull();
    expect(nationalDbRequest(REST, 'params=%7Bnot json')).toBeNull();
    expect(nationalDbRequest(REST, undefined)).toBeNull();
  });
});

describe('parseNationalDbResponse on the real decision list', () => {
  const body = fixture('dvcqg-quyet-dinh-cong-bo-list.json') as { ID: string }[];
  const result = parseNationalDbResponse({ service: nationalDbServices.decisionList, id: null }, body);

  it('reads every one of the 50 decisions: number, title, date, agency', () => {
    expect(result.rejected).toEqual([]);
    expect(result.decisions).toHaveLength(50);
    expect(result.decisions.find((d) => d.id === '115010')).toEqual({
      id: '115010',
      number: '2751/QĐ-UBND',
      title: 'Về việc công bố Danh mục thủ tục hành chính được sửa đổi, bổ sung trong lĩnh vực Thiết bị y tế thuộc thẩm quyền giải quyết của Sở Y tế tỉnh Điện Biên',
      publishedOn: '2025-12-03',
      agency: 'UBND tỉnh Điện Biên',
      agencyId: '383348',
    });
  });

  it('drops the stray trailing dot of a decision number and reads DD-MM-YYYY dates', () => {
    const first = result.decisions[0];
    expect(first).toMatchObject({ id: '115187', number: '2193/QĐ-UBND', publishedOn: '2025-12-09', agency: 'UBND tỉnh Thái Nguyên' });
    expect(first?.title).toMatch(/^Về việc công bố Danh mục thủ tục hành chính/);
    expect(result.decisions.every((d) => !d.number.endsWith('.'))).toBe(true);
  });

  it('is recognisable by its keys, unlike a per-decision list', () => {
    expect(looksLikeDecisionList(body)).toBe(true);
    expect(looksLikeDecisionList(fixture('dvcqg-decision-115010-modified-procedures.json'))).toBe(false);
  });
});

describe('parseNationalDbResponse on the real amended procedures of decision 115010', () => {
  const body = fixture('dvcqg-decision-115010-modified-procedures.json');

  it('reads the four rows as amended by that decision, by the database\'s internal id', () => {
    const result = parseNationalDbResponse({ service: nationalDbServices.amendedProcedures, id: '115010' }, body);
    expect(result.rejected).toEqual([]);
    expect(decisionProceduresOf(result)).toEqual([
      { decisionId: '115010', nationalId: '388421', change: 'amended', name: 'Công bố đối với nguyên liệu sản xuất thiết bị y tế, chất ngoại kiểm chứa chất ma túy và tiền chất', agency: 'UBND tỉnh Điện Biên' },
      { decisionId: '115010', nationalId: '109830', change: 'amended', name: 'Công bố đủ điều kiện sản xuất trang thiết bị y tế', agency: 'UBND tỉnh Điện Biên' },
      { decisionId: '115010', nationalId: '109833', change: 'amended', name: 'Công bố tiêu chuẩn áp dụng đối với thiết bị y tế thuộc loại A, B', agency: 'UBND tỉnh Điện Biên' },
      { decisionId: '115010', nationalId: '109836', change: 'amended', name: 'Công bố đủ điều kiện mua bán trang thiết bị y tế thuộc loại B, C, D', agency: 'UBND tỉnh Điện Biên' },
    ]);
  });

  it('names the change by the service: new, amended, repealed', () => {
    const changeFor = (service: Parameters<typeof parseNationalDbResponse>[0]['service']) => parseNationalDbResponse({ service, id: '1' }, body).listed[0]?.change;
    expect([changeFor(nationalDbServices.newProcedures), changeFor(nationalDbServices.amendedProcedures), changeFor(nationalDbServices.repealedProcedures)]).toEqual(['new', 'amended', 'repealed']);
  });

  it('stores nothing when the request did not name its decision', () => {
    const result = parseNationalDbResponse({ service: nationalDbServices.newProcedures, id: null }, body);
    expect(result.listed).toHaveLength(4);
    expect(decisionProceduresOf(result)).toEqual([]);
  });
});

describe('bad national database responses', () => {
  it('reports a body that is not a list, and each row it cannot read, without losing the good rows', () => {
    expect(parseNationalDbResponse({ service: nationalDbServices.decisionList, id: null }, { error: 'x' }).rejected.map((r) => r.reason)).toEqual(['portal.rejected.responseShape']);
    const result = parseNationalDbResponse({ service: nationalDbServices.decisionList, id: null }, [
      { ID: '1', CODE: '1/QĐ-UBND', NAME: 'A', PUBLISHING_DATE: '31-02-2025' },
      { ID: '2', CODE: '2/QĐ-UBND', NAME: 'B', PUBLISHING_DATE: '01-03-2025' },
      'row',
    ]);
    expect(result.decisions.map((d) => d.id)).toEqual(['2']);
    expect(result.rejected.map((r) => r.reason)).toEqual(['nationalDb.rejected.invalidDecision', 'portal.rejected.notAnObject']);
  });

  it('reads numbers and dates strictly', () => {
    expect(readDecisionNumber(' 02204/QĐ-UBND. ')).toBe('02204/QĐ-UBND');
    expect(readDecisionNumber('.')).toBeNull();
    expect(readDecisionDate('3-12-2025')).toBe('2025-12-03');
    expect(readDecisionDate('2025-12-03')).toBeNull();
  });
});
