// One test per shape the real iGate sends (domain.md, "What the real portals send"), each over its
// hand-written fixture in fixtures/igate-variant-*.json. Each names the branch of the reader it
// proves: remove that branch and exactly its test fails (the golden expected files fail too).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { igateAdapter } from './igate.ts';
import type { ParseResult } from './types.ts';

const API = 'https://apiigate.quangnam.gov.vn';

function read(fixture: string, path: string, keepPersonalData = false): ParseResult {
  const body: unknown = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', `${fixture}.json`), 'utf8'));
  const url = new URL(`${API}${path}`);
  expect(igateAdapter.claimsResponse(url), path).toBe(true);
  return igateAdapter.parseResponse(url, body, { keepPersonalData });
}

const byCode = (result: ParseResult, code: string) => result.dossiers.find((d) => d.code === code);

describe('iGate list wrappers', () => {
  it('reads a Spring slice (spec=slice: content, no totalElements)', () => {
    const result = read('igate-variant-slice', '/pa/dossier/search?spec=slice');
    expect(result.dossiers.map((d) => d.code)).toEqual(['000.00.34.H48-240603-0011', '000.00.34.H48-240603-0012']);
    expect(result.rejected).toEqual([]);
  });
});

describe('iGate procedure name, four forms', () => {
  const result = read('igate-variant-name-forms', '/pa/dossier/search');
  it('procedure.translate as one object { languageId, name }', () => {
    expect(byCode(result, '000.00.20.H48-240701-0001')?.procedureName).toBe('Đăng ký khai sinh');
  });
  it('procedure.translate as an array, Vietnamese (228) before an English entry listed first', () => {
    expect(byCode(result, '000.00.20.H48-240701-0002')?.procedureName).toBe('Đăng ký khai tử');
  });
  it('procedure.name as a string', () => {
    expect(byCode(result, '000.00.20.H48-240701-0003')?.procedureName).toBe('Cấp bản sao trích lục hộ tịch');
  });
  it('procedure.name as an array of translations, Vietnamese first', () => {
    expect(byCode(result, '000.00.20.H48-240701-0004')?.procedureName).toBe('Đăng ký kết hôn');
  });
});

describe('iGate status, three forms', () => {
  const result = read('igate-variant-status-forms', '/pa/dossier/search');
  it('dossierStatus.name', () => {
    expect(byCode(result, '000.00.53.H48-240801-0001')).toMatchObject({ status: 'Đã hủy', statusId: '6' });
  });
  it('only statusCurrentTask (public lookups)', () => {
    expect(byCode(result, '000.00.53.H48-240801-0002')).toMatchObject({ status: 'Tạm dừng xử lý', statusId: null });
  });
  it('only dossierTaskStatus, kept as the step status too', () => {
    expect(byCode(result, '000.00.53.H48-240801-0003')).toMatchObject({ status: 'Yêu cầu thanh toán', stepStatus: 'Yêu cầu thanh toán' });
  });
  it('keeps the step status apart from the dossier status', () => {
    expect(byCode(read('igate-variant-slice', '/pa/dossier/search'), '000.00.34.H48-240603-0012')).toMatchObject({ status: 'Đang xử lý', stepStatus: 'Yêu cầu bổ sung giấy tờ' });
  });
});

describe('iGate fields beyond the name and status', () => {
  const slice = read('igate-variant-slice', '/pa/dossier/search');
  const finished = byCode(slice, '000.00.34.H48-240603-0011');

  it('keeps completedDate and returnedDate as two fields', () => {
    expect(finished).toMatchObject({ completedAt: '2024-06-03T09:30:00+07:00', returnedAt: '2024-06-11T00:00:00+07:00' });
  });
  it('reads nationCode and the current step due date (currentTask[0].dueDate)', () => {
    expect(finished).toMatchObject({ nationCode: 'G22.34-240603-0011', stepDueAt: '2024-06-07T17:00:00+07:00' });
  });
  it('reads the sector code and its name given as translations, and the agency level', () => {
    expect(finished).toMatchObject({ sectorCode: 'LV021', sectorName: 'Văn hóa', agencyLevel: 'Cấp Sở' });
  });
  it('reads the processing time on the dossier and in its process definition (timesheet "Ngày làm việc")', () => {
    expect(finished?.processingTime).toEqual({ amount: 5, unit: 'working' });
    expect(byCode(slice, '000.00.34.H48-240603-0012')?.processingTime).toEqual({ amount: 15, unit: 'working' });
    expect(read('igate-variant-dossier-one', '/pa/dossier/66c2f1c2e4b0a1b2c3d4e801').dossiers[0]?.processingTime).toEqual({ amount: 40, unit: 'hour' });
  });
  it('reads the channel from applyMethod.name, whatever its id', () => {
    expect(slice.dossiers.map((d) => d.channel)).toEqual(['online', 'postal']);
  });
});

