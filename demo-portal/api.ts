// The demo portal's JSON API, iGate-shaped: Spring pages `{ content, totalElements, number, size }`.
//   GET /pa/dossier/search?page=&size=&sort=appointmentDate,asc&code=&procedure-id=&agency-id=
//       &dossier-status=2,3&apply-method-id=&accepted-from=&accepted-to=&appointment-from=&appointment-to=
//   GET /ba/procedure/search?page=&size=&keyword=&sector-id=
//   GET /ba/procedure/{id}
// Dates in filters are Vietnam calendar dates, YYYY-MM-DD or dd/MM/yyyy.
// Test hook: `broken=shape` (or `broken=1`) answers the dossier search with a renamed shape
// `{ items, total, page, pageSize }` (the demo page still renders it, as a portal that changed its
// API would); `broken=entries` keeps the shape but damages every third entry.
import { timestampMs, vietnamDate, type CalendarDate } from './clock.ts';
import type { DemoData, Json } from './data.ts';

export interface ApiAnswer { status: number; body: unknown }

const MAX_PAGE_SIZE = 50_000;
const sortableFields = ['appointmentDate', 'acceptedDate', 'appliedDate', 'code'] as const;
type SortField = (typeof sortableFields)[number];

/** Sort keys computed once: the date fields as epoch ms (null dates sort last), the code as text. */
export interface DossierIndex {
  data: DemoData;
  keys: Record<Exclude<SortField, 'code'>, (number | null)[]>;
  acceptedDates: (CalendarDate | null)[];
  appointmentDates: (CalendarDate | null)[];
}

export function indexDossiers(data: DemoData): DossierIndex {
  const keys = {
    appointmentDate: data.dossiers.map((d) => timestampMs(d.appointmentDate)),
    acceptedDate: data.dossiers.map((d) => timestampMs(d.acceptedDate)),
    appliedDate: data.dossiers.map((d) => timestampMs(d.appliedDate)),
  };
  const dateOf = (ms: number | null) => (ms === null ? null : vietnamDate(ms));
  return { data, keys, acceptedDates: keys.acceptedDate.map(dateOf), appointmentDates: keys.appointmentDate.map(dateOf) };
}

function intParam(params: URLSearchParams, name: string, fallback: number, max: number): number | null {
  const raw = params.get(name);
  if (raw === null || raw === '') return fallback;
  const value = Number(raw);
  return Number.isInteger(value) && value >= 0 && value <= max ? value : null;
}

/** YYYY-MM-DD or dd/MM/yyyy; null when absent, undefined when unreadable. */
function dateParam(params: URLSearchParams, name: string): CalendarDate | null | undefined {
  const raw = params.get(name)?.trim();
  if (!raw) return null;
  const vn = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(raw);
  const text = vn ? `${vn[3]}-${vn[2]}-${vn[1]}` : raw;
  return /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : undefined;
}

function listParam(params: URLSearchParams, name: string): Set<string> | null {
  const raw = params.get(name);
  if (!raw) return null;
  const values = raw.split(',').map((v) => v.trim()).filter(Boolean);
  return values.length ? new Set(values) : null;
}

const badRequest = (message: string): ApiAnswer => ({ status: 400, body: { error: 'Bad Request', message } });

/** Spring's `page` and `size`, or null when either is out of range. */
function pageParams(params: URLSearchParams): { page: number; size: number } | null {
  const page = intParam(params, 'page', 0, 1_000_000);
  const size = intParam(params, 'size', 20, MAX_PAGE_SIZE);
  return page === null || size === null || size === 0 ? null : { page, size };
}

const badPaging = () => badRequest('page must be ≥ 0 and size between 1 and 50000');

function inRange(date: CalendarDate | null, from: CalendarDate | null, to: CalendarDate | null): boolean {
  if (from === null && to === null) return true;
  if (date === null) return false;
  return (from === null || date >= from) && (to === null || date <= to);
}

