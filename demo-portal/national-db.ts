// A stand-in for the national TTHC database (thutuc.dichvucong.gov.vn), served on the national
// portal's origin: its pages fetch JSON with `POST /jsp/rest.jsp`, form field `params` = JSON naming
// a `service` (domain.md). Served here:
//   decision_publishment_advanced_search_service_v2   the publication decisions (ID, CODE, NAME, PUBLISHING_DATE DD-MM-YYYY, AGENCY_NAME, AGENCY_ID, AMOUNT)
//   get_procedures_by_dp_id_service_v2 / get_modified_… / get_rescinded_…   a decision's new / amended / repealed procedures (ID, PROCEDURE_NAME, PUBLISHED_AGENCY)
// and two pages that call them the way the real ones do: the decision list
// (/p/home/dvc-tthc-quyet-dinh-cong-bo.html, XHR with a form body, as jQuery sends it) and a
// decision's page (/p/home/dvc-tthc-quyet-dinh-cong-bo-chi-tiet.html?ma_quyet_dinh=ID, fetch with URLSearchParams).
// The decisions are invented from the demo catalogue, at fixed 2024 dates; every third number
// carries the stray trailing dot the real list shows.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DemoData, PortalProcedure } from './data.ts';
import { escapeHtml } from './dvcqg-pages.ts';

export const nationalDbPaths = {
  rest: '/jsp/rest.jsp',
  decisionList: '/p/home/dvc-tthc-quyet-dinh-cong-bo.html',
  decision: '/p/home/dvc-tthc-quyet-dinh-cong-bo-chi-tiet.html',
} as const;

const AGENCY = { name: 'UBND tỉnh Quảng Nam', id: '371900' };

export interface DemoDecision {
  id: number;
  code: string;
  name: string;
  /** DD-MM-YYYY, as the real service writes it. */
  publishingDate: string;
  added: PortalProcedure[];
  amended: PortalProcedure[];
  repealed: PortalProcedure[];
}

/** One decision per three procedures of the catalogue: two new, one amended; every fourth also repeals the previous decision's first. */
export function demoDecisions(data: DemoData): DemoDecision[] {
  const decisions: DemoDecision[] = [];
  for (let k = 0; k * 3 < data.procedures.length; k += 1) {
    const group = data.procedures.slice(k * 3, k * 3 + 3);
    const day = new Date(Date.UTC(2024, 1, 5 + k * 9));
    const dd = String(day.getUTCDate()).padStart(2, '0');
    const mm = String(day.getUTCMonth() + 1).padStart(2, '0');
    decisions.push({
      id: 114000 + k,
      code: `${210 + k * 7}/QĐ-UBND${k % 3 === 2 ? '.' : ''}`,
      name: `Về việc công bố Danh mục thủ tục hành chính mới ban hành; được sửa đổi, bổ sung thuộc thẩm quyền giải quyết của ${AGENCY.name} (đợt ${k + 1})`,
      publishingDate: `${dd}-${mm}-${day.getUTCFullYear()}`,
      added: group.slice(0, 2),
      amended: group.slice(2, 3),
      repealed: k % 4 === 3 ? data.procedures.slice((k - 1) * 3, (k - 1) * 3 + 1) : [],
    });
  }
  return decisions.reverse();
}

interface RestParams {
  service?: unknown;
  id?: unknown;
  recordPerPage?: unknown;
  pageIndex?: unknown;
}

function procedureRows(procedures: PortalProcedure[]) {
  return procedures.map((p, i) => ({ ID: String(p.nationalId), PROCEDURE_NAME: p.catalogue.name, PUBLISHED_AGENCY: AGENCY.name, PUBLISHED_AGENCY_ID: AGENCY.id, AMOUNT: String(procedures.length), ROW_STT: String(i + 1) }));
}

/** The service's answer: a bare array of rows, as the real one sends; null for a service this stand-in does not know. */
export function answerService(decisions: DemoDecision[], params: RestParams): unknown[] | null {
  const decision = decisions.find((d) => String(d.id) === String(params.id));
  switch (params.service) {
    case 'decision_publishment_advanced_search_service_v2': {
      const size = Number(params.recordPerPage) > 0 ? Number(params.recordPerPage) : 10;
      const page = Number(params.pageIndex) > 0 ? Number(params.pageIndex) : 1;
      return decisions.slice((page - 1) * size, page * size).map((d, i) => ({
        ID: String(d.id), CODE: d.code, NAME: d.name, PUBLISHING_DATE: d.publishingDate, AGENCY_NAME: AGENCY.name, AGENCY_ID: AGENCY.id, AMOUNT: String(decisions.length), ROW_STT: String((page - 1) * size + i + 1),
      }));
    }
    case 'get_procedures_by_dp_id_service_v2':
      return procedureRows(decision?.added ?? []);
    case 'get_modified_procedures_by_dp_id_service_v2':
      return procedureRows(decision?.amended ?? []);
    case 'get_rescinded_procedures_by_dp_id_service_v2':
      return procedureRows(decision?.repealed ?? []);
    default:
      return null;
  }
}