describe('iGate endpoints beyond the officer search', () => {
  it('/pa/dossier-search/dvc: an agency sent as a plain string, status as statusCurrentTask', () => {
    const [dossier] = read('igate-variant-dvc-lookup', '/pa/dossier-search/dvc?code=x').dossiers;
    expect(dossier).toMatchObject({ agency: 'UBND huyện Duy Xuyên', agencyCode: null, status: 'Đang xử lý', procedureCode: '1.001193' });
  });
  it('/pa/dossier/--public: procedure without a code, flat applicant kept only when asked', () => {
    const [dossier] = read('igate-variant-public', '/pa/dossier/--public?keyword=x').dossiers;
    expect(dossier).toMatchObject({ procedureCode: null, procedureName: 'Đăng ký thường trú', agency: 'Công an huyện Duy Xuyên', status: 'Chờ bổ sung hồ sơ' });
    expect(dossier?.applicant).toBeUndefined();
    expect(read('igate-variant-public', '/pa/dossier/--public?keyword=x', true).dossiers[0]?.applicant).toEqual({ fullname: 'Trần Văn Thử', identityNumber: '049000000001', address: '1 Lê Lợi' });
  });
  it('/pa/dossier/{id}: one dossier', () => {
    const result = read('igate-variant-dossier-one', '/pa/dossier/66c2f1c2e4b0a1b2c3d4e801');
    expect(result.dossiers.map((d) => [d.code, d.stepStatus, d.sectorName])).toEqual([['000.00.55.H48-241001-0007', 'Thụ lý hồ sơ', 'Nghệ thuật biểu diễn']]);
  });
  it('/bd/procedure/{id}: one procedure, its name and agency as translations', () => {
    const result = read('igate-variant-bd-procedure', '/bd/procedure/650000000000000000000061');
    expect(result.procedures).toMatchObject([{ code: '1.004227', name: 'Cấp giấy phép kinh doanh karaoke', sector: 'Văn hóa', agency: 'Sở Văn hóa, Thể thao và Du lịch' }]);
  });
  it('/bd/procedure/--can-apply: a slice of procedures', () => {
    const result = read('igate-variant-bd-can-apply', '/bd/procedure/--can-apply');
    expect(result.procedures).toMatchObject([{ code: '1.001193', name: 'Đăng ký khai sinh', sector: 'Hộ tịch', agency: 'UBND thành phố Tam Kỳ' }]);
  });
});

describe('a dossier needs only its code', () => {
  const url = new URL(`${API}/pa/dossier/search`);
  it('keeps a dossier whose other fields are unreadable, each null and counted under its name', () => {
    const body = { content: [{ code: 'X-1', procedure: { translate: 7 }, dossierStatus: { id: 3 }, appointmentDate: 'hôm qua', agency: 12 }] };
    const result = igateAdapter.parseResponse(url, body, { keepPersonalData: false });
    expect(result.dossiers).toMatchObject([{ code: 'X-1', procedureName: null, status: null, appointmentAt: null, agency: null }]);
    expect(result.unreadFields).toEqual({ procedureName: 1, status: 1, appointmentAt: 1, agency: 1 });
    expect(result.rejected).toEqual([]);
  });
  it('rejects, with a reason, only the entries without a code', () => {
    const result = igateAdapter.parseResponse(url, { content: [{ code: '' }, { id: 4 }, { code: 'X-2' }] }, { keepPersonalData: false });
    expect(result.dossiers.map((d) => d.code)).toEqual(['X-2']);
    expect(result.rejected.map((r) => r.reason)).toEqual(['portal.rejected.missingCode', 'portal.rejected.missingCode']);
  });
  it('rejects and counts a dossier over a length limit, and strips invisible controls from codes and names', () => {
    const result = igateAdapter.parseResponse(url, { content: [{ code: 'A'.repeat(1_000_000) }, { code: '\u202EX-3\u200B', procedure: { name: 'Đăng\u200D ký' } }] }, { keepPersonalData: false });
    expect(result.dossiers).toMatchObject([{ code: 'X-3', procedureName: 'Đăng ký' }]);
    expect(result.rejected).toHaveLength(1);
    expect(result.rejected[0]?.reason).toBe('portal.rejected.invalidDossier');
    expect(result.rejected[0]?.sample?.length).toBeLessThanOrEqual(200);
  });
});