function sortOrder(index: DossierIndex, matches: number[], sort: string): number[] | null {
  const [field = 'appointmentDate', direction = 'asc'] = sort.split(',');
  if (!(sortableFields as readonly string[]).includes(field) || !['asc', 'desc'].includes(direction)) return null;
  const sign = direction === 'asc' ? 1 : -1;
  if (field === 'code') {
    const codes = index.data.dossiers.map((d) => String(d.code));
    return matches.sort((a, b) => sign * codes[a]!.localeCompare(codes[b]!));
  }
  const keys = index.keys[field as Exclude<SortField, 'code'>];
  return matches.sort((a, b) => {
    const ka = keys[a] ?? null;
    const kb = keys[b] ?? null;
    if (ka === kb) return a - b;
    if (ka === null) return 1;
    if (kb === null) return -1;
    return sign * (ka - kb);
  });
}

function damaged(entry: Json, position: number): unknown {
  if (position % 3 !== 0) return entry;
  return { ...entry, code: null, appointmentDate: 'hôm qua' };
}

export function searchDossiers(index: DossierIndex, params: URLSearchParams): ApiAnswer {
  const paging = pageParams(params);
  if (!paging) return badPaging();
  const { page, size } = paging;
  const range = {
    acceptedFrom: dateParam(params, 'accepted-from'),
    acceptedTo: dateParam(params, 'accepted-to'),
    appointmentFrom: dateParam(params, 'appointment-from'),
    appointmentTo: dateParam(params, 'appointment-to'),
  };
  if (Object.values(range).includes(undefined)) return badRequest('dates must be YYYY-MM-DD or dd/MM/yyyy');
  const code = params.get('code')?.trim().toUpperCase() ?? '';
  const procedureIds = listParam(params, 'procedure-id');
  const agencyIds = listParam(params, 'agency-id');
  const statusIds = listParam(params, 'dossier-status');
  const methodIds = listParam(params, 'apply-method-id');
  const { dossiers } = index.data;
  const matches: number[] = [];
  for (let i = 0; i < dossiers.length; i += 1) {
    const d = dossiers[i]!;
    if (code && !String(d.code).toUpperCase().includes(code)) continue;
    if (procedureIds && !procedureIds.has(String((d.procedure as Json).id))) continue;
    if (agencyIds && !agencyIds.has(String((d.agency as Json).id))) continue;
    if (statusIds && !statusIds.has(String((d.dossierStatus as Json).id))) continue;
    if (methodIds && !methodIds.has(String((d.applyMethod as Json).id))) continue;
    if (!inRange(index.acceptedDates[i] ?? null, range.acceptedFrom ?? null, range.acceptedTo ?? null)) continue;
    if (!inRange(index.appointmentDates[i] ?? null, range.appointmentFrom ?? null, range.appointmentTo ?? null)) continue;
    matches.push(i);
  }
  const ordered = sortOrder(index, matches, params.get('sort') || 'appointmentDate,asc');
  if (!ordered) return badRequest(`sort must be one of ${sortableFields.join(', ')} with ,asc or ,desc`);
  const content = ordered.slice(page * size, page * size + size).map((i) => dossiers[i]!);
  const broken = params.get('broken');
  if (broken === '1' || broken === 'shape') return { status: 200, body: { items: content, total: ordered.length, page, pageSize: size } };
  const entries = broken === 'entries' ? content.map(damaged) : content;
  return { status: 200, body: { content: entries, totalElements: ordered.length, number: page, size } };
}

export function searchProcedures(data: DemoData, params: URLSearchParams): ApiAnswer {
  const paging = pageParams(params);
  if (!paging) return badPaging();
  const { page, size } = paging;
  const keyword = params.get('keyword')?.normalize('NFC').trim().toLowerCase() ?? '';
  const sectorId = params.get('sector-id') ?? '';
  const matches = data.procedures.filter(
    (p) =>
      (!keyword || p.catalogue.name.toLowerCase().includes(keyword) || p.code.includes(keyword)) &&
      (!sectorId || (p.json.sector as Json).id === sectorId),
  );
  const content = matches.slice(page * size, page * size + size).map((p) => p.json);
  return { status: 200, body: { content, totalElements: matches.length, number: page, size } };
}

export function procedureById(data: DemoData, id: string): ApiAnswer {
  const procedure = data.procedures.find((p) => p.id === id);
  return procedure ? { status: 200, body: procedure.json } : { status: 404, body: { error: 'Not Found', message: `no procedure ${id}` } };
}
