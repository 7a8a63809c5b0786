// The demo iGate single-page app, in the browser. Served as JavaScript by stripping the types
// (no build step). It behaves like the Angular Material front end where the extension cares:
// history-API navigation, tables re-rendered on every search and page, `table.mat-table` with
// `tr.mat-row` and `.mat-column-*` cells, the empty text "Không có kết quả tìm kiếm", and JSON
// fetched from /pa and /ba. It catches its own failures so a throwing extension cannot break it.

type Json = Record<string, unknown>;
interface Page { content: Json[]; totalElements: number; number: number; size: number }

const outlet = document.getElementById('outlet') as HTMLElement;
const EMPTY_TEXT = 'Không có kết quả tìm kiếm';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** A name as iGate sends it: a string, or translations (one object or a list) in `name` or `translate`. */
function nameOf(entity: unknown): string {
  if (typeof entity === 'string') return entity;
  const e = (entity ?? {}) as Json;
  if (typeof e.name === 'string') return e.name;
  const raw = e.name ?? e.translate;
  const translations = (Array.isArray(raw) ? raw : raw ? [raw] : []) as { languageId: number; name: string }[];
  return translations.find((x) => x.languageId === 228)?.name ?? translations[0]?.name ?? '';
}

/** The officer search's `dossierStatus`, else the public lookups' `statusCurrentTask`, else the step's status. */
function statusOf(d: Json): string {
  return nameOf(d.dossierStatus) || nameOf(d.statusCurrentTask) || nameOf(d.dossierTaskStatus);
}

