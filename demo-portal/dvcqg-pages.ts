// The national-portal stand-in: server-rendered pages like dichvucong.gov.vn's
//   /p/home/dvc-tra-cuu-ho-so.html?ma_ho_so=CODE            dossier lookup
//   /p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=1.001612   procedure page
//   /p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=7603  full detail (internal numeric id)
// Values sit in th/td rows under Vietnamese labels; times are shown in Vietnam time.
import { displayVietnamTime } from './clock.ts';
import type { DemoData, Json, PortalProcedure } from './data.ts';

export const dvcqgPaths = {
  lookup: '/p/home/dvc-tra-cuu-ho-so.html',
  procedure: '/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html',
  procedureDetail: '/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html',
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

function procedureInfo(procedure: PortalProcedure): string {
  const c = procedure.catalogue;
  const agencies = procedure.agencies.length > 1 ? 'Ủy ban nhân dân cấp huyện' : procedure.agencies[0]!.name;
  return `<div class="chi-tiet-thu-tuc"><h1 class="ten-thu-tuc">${escapeHtml(c.name)}</h1>
<table class="table thong-tin-thu-tuc"><tbody>
${row('Mã thủ tục', procedure.nationalCode)}
${row('Lĩnh vực', c.sector)}
${row('Cơ quan thực hiện', agencies)}
${row('Mức độ', c.level)}
${row('Thời hạn giải quyết', `${c.days} ngày làm việc`)}
</tbody></table>
<a class="xem-chi-tiet" href="${dvcqgPaths.procedureDetail}?ma_thu_tuc=${procedure.nationalId}">Xem chi tiết</a></div>`;
}

/** The procedure page (by national code) or the detail page (by internal numeric id); null when unknown. */
export function procedurePage(data: DemoData, path: string, params: URLSearchParams): string | null {
  const key = params.get('ma_thu_tuc')?.trim() ?? '';
  const procedure =
    path === dvcqgPaths.procedure
      ? data.procedures.find((p) => p.nationalCode === key)
      : data.procedures.find((p) => String(p.nationalId) === key);
  return procedure ? layout(procedure.catalogue.name, procedureInfo(procedure)) : null;
}

export function notFoundPage(): string {
  return layout('Không tìm thấy', '<h1>Không tìm thấy trang</h1>');
}
