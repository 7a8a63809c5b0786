// The demo portal over real HTTP: API shape, paging, sorting, filters, the broken-response hook,
// both portals' pages, and data that covers every case the extension must show.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dossierTimeliness } from '../shared/dossier/timeliness.ts';
import { parseHTML } from 'linkedom';
import { dvcqgAdapter } from '../shared/portal/dvcqg.ts';
import { igateAdapter } from '../shared/portal/igate.ts';
import { looksLikeDecisionList, parseNationalDbResponse } from '../shared/portal/nationalDb.ts';
import { nationalDbServices } from '../shared/portal/nationalDbClaims.ts';
import { normalizePortalInstant, todayInVietnam } from '../shared/time/dates.ts';
import { startDemoPortal, type DemoPortal } from './server.ts';

type Json = Record<string, unknown>;
interface Page { content: Json[]; totalElements: number; number: number; size: number }

const NOW = new Date('2026-03-10T09:30:00+07:00');
let portal: DemoPortal;
let all: Page;

async function get(path: string, base = portal.igateUrl): Promise<Response> {
  return fetch(`${base}${path}`);
}

async function page(query: string): Promise<Page> {
  const response = await get(`/pa/dossier/search?${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as Page;
}

const epoch = (value: unknown) => {
  const instant = normalizePortalInstant(value);
  return instant === null ? null : Date.parse(instant);
};

beforeAll(async () => {
  portal = await startDemoPortal({ port: 0, now: NOW });
  all = await page('page=0&size=50000');
});

afterAll(async () => {
  await portal.close();
});

describe('dossier search API', () => {
  it('answers a Spring page with iGate dossier fields', async () => {
    const first = await page('page=0&size=20&sort=appointmentDate,asc');
    expect(Object.keys(first).sort()).toEqual(['content', 'number', 'size', 'totalElements']);
    expect(first).toMatchObject({ number: 0, size: 20 });
    expect(first.totalElements).toBeGreaterThanOrEqual(20_000);
    expect(first.content).toHaveLength(20);
    const dossier = first.content[0]!;
    for (const field of ['id', 'code', 'procedure', 'agency', 'agencyLevel', 'procedureLevel', 'dossierStatus', 'dossierTaskStatus', 'appliedDate', 'acceptedDate', 'appointmentDate', 'dueDate', 'applyMethod', 'dossierReceivingKind', 'procedureProcessDefinition', 'applicant']) {
      expect(dossier).toHaveProperty(field);
    }
    expect(dossier.code).toMatch(/^000\.00\.\d{2}\.H48-\d{6}-\d{4}$/);
    expect((dossier.procedure as Json).code).toMatch(/^\d\.\d{6}\.000\.00\.00\.H48$/);
    expect(dossier.acceptedDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000[+]0[07]00$/);
  });

  it('pages without overlap and reports the same total on every page', async () => {
    const [p0, p1, last] = await Promise.all([page('page=0&size=100'), page('page=1&size=100'), page(`page=${Math.floor(all.totalElements / 100)}&size=100`)]);
    const codes0 = new Set(p0.content.map((d) => d.code));
    expect(p1.content.some((d) => codes0.has(d.code))).toBe(false);
    expect(p1.number).toBe(1);
    expect(p1.totalElements).toBe(p0.totalElements);
    expect(last.content).toHaveLength(all.totalElements % 100);
    expect(new Set(all.content.map((d) => d.code)).size).toBe(all.totalElements);
  });

  it('sorts by appointment ascending and descending as instants, dossiers without one last', async () => {
    for (const direction of ['asc', 'desc'] as const) {
      const sorted = await page(`page=0&size=50000&sort=appointmentDate,${direction}`);
      const keys = sorted.content.map((d) => epoch(d.appointmentDate));
      const firstNull = keys.indexOf(null);
      expect(firstNull).toBeGreaterThan(0);
      expect(keys.slice(firstNull).every((k) => k === null)).toBe(true);
      const dated = keys.slice(0, firstNull) as number[];
      expect(dated.every((k, i) => i === 0 || (direction === 'asc' ? dated[i - 1]! <= k : dated[i - 1]! >= k))).toBe(true);
    }
  });

  it('filters by code, status and accepted date', async () => {
    const target = all.content[1234]!;
    const byCode = await page(`code=${encodeURIComponent(String(target.code))}`);
    expect(byCode.content.map((d) => d.code)).toEqual([target.code]);
    const returned = await page('dossier-status=4&size=50000');
    expect(returned.totalElements).toBeGreaterThan(0);
    expect(returned.content.every((d) => (d.dossierStatus as Json).id === 4)).toBe(true);
    const day = await page('accepted-from=2024-06-04&accepted-to=04/06/2024&size=500');
    expect(day.totalElements).toBeGreaterThan(0);
    expect(day.content.every((d) => normalizePortalInstant(d.acceptedDate)?.startsWith('2024-06-04T'))).toBe(true);
  });

  it('refuses a bad page size, sort or date with 400 and a message', async () => {
    for (const query of ['size=0', 'size=60000', 'page=-1', 'sort=applicant,asc', 'accepted-from=yesterday']) {
      const response = await get(`/pa/dossier/search?${query}`);
      expect(response.status, query).toBe(400);
      expect(((await response.json()) as Json).message).toEqual(expect.any(String));
    }
  });

  it('breaks one response on request, so tests can see "not understood"', async () => {
    const broken = (await (await get('/pa/dossier/search?size=5&broken=1')).json()) as Json;
    expect(broken).not.toHaveProperty('content');
    expect(broken.items).toHaveLength(5);
    const result = igateAdapter.parseResponse(new URL(`${portal.igateUrl}/pa/dossier/search?size=5&broken=1`), broken, { keepPersonalData: false });
    expect(result.rejected.map((r) => r.reason)).toEqual(['portal.rejected.responseShape']);
    const damaged = (await (await get('/pa/dossier/search?size=6&broken=entries')).json()) as Page;
    const partly = igateAdapter.parseResponse(new URL(`${portal.igateUrl}/pa/dossier/search`), damaged, { keepPersonalData: false });
    expect([partly.dossiers.length, partly.rejected.length]).toEqual([4, 2]);
  });
});

describe('generated data', () => {
  const read = () => igateAdapter.parseResponse(new URL(`${portal.igateUrl}/pa/dossier/search`), all, { keepPersonalData: false });

  it('is read by the iGate adapter without a single rejection', () => {
    const result = read();
    expect(result.rejected).toEqual([]);
    expect(result.dossiers).toHaveLength(all.totalElements);
  });

  it('covers 40 procedures, 30 units, every status and every channel, mostly received in 2024', () => {
    const { dossiers } = read();
    expect(new Set(dossiers.map((d) => d.procedureCode)).size).toBe(40);
    expect(new Set(dossiers.map((d) => d.agencyCode)).size).toBe(30);
    expect(new Set(dossiers.map((d) => d.status))).toEqual(new Set(['Mới đăng ký', 'Đang xử lý', 'Chờ bổ sung hồ sơ', 'Đã trả kết quả', 'Tạm dừng xử lý', 'Đã hủy']));
    expect(new Set(dossiers.map((d) => d.channel))).toEqual(new Set(['online', 'direct', 'postal']));
    const in2024 = dossiers.filter((d) => d.acceptedAt?.startsWith('2024-')).length;
    expect(in2024 / dossiers.length).toBeGreaterThan(0.8);
  });

  it('covers every timeliness case relative to the portal clock', () => {
    const today = todayInVietnam(NOW);
    const counts = new Map<string, number>();
    for (const dossier of read().dossiers) {
      const { state } = dossierTimeliness(dossier, { today });
      counts.set(state, (counts.get(state) ?? 0) + 1);
    }
    for (const state of ['early', 'on_time', 'late', 'pending', 'due_soon', 'overdue', 'unknown']) expect(counts.get(state) ?? 0, state).toBeGreaterThanOrEqual(20);
  });

  it('carries the portal quirks: both offsets, 17:00 UTC appointments, NFD text, both return-date names, missing dates', () => {
    const text = JSON.stringify(all.content);
    expect(text).toMatch(/"appointmentDate":"\d{4}-\d{2}-\d{2}T17:00:00\.000\+0000"/);
    expect(text).toMatch(/"acceptedDate":"[^"]+\+0700"/);
    expect(text).not.toBe(text.normalize('NFC'));
    expect(all.content.some((d) => 'returnedDate' in d)).toBe(true);
    expect(all.content.some((d) => 'completedDate' in d)).toBe(true);
    expect(all.content.some((d) => d.acceptedDate === null)).toBe(true);
    expect(all.content.some((d) => !('appointmentDate' in d))).toBe(true);
    expect(all.content.some((d) => d.paymentMethod === undefined)).toBe(true);
  });

  it('is the same on every start with the same clock', async () => {
    const again = await startDemoPortal({ now: NOW });
    try {
      const body = await (await fetch(`${again.igateUrl}/pa/dossier/search?page=3&size=50`)).text();
      expect(body).toBe(await (await get('/pa/dossier/search?page=3&size=50')).text());
    } finally {
      await again.close();
    }
  });
});

describe('procedure API and pages', () => {
  it('lists 40 procedures and serves each by id', async () => {
    const list = (await (await get('/ba/procedure/search?size=100')).json()) as Page;
    expect(list.totalElements).toBe(40);
    const one = list.content[18]!;
    const detail = (await (await get(`/ba/procedure/${String(one.id)}`)).json()) as Json;
    expect(detail).toEqual(one);
    expect((await get('/ba/procedure/nope')).status).toBe(404);
  });

  it('serves the single-page app shell on every iGate route and its script as JavaScript', async () => {
    for (const path of ['/vi/dossier/search', '/vi/dossier/public-qni', '/vi/procedure/search', '/vi/procedure/detail/650000000000000000000018']) {
      const response = await get(path);
      expect(response.headers.get('content-type'), path).toContain('text/html');
      expect(await response.text()).toContain('<script type="module" src="/assets/app.js">');
    }
    const script = await get('/assets/app.js');
    expect(script.headers.get('content-type')).toContain('text/javascript');
    const source = await script.text();
    expect(source).toContain('Không có kết quả tìm kiếm');
    expect(() => new Function(source.replace(/^\s*(import|export)\b.*$/gm, ''))).not.toThrow();
    expect((await get('/vi/nowhere')).status).toBe(404);
  });

  it('serves the national portal on its own origin with lookup and procedure pages', async () => {
    expect(new URL(portal.dvcqgUrl).origin).not.toBe(new URL(portal.igateUrl).origin);
    const code = String(all.content[10]!.code);
    const lookup = await (await get(`/p/home/dvc-tra-cuu-ho-so.html?ma_ho_so=${code}`, portal.dvcqgUrl)).text();
    expect(lookup).toContain(`<td>${code}</td>`);
    const missing = await (await get('/p/home/dvc-tra-cuu-ho-so.html?ma_ho_so=KHONG-CO', portal.dvcqgUrl)).text();
    expect(missing).toContain('Không tìm thấy hồ sơ');
    const procedure = await (await get('/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=1.001108', portal.dvcqgUrl)).text();
    expect(procedure).toContain('Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm');
    expect((await get('/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=9.999999', portal.dvcqgUrl)).status).toBe(404);
  });
});

describe('national procedure pages and the national TTHC database stand-in', () => {
  const read = async (path: string) => {
    const url = new URL(path, 'https://dichvucong.gov.vn');
    const html = await (await get(path, portal.dvcqgUrl)).text();
    return dvcqgAdapter.parseDocument(parseHTML(html).document as unknown as Document, url, { keepPersonalData: false });
  };
  const rest = async (params: object) => {
    const response = await fetch(`${portal.dvcqgUrl}/jsp/rest.jsp`, { method: 'POST', body: new URLSearchParams({ params: JSON.stringify(params) }) });
    return { status: response.status, rows: (await response.json()) as unknown };
  };

  it('serves both procedure page kinds in the real markup, read by the national adapter', async () => {
    const [fromPage] = (await read('/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=1.001108')).procedures;
    expect(fromPage).toMatchObject({ code: '1.001108', name: 'Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm', resolutionTime: { unit: 'working' } });
    expect(fromPage?.portalId).toMatch(/^\d+$/);
    for (const variant of ['', '-nganh-doc', '-dung-chung']) {
      const [fromDetail] = (await read(`/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet${variant}.html?ma_thu_tuc=${fromPage!.portalId}`)).procedures;
      expect(fromDetail).toMatchObject({ code: '1.001108', portalId: fromPage!.portalId, name: fromPage!.name, agency: fromPage!.agency, resolutionTime: fromPage!.resolutionTime });
      expect(fromDetail?.decisionNumber).toMatch(/\/QĐ-/);
      expect(fromDetail?.level).toMatch(/^Cấp /);
    }
  });

  it('answers the decision services of POST /jsp/rest.jsp as the real database does', async () => {
    const list = await rest({ service: nationalDbServices.decisionList, recordPerPage: 50, pageIndex: 1 });
    const decisions = parseNationalDbResponse({ service: nationalDbServices.decisionList, id: null }, list.rows);
    expect(decisions.rejected).toEqual([]);
    expect(decisions.decisions.length).toBeGreaterThan(10);
    expect(looksLikeDecisionList(list.rows)).toBe(true);
    expect((list.rows as { CODE: string }[]).some((row) => row.CODE.endsWith('.'))).toBe(true);
    const id = decisions.decisions[1]!.id;
    const amended = await rest({ service: nationalDbServices.amendedProcedures, id: Number(id) });
    const rows = parseNationalDbResponse({ service: nationalDbServices.amendedProcedures, id }, amended.rows);
    expect(rows.rejected).toEqual([]);
    expect(rows.listed.length).toBeGreaterThan(0);
    expect((await rest({ service: 'report_tinh_766_service' })).status).toBe(400);
  });
});