/** iGate timestamps ("...+0700", "...+0000") shown as dd/MM/yyyy HH:mm:ss in Vietnam time. */
function vietnamTime(value: unknown): string {
  if (typeof value !== 'string' || value === '') return '';
  const ms = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  if (Number.isNaN(ms)) return '';
  const iso = new Date(ms + 7 * 3_600_000).toISOString();
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)} ${iso.slice(11, 19)}`;
}

function navigate(path: string): void {
  history.pushState(null, '', path);
  void route();
}

function setQuery(changes: Record<string, string | null>): void {
  const url = new URL(location.href);
  for (const [name, value] of Object.entries(changes)) {
    if (value === null || value === '') url.searchParams.delete(name);
    else url.searchParams.set(name, value);
  }
  navigate(url.pathname + url.search);
}

async function getJson(path: string): Promise<unknown> {
  // The sign-in header an iGate front end sends with every API call (demo-portal/guards.ts checks it when asked).
  const response = await fetch(path, { headers: { Accept: 'application/json', Authorization: 'Bearer demo-officer' } });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
}

/** Accepts the portal's page shape, a slice (no total) and, for the `broken` test hook, the renamed one. */
function asPage(body: unknown): Page {
  const b = (body ?? {}) as Json;
  if (Array.isArray(b.content) && typeof b.totalElements === 'number') return b as unknown as Page;
  if (Array.isArray(b.content)) {
    const number = Number(b.number ?? 0);
    const size = Number(b.size ?? 20);
    return { content: b.content as Json[], number, size, totalElements: number * size + b.content.length + (b.last === false ? 1 : 0) };
  }
  return { content: (b.items as Json[]) ?? [], totalElements: Number(b.total ?? 0), number: Number(b.page ?? 0), size: Number(b.pageSize ?? 20) };
}

function table(columns: [string, string][], rows: HTMLTableRowElement[]): HTMLTableElement {
  const head = el('tr', { class: 'mat-header-row', role: 'row' }, ...columns.map(([key, label]) => el('th', { class: `mat-header-cell mat-column-${key}`, role: 'columnheader' }, label)));
  return el('table', { class: 'mat-table cdk-table searchtbl', role: 'table' }, el('thead', {}, head), el('tbody', {}, ...rows));
}

function cell(key: string, ...children: (Node | string)[]): HTMLTableCellElement {
  return el('td', { class: `mat-cell mat-column-${key}`, role: 'cell' }, ...children);
}

const dossierColumns: [string, string][] = [
  ['code', 'Mã hồ sơ'],
  ['procedure', 'Thủ tục'],
  ['applicant', 'Người nộp'],
  ['agency', 'Cơ quan'],
  ['acceptedDate', 'Ngày tiếp nhận'],
  ['appointmentDate', 'Ngày hẹn trả'],
  ['returnedDate', 'Ngày trả kết quả'],
  ['applyMethod', 'Hình thức'],
  ['status', 'Trạng thái'],
];

function dossierRow(d: Json): HTMLTableRowElement {
  const procedure = (d.procedure ?? {}) as Json;
  const applicant = (((d.applicant ?? {}) as Json).data ?? {}) as Json;
  const code = String(d.code ?? '');
  return el(
    'tr',
    { class: 'mat-row', role: 'row' },
    cell('code', el('a', { href: `/vi/dossier/public-qni?code=${encodeURIComponent(code)}` }, code)),
    cell('procedure', el('span', { class: 'procedure-name' }, nameOf(procedure)), el('br'), el('span', { class: 'procedure-code' }, String(procedure.code ?? ''))),
    cell('applicant', String(applicant.fullname ?? (d.applicant as Json | undefined)?.fullname ?? '')),
    cell('agency', nameOf(d.agency)),
    cell('acceptedDate', vietnamTime(d.acceptedDate)),
    cell('appointmentDate', vietnamTime(d.appointmentDate)),
    cell('returnedDate', vietnamTime(d.returnedDate ?? d.completedDate)),
    cell('applyMethod', nameOf(d.applyMethod)),
    cell('status', statusOf(d)),
  );
}

function paginator(page: Page): HTMLElement {
  const first = page.totalElements === 0 ? 0 : page.number * page.size + 1;
  const last = Math.min(page.totalElements, (page.number + 1) * page.size);
  const lastPage = Math.max(0, Math.ceil(page.totalElements / page.size) - 1);
  const sizes = el('select', { class: 'mat-paginator-page-size-select', 'aria-label': 'Số dòng mỗi trang' }, ...[10, 20, 50, 100, 1000].map((n) => el('option', n === page.size ? { value: String(n), selected: '' } : { value: String(n) }, String(n))));
  sizes.addEventListener('change', () => setQuery({ size: sizes.value, page: null }));
  const previous = el('button', { class: 'mat-paginator-navigation-previous', type: 'button', 'aria-label': 'Trang trước' }, '‹');
  const next = el('button', { class: 'mat-paginator-navigation-next', type: 'button', 'aria-label': 'Trang sau' }, '›');
  previous.disabled = page.number <= 0;
  next.disabled = page.number >= lastPage;
  previous.addEventListener('click', () => setQuery({ page: String(page.number - 1) }));
  next.addEventListener('click', () => setQuery({ page: String(page.number + 1) }));
  return el('div', { class: 'mat-paginator' }, sizes, el('span', { class: 'mat-paginator-range-label' }, `${first} – ${last} của ${page.totalElements}`), previous, next);
}

function searchForm(fields: [string, string][], onSubmit: (values: Record<string, string>) => void): HTMLFormElement {
  const params = new URL(location.href).searchParams;
  const inputs = fields.map(([name, label]) => {
    const input = el('input', { id: `f-${name}`, name, value: params.get(name) ?? '' });
    return { name, wrapper: el('label', { for: `f-${name}` }, `${label} `, input), input };
  });
  const form = el('form', { class: 'search-form' }, ...inputs.map((i) => i.wrapper), el('button', { class: 'searchBtn', type: 'submit' }, 'Tìm kiếm'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    onSubmit(Object.fromEntries(inputs.map((i) => [i.name, i.input.value.trim()])));
  });
  return form;
}

/** The list view shared by dossier and procedure searches: fetch, then replace the results. */
async function results(apiPath: string, passThrough: string[], columns: [string, string][], toRow: (entry: Json) => HTMLTableRowElement, withPaging: boolean): Promise<HTMLElement> {
  const params = new URL(location.href).searchParams;
  const query = new URLSearchParams({ page: params.get('page') ?? '0', size: params.get('size') ?? '20' });
  if (apiPath === '/pa/dossier/search') query.set('sort', params.get('sort') ?? 'appointmentDate,asc');
  // The public lookup asks by `keyword`, as VNPT's citizen app does.
  if (apiPath === '/pa/dossier/--public') query.set('keyword', params.get('code') ?? '');
  for (const name of passThrough) if (params.get(name)) query.set(name, params.get(name)!);
  const page = asPage(await getJson(`${apiPath}?${query}`));
  // Angular's component host element: the public user script reads the empty text inside it.
  const list = document.createElement('app-list-search');
  if (page.content.length === 0) list.append(el('div', { class: 'no-result' }, EMPTY_TEXT));
  else list.append(table(columns, page.content.map(toRow)));
  if (withPaging) list.append(paginator(page));
  return list;
}

async function dossierSearch(): Promise<Node[]> {
  const form = searchForm([['code', 'Mã hồ sơ'], ['dossier-status', 'Mã trạng thái']], (v) => setQuery({ ...v, page: null }));
  return [el('h1', {}, 'Tra cứu hồ sơ'), form, await results('/pa/dossier/search', ['code', 'dossier-status', 'agency-id', 'procedure-id', 'accepted-from', 'accepted-to', 'appointment-from', 'appointment-to', 'broken', 'variant'], dossierColumns, dossierRow, true)];
}

async function publicLookup(): Promise<Node[]> {
  const form = searchForm([['code', 'Mã hồ sơ']], (v) => setQuery(v));
  const heading = el('h1', {}, 'Tra cứu hồ sơ công khai');
  if (!new URL(location.href).searchParams.get('code')) return [heading, form];
  const publicColumns = dossierColumns.filter(([key]) => key !== 'applicant');
  const toRow = (d: Json) => {
    const row = dossierRow(d);
    row.querySelector('.mat-column-applicant')?.remove();
    return row;
  };
  return [heading, form, await results('/pa/dossier/--public', [], publicColumns, toRow, false)];
}

function procedureRow(p: Json): HTMLTableRowElement {
  const agencies = (p.agency as Json[] | undefined) ?? [];
  const agency = agencies.length > 1 ? 'Ủy ban nhân dân cấp huyện' : nameOf(agencies[0]);
  return el(
    'tr',
    { class: 'mat-row', role: 'row' },
    cell('code', el('a', { href: `/vi/procedure/detail/${String(p.id)}` }, String(p.code))),
    cell('name', nameOf(p)),
    cell('sector', nameOf(p.sector)),
    cell('agency', agency),
    cell('level', nameOf(p.level)),
  );
}

async function procedureSearch(): Promise<Node[]> {
  const form = searchForm([['keyword', 'Từ khóa']], (v) => setQuery({ ...v, page: null }));
  const columns: [string, string][] = [['code', 'Mã thủ tục'], ['name', 'Tên thủ tục'], ['sector', 'Lĩnh vực'], ['agency', 'Cơ quan thực hiện'], ['level', 'Mức độ']];
  return [el('h1', {}, 'Danh sách thủ tục hành chính'), form, await results('/ba/procedure/search', ['keyword'], columns, procedureRow, true)];
}

async function procedureDetail(id: string): Promise<Node[]> {
  const p = (await getJson(`/ba/procedure/${encodeURIComponent(id)}`)) as Json;
  const agencies = (p.agency as Json[] | undefined) ?? [];
  const fields: [string, string][] = [
    ['Mã thủ tục', String(p.code)],
    ['Tên thủ tục', nameOf(p)],
    ['Lĩnh vực', nameOf(p.sector)],
    ['Cơ quan thực hiện', agencies.length > 1 ? 'Ủy ban nhân dân cấp huyện' : nameOf(agencies[0])],
    ['Mức độ', nameOf(p.level)],
    ['Thời hạn giải quyết', `${String(p.processingTime)} ngày làm việc`],
  ];
  const rows = fields.map(([label, value]) => el('tr', {}, el('th', {}, label), el('td', {}, value)));
  return [el('h1', {}, nameOf(p)), el('div', { class: 'procedure-detail' }, el('table', { class: 'detail-table' }, el('tbody', {}, ...rows))), el('a', { href: '/vi/procedure/search' }, '← Danh sách thủ tục')];
}

function view(path: string): Promise<Node[]> {
  const detail = /^\/vi\/procedure\/detail\/([^/]+)$/.exec(path);
  if (detail) return procedureDetail(decodeURIComponent(detail[1]!));
  if (path === '/vi/dossier/search') return dossierSearch();
  if (path === '/vi/dossier/public-qni') return publicLookup();
  if (path === '/vi/procedure/search') return procedureSearch();
  return Promise.resolve([el('h1', {}, 'Không tìm thấy trang')]);
}

let generation = 0;

/** Renders the current URL; a slower earlier render never overwrites a newer one. */
async function route(): Promise<void> {
  const mine = ++generation;
  outlet.setAttribute('aria-busy', 'true');
  outlet.dataset.state = 'loading';
  let nodes: Node[];
  try {
    nodes = await view(location.pathname);
  } catch (error) {
    nodes = [el('p', { class: 'load-error', role: 'alert' }, `Không tải được dữ liệu (${(error as Error).message})`)];
  }
  if (mine !== generation) return;
  outlet.replaceChildren(...nodes);
  outlet.removeAttribute('aria-busy');
  outlet.dataset.state = 'ready';
}

document.addEventListener('click', (event) => {
  const link = (event.target as Element | null)?.closest?.('a[href^="/vi/"]');
  if (!link || event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey) return;
  event.preventDefault();
  navigate(link.getAttribute('href')!);
});
window.addEventListener('popstate', () => void route());
void route();
