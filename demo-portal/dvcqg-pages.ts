// The national-portal stand-in: server-rendered pages like dichvucong.gov.vn's
//   /p/home/dvc-tra-cuu-ho-so.html?ma_ho_so=CODE            dossier lookup
//   /p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=1.001612   procedure page
//   /p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=7603  full detail (internal numeric id; also -nganh-doc, -dung-chung)
// The lookup's values sit in th/td rows under Vietnamese labels, times in Vietnam time; the two
// procedure pages follow the real markup (domain.md, ../shared/real-portal/).
import { displayVietnamTime } from './clock.ts';
import type { DemoData, Json, PortalProcedure } from './data.ts';

export const dvcqgPaths = {
  lookup: '/p/home/dvc-tra-cuu-ho-so.html',
  procedure: '/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html',
} as const;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(title)} - Cổng Dịch vụ công Quốc gia (mô phỏng)</title>
<style>body{font-family:system-ui,sans-serif;margin:0}header{background:#ce1126;color:#fff;padding:12px 24px}main{padding:24px;max-width:960px}
table{border-collapse:collapse;width:100%;margin:12px 0}th,td{border:1px solid #ccc;padding:6px 10px;text-align:left;vertical-align:top}th{width:220px;background:#f6f6f6}</style>
</head><body><header><strong>Cổng Dịch vụ công Quốc gia</strong> · bản mô phỏng để kiểm thử</header><main>${body}</main></body></html>`;
}

function row(label: string, value: string): string {
  return `<tr><th>${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`;
}

function nameOf(entity: Json | undefined): string {
  if (!entity) return '';
  if (typeof entity.name === 'string') return entity.name;
  const translate = entity.translate as { name: string }[] | undefined;
  return translate?.[0]?.name ?? '';
}

function dossierTable(dossier: Json): string {
  const procedure = dossier.procedure as Json;
  const applicant = (dossier.applicant as Json).data as Json;
  return `<table class="table table-bordered ket-qua-ho-so"><tbody>
${row('Mã hồ sơ', String(dossier.code))}
${row('Thủ tục', nameOf(procedure))}
${row('Mã thủ tục', String(procedure.code).replace(/^(\d+\.\d+).*$/, '$1'))}
${row('Cơ quan giải quyết', nameOf(dossier.agency as Json))}
${row('Người nộp', String(applicant.fullname))}
${row('Hình thức nộp', nameOf(dossier.applyMethod as Json))}
${row('Ngày tiếp nhận', displayVietnamTime(dossier.acceptedDate))}
${row('Ngày hẹn trả', displayVietnamTime(dossier.appointmentDate))}
${row('Ngày trả kết quả', displayVietnamTime(dossier.returnedDate ?? dossier.completedDate))}
${row('Trạng thái', nameOf(dossier.dossierStatus as Json))}
</tbody></table>`;
}

export function lookupPage(data: DemoData, params: URLSearchParams): string {
  const code = params.get('ma_ho_so')?.trim() ?? '';
  const form = `<h1>Tra cứu hồ sơ</h1><form method="get" action="${dvcqgPaths.lookup}" class="form-tra-cuu">
<label for="ma_ho_so">Mã hồ sơ</label> <input id="ma_ho_so" name="ma_ho_so" value="${escapeHtml(code)}"> <button type="submit">Tra cứu</button></form>`;
  if (!code) return layout('Tra cứu hồ sơ', form);
  const found = data.dossiers.filter((d) => String(d.code).toUpperCase() === code.toUpperCase());
  const results = found.length
    ? `<div class="tra-cuu-ket-qua">${found.map(dossierTable).join('\n')}</div>`
    : '<p class="khong-tim-thay">Không tìm thấy hồ sơ</p>';
  return layout('Tra cứu hồ sơ', `${form}\n${results}`);
}

/** The detail page and its two variants (domain.md: -nganh-doc, -dung-chung), all keyed by the internal id. */
const DETAIL_PAGE = /^\/p\/home\/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet(?:-nganh-doc|-dung-chung)?\.html$/;

export function isProcedurePath(path: string): boolean {
  return path === dvcqgPaths.procedure || DETAIL_PAGE.test(path);
}

function agencyOf(procedure: PortalProcedure): string {
  return procedure.agencies.length > 1 ? 'Ủy ban nhân dân cấp huyện' : procedure.agencies[0]!.name;
}

/** The ways-of-applying table as the real page writes it: labels in data-title, with HTML entities. */
function waysTable(procedure: PortalProcedure): string {
  const row = (way: string) => `<tr><td style="text-align: left;" data-title="H&igrave;nh thức nộp">${way}</td><td data-title="Thời hạn giải quyết">${procedure.catalogue.days} Ng&agrave;y l&agrave;m việc</td><td data-title="Ph&iacute;, lệ ph&iacute;"></td><td data-title="M&ocirc; tả"></td></tr>`;
  return `<table class="table-result-tthc table-result"><thead><tr><th>H&igrave;nh thức nộp</th><th>Thời hạn giải quyết</th><th>Ph&iacute;, lệ ph&iacute;</th><th>M&ocirc; tả</th></tr></thead>
<tbody>${row('Trực tiếp')}${procedure.catalogue.level === 'Toàn trình' ? row('Trực tuyến') : ''}</tbody></table>`;
}

/** dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=CODE: the code only in the URL, the internal id in the "Xem chi tiết" link. */
function procedureInfo(procedure: PortalProcedure): string {
  return `<div class="section-cong-dan"><div class="container"><ul class="breadcrumb"><li><a href="dvc-trang-chu.html">Trang chủ</a></li><li><a href="">Chi tiết thủ tục h&agrave;nh ch&iacute;nh</a></li></ul>
<div class="row"><div class="col-sm-8 col-xs-12">
<h1 class="main-title -none">${escapeHtml(procedure.catalogue.name)}</h1>
<a class="url" data-toggle="modal" href="dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=${procedure.nationalId}">Xem chi tiết</a>
<div class="divider-gray"></div>
<h2 class="main-title-sub">C&aacute;ch thức thực hiện</h2><br>
${waysTable(procedure)}
<div class="divider-gray"></div>
<h2 class="main-title-sub">Cơ quan thực hiện</h2>
<div class="article"><p>${escapeHtml(agencyOf(procedure))}</p></div>
<div class="divider-gray"></div>
</div></div></div></div>`;
}

function infoRow(label: string, value: string): string {
  return `<div class="row info-row"><div class="col-sm-3"><div class="key">${label}</div></div><div class="col-sm-9">${value}</div></div>`;
}

/** dvc-tthc-thu-tuc-hanh-chinh-chi-tiet*.html?ma_thu_tuc=ID: the popup of label/value rows (labels with entities and a colon). */
function procedureDetail(procedure: PortalProcedure): string {
  const c = procedure.catalogue;
  return `<div class="modal" id="popupChitietTTHC"><div class="modal-dialog modal-lg"><div class="modal-content">
<div class="modal-header"><h4 class="modal-title">Chi tiết thủ tục h&agrave;nh ch&iacute;nh</h4></div>
<div class="modal-body">
${infoRow('M&atilde; thủ tục:', procedure.nationalCode)}
${infoRow('Số quyết định:', `${1000 + (procedure.nationalId % 900)}/QĐ-BTP`)}
${infoRow('T&ecirc;n thủ tục:', escapeHtml(c.name))}
${infoRow('Cấp thực hiện:', procedure.agencies.length > 1 ? 'Cấp Huyện' : 'Cấp Tỉnh')}
${infoRow('Loại thủ tục:', 'TTHC được luật giao quy định chi tiết')}
${infoRow('Lĩnh vực:', escapeHtml(c.sector))}
${infoRow('C&aacute;ch thức thực hiện:', waysTable(procedure))}
${infoRow('Cơ quan thực hiện:', escapeHtml(agencyOf(procedure)))}
</div></div></div></div>`;
}

/** The procedure page (by national code) or a detail page (by internal numeric id); null when unknown. */
export function procedurePage(data: DemoData, path: string, params: URLSearchParams): string | null {
  const key = params.get('ma_thu_tuc')?.trim() ?? '';
  if (path === dvcqgPaths.procedure) {
    const procedure = data.procedures.find((p) => p.nationalCode === key);
    return procedure ? layout(procedure.catalogue.name, procedureInfo(procedure)) : null;
  }
  const procedure = data.procedures.find((p) => String(p.nationalId) === key);
  return procedure ? layout(procedure.catalogue.name, procedureDetail(procedure)) : null;
}

export function notFoundPage(): string {
  return layout('Không tìm thấy', '<h1>Không tìm thấy trang</h1>');
}