function page(title: string, body: string, script: string): string {
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(title)} - CSDL quốc gia về TTHC (mô phỏng)</title>
<style>body{font-family:system-ui,sans-serif;margin:0}header{background:#b71c1c;color:#fff;padding:12px 24px}main{padding:24px;max-width:960px}
table{border-collapse:collapse;width:100%;margin:12px 0}th,td{border:1px solid #ccc;padding:6px 10px;text-align:left;vertical-align:top}</style>
</head><body><header><strong>Cơ sở dữ liệu quốc gia về thủ tục hành chính</strong> · bản mô phỏng để kiểm thử</header>
<main>${body}</main><script>${script}</script></body></html>`;
}

const listScript = `
const xhr = new XMLHttpRequest();
xhr.open('POST', '${nationalDbPaths.rest}');
xhr.setRequestHeader('content-type', 'application/x-www-form-urlencoded; charset=UTF-8');
xhr.onload = () => {
  const rows = JSON.parse(xhr.responseText);
  document.querySelector('#ket-qua tbody').innerHTML = rows.map((r) =>
    '<tr><td><a href="${nationalDbPaths.decision}?ma_quyet_dinh=' + r.ID + '">' + r.CODE + '</a></td><td>' + r.NAME + '</td><td>' + r.PUBLISHING_DATE + '</td><td>' + r.AGENCY_NAME + '</td></tr>').join('');
  document.body.dataset.state = 'ready';
};
xhr.send('params=' + encodeURIComponent(JSON.stringify({ service: 'decision_publishment_advanced_search_service_v2', provider: 'dvcquocgia', type: 'ref', recordPerPage: 50, pageIndex: 1, keyword: '', agency_id: '-1', field_id: '-1', publishing_date: '' })));
`;

function decisionScript(id: string): string {
  return `
const services = { new: 'get_procedures_by_dp_id_service_v2', amended: 'get_modified_procedures_by_dp_id_service_v2', repealed: 'get_rescinded_procedures_by_dp_id_service_v2' };
Promise.all(Object.entries(services).map(([kind, service]) =>
  fetch('${nationalDbPaths.rest}', { method: 'POST', body: new URLSearchParams({ params: JSON.stringify({ service, provider: 'dvcquocgia', type: 'ref', id: ${JSON.stringify(Number(id))}, recordPerPage: 50, pageIndex: 1 }) }) })
    .then((r) => r.json())
    .then((rows) => { document.querySelector('#' + kind).innerHTML = rows.map((r) => '<li>' + r.PROCEDURE_NAME + '</li>').join(''); })))
  .then(() => { document.body.dataset.state = 'ready'; });
`;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function paramsOf(body: string): RestParams {
  try {
    return JSON.parse(new URLSearchParams(body).get('params') ?? '') as RestParams;
  } catch {
    return {};
  }
}

/** Answers the national database's routes; false for any other path. A JSP answers text/html unless told otherwise [I]. */
export function nationalDbRoute(data: DemoData, req: IncomingMessage, res: ServerResponse): boolean {
  const url = new URL(req.url ?? '/', 'http://portal.local');
  const decisions = demoDecisions(data);
  const html = (body: string) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(body);
  };
  if (url.pathname === nationalDbPaths.rest && req.method === 'POST') {
    readBody(req).then(
      (body) => {
        const rows = answerService(decisions, paramsOf(body));
        res.writeHead(rows ? 200 : 400, { 'content-type': 'text/html;charset=UTF-8', 'cache-control': 'no-store' });
        res.end(JSON.stringify(rows ?? { error: 'unknown service' }));
      },
      // A request cut off while its body arrives: nothing to answer.
      () => res.destroy(),
    );
    return true;
  }
  if (url.pathname === nationalDbPaths.decisionList) {
    html(page('Quyết định công bố', '<h1>Quyết định công bố</h1><table id="ket-qua"><thead><tr><th>Số quyết định</th><th>Trích yếu</th><th>Ngày quyết định</th><th>Cơ quan</th></tr></thead><tbody></tbody></table>', listScript));
    return true;
  }
  if (url.pathname === nationalDbPaths.decision) {
    const decision = decisions.find((d) => String(d.id) === url.searchParams.get('ma_quyet_dinh'));
    if (!decision) return false;
    const body = `<h1>Quyết định ${escapeHtml(decision.code)}</h1><p>Ngày quyết định: ${decision.publishingDate}</p><p>${escapeHtml(decision.name)}</p>
<h2>Thủ tục mới ban hành</h2><ul id="new"></ul><h2>Thủ tục sửa đổi, bổ sung</h2><ul id="amended"></ul><h2>Thủ tục bãi bỏ</h2><ul id="repealed"></ul>`;
    html(page(decision.code, body, decisionScript(String(decision.id))));
    return true;
  }
  return false;
}
