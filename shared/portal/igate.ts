// The provincial TTHC system (VNPT iGate v2). Its pages fetch JSON from the province's API host;
// reading those responses is sturdier than the Angular Material DOM, which is the fallback.
// Every JSON path and selector below names the fixture in shared/portal/fixtures/ that proves it.
import type { Channel, Dossier, ProcessingTime } from '../schemas/dossier.ts';
import { nationalProcedureCode, type Procedure } from '../schemas/procedure.ts';
import {
  acceptDossier,
  acceptProcedure,
  asObject,
  labelledValues,
  readDisplayedInstant,
  readInstants,
  readPortalInstant,
  readText,
  rejectionReasons,
  textAt,
  type JsonObject,
} from './read.ts';
import { igateResponseKind, responseClaims } from './claims.ts';
import type { PageRow, ParseOptions, ParseResult, PortalAdapter, Rejected } from './types.ts';

// ── Pages ─────────────────────────────────────────────────────────────────────────────────────
// /vi/dossier/search, /vi/dossier/public-qni, /vi/dossier/processing/{id}, /vi/procedure/search,
// /vi/procedure/detail/{id} (route shapes in domain.md).
const PAGE_PATH = /^\/vi\/(dossier|procedure)(\/|$)/;
const PROCEDURE_DETAIL_PAGE = /^\/vi\/procedure\/detail\/([^/]*)\/?$/;

// ── API responses: which URLs are read (and the fixtures proving them) live in claims.ts ───────

/** iGate's language ids in `translate` arrays: 228 Vietnamese, 46 English. */
const VIETNAMESE_LANGUAGE_ID = 228;

// ── DOM (igate-dossier-search-page.html, igate-handwritten-page.html, igate-procedure-search-page.html,
//    igate-procedure-detail-page.html) ──────────────────────────────────────────────────────────
const selectors = {
  table: 'table.mat-table, mat-table',
  row: 'tr.mat-row, mat-row',
  code: '.mat-column-code a',
  /** A dossier row has an appointment column; a procedure row does not. */
  dossierMarker: '.mat-column-appointmentDate',
  procedureName: '.mat-column-procedure .procedure-name',
  procedureCode: '.mat-column-procedure .procedure-code',
  applicant: '.mat-column-applicant',
  agency: '.mat-column-agency',
  acceptedAt: '.mat-column-acceptedDate',
  appointmentAt: '.mat-column-appointmentDate',
  returnedAt: '.mat-column-returnedDate',
  applyMethod: '.mat-column-applyMethod',
  status: '.mat-column-status',
  name: '.mat-column-name',
  sector: '.mat-column-sector',
  level: '.mat-column-level',
  detailRows: '.procedure-detail tr',
} as const;

/** Labels of the procedure detail page. */
const detailLabels = { code: 'Mã thủ tục', name: 'Tên thủ tục', sector: 'Lĩnh vực', agency: 'Cơ quan thực hiện', level: 'Mức độ' } as const;

const empty = (): ParseResult => ({ dossiers: [], procedures: [], rejected: [] });

/** Channel from `applyMethod.name` ("Trực tuyến", "Trực tiếp", "Qua bưu chính công ích"). */
export function channelOf(applyMethodName: string | null): Channel {
  const name = applyMethodName?.toLowerCase() ?? '';
  if (name.includes('trực tuyến') || name.includes('online')) return 'online';
  if (name.includes('bưu chính') || name.includes('bưu điện') || name.includes('postal')) return 'postal';
  if (name.includes('trực tiếp') || name.includes('direct')) return 'direct';
  return 'unknown';
}

/** `paymentMethod.name`: online payment ("Thanh toán trực tuyến") or not; unknown when absent. */
export function paidOnlineOf(paymentMethodName: string | null): boolean | null {
  if (paymentMethodName === null) return null;
  const name = paymentMethodName.toLowerCase();
  return name.includes('trực tuyến') || name.includes('online');
}

/** The Vietnamese entry of a list of translations `[{ languageId, name }]`, else the first one named. */
function translatedName(value: unknown): string | null {
  const entries = (Array.isArray(value) ? value : [value]).map(asObject).filter((x) => x !== null);
  const vietnamese = entries.find((x) => Number(x.languageId) === VIETNAMESE_LANGUAGE_ID && readText(x.name));
  return readText(vietnamese?.name) ?? readText(entries.find((x) => readText(x.name))?.name);
}

/**
 * A name in any of iGate's four forms (domain.md): `name` a string, `name` a list of translations,
 * `translate` one object `{ languageId, name }` (what most callers read), or `translate` a list.
 */
export function nameOf(entity: JsonObject | null): string | null {
  if (!entity) return null;
  return readText(entity.name) ?? translatedName(entity.name) ?? translatedName(entity.translate);
}

/** An agency may arrive as one object or as a list of them (procedure list): the first one. */
function firstEntity(value: unknown): JsonObject | null {
  return Array.isArray(value) ? asObject(value[0]) : asObject(value);
}

function idOf(value: unknown): string | null {
  return readText(value);
}

function applicantOf(entry: JsonObject): Dossier['applicant'] {
  // The officer search nests it in `applicant.data`; the citizen app's public lookup sends it flat.
  const applicant = asObject(entry.applicant);
  const data = asObject(applicant?.data) ?? applicant;
  return {
    fullname: readText(data?.fullname),
    identityNumber: readText(data?.identityNumber),
    address: readText(data?.address),
  };
}

/** Whether the portal sent something for a field (absent, null and "" are "nothing sent"). */
const sent = (value: unknown) => value !== undefined && value !== null && value !== '';

/**
 * Reads the fields of one entry, each by its own reader; a field the portal sent that its reader
 * cannot make sense of becomes null and is counted under its name in `unread`.
 */
function fieldReader(unread: Record<string, number>) {
  return <T>(field: string, raw: unknown, value: T | null): T | null => {
    if (value === null && sent(raw)) unread[field] = (unread[field] ?? 0) + 1;
    return value;
  };
}

function instantOf(raw: unknown): string | null {
  const reading = readPortalInstant(raw);
  return reading.ok ? reading.value : null;
}

/** Status: `dossierStatus.name`, else the public lookups' `statusCurrentTask`, else the step's status. */
function statusOf(entry: JsonObject): string | null {
  return nameOf(asObject(entry.dossierStatus)) ?? readText(entry.statusCurrentTask) ?? nameOf(asObject(entry.statusCurrentTask)) ?? nameOf(asObject(entry.dossierTaskStatus));
}

/** An agency object `{ id, name, code }` (officer search) or a plain string (public lookup). */
function agencyOf(value: unknown): { name: string | null; code: string | null } {
  if (typeof value === 'string') return { name: readText(value), code: null };
  const agency = asObject(value);
  return { name: nameOf(agency), code: readText(agency?.code) };
}

const PROCESSING_UNITS: Record<string, ProcessingTime['unit']> = { d: 'working', h: 'hour' };

/**
 * `processingTime` + `processingTimeUnit` on the dossier or in its process definition. "d" is
 * working days unless the timesheet names calendar days ("Ngày", "Ngày thường"): TTHC periods are
 * "ngày làm việc" unless the procedure says otherwise [I], and the timesheet is how iGate says so.
 */
function processingTimeOf(entry: JsonObject): ProcessingTime | null {
  const definition = asObject(asObject(entry.procedureProcessDefinition)?.processDefinition);
  const source = sent(entry.processingTime) ? entry : definition;
  const amount = Number(source?.processingTime);
  const unitCode = readText(source?.processingTimeUnit)?.toLowerCase() ?? 'd';
  const timesheet = nameOf(asObject(definition?.timesheet ?? entry.timesheet))?.toLowerCase() ?? null;
  let unit = PROCESSING_UNITS[unitCode];
  if (unit === 'working' && timesheet !== null && !timesheet.includes('làm việc')) unit = 'calendar';
  if (!Number.isFinite(amount) || amount < 0 || !unit) return null;
  return { amount, unit };
}

function dossierFromJson(value: unknown, options: ParseOptions, result: ParseResult): Dossier | null {
  const entry = asObject(value);
  if (!entry) {
    result.rejected.push({ reason: rejectionReasons.notAnObject, sample: JSON.stringify(value)?.slice(0, 60) ?? String(value) });
    return null;
  }
  const code = readText(entry.code);
  if (!code) {
    result.rejected.push({ reason: rejectionReasons.missingCode, sample: `code=${typeof entry.code}` });
    return null;
  }
  const read = fieldReader((result.unreadFields ??= {}));
  const procedure = asObject(entry.procedure);
  const localProcedureCode = readText(procedure?.code);
  const agency = agencyOf(entry.agency);
  const sector = asObject(procedure?.sector);
  const status = asObject(entry.dossierStatus);
  const stepStatus = asObject(entry.dossierTaskStatus);
  const currentTask = Array.isArray(entry.currentTask) ? asObject(entry.currentTask[0]) : null;
  return acceptDossier(
    {
      code,
      portalId: idOf(entry.id),
      site: 'igate',
      procedureCode: localProcedureCode ? nationalProcedureCode(localProcedureCode) : null,
      procedureName: read('procedureName', procedure, nameOf(procedure)),
      agency: read('agency', entry.agency, agency.name),
      agencyCode: agency.code,
      agencyLevel: read('agencyLevel', entry.agencyLevel, nameOf(asObject(entry.agencyLevel))),
      sectorCode: readText(sector?.code),
      sectorName: sector && sent(sector.name) ? read('sectorName', sector.name, nameOf(sector)) : null,
      status: read('status', entry.dossierStatus ?? entry.statusCurrentTask ?? entry.dossierTaskStatus, statusOf(entry)),
      statusId: idOf(status?.id),
      stepStatus: read('stepStatus', entry.dossierTaskStatus, nameOf(stepStatus)),
      nationCode: readText(entry.nationCode),
      acceptedAt: read('acceptedAt', entry.acceptedDate, instantOf(entry.acceptedDate)),
      appointmentAt: read('appointmentAt', entry.appointmentDate, instantOf(entry.appointmentDate)),
      completedAt: read('completedAt', entry.completedDate, instantOf(entry.completedDate)),
      returnedAt: read('returnedAt', entry.returnedDate, instantOf(entry.returnedDate)),
      stepDueAt: read('stepDueAt', currentTask?.dueDate, instantOf(currentTask?.dueDate)),
      processingTime: read('processingTime', entry.processingTime ?? entry.procedureProcessDefinition, processingTimeOf(entry)),
      channel: channelOf(nameOf(asObject(entry.applyMethod))),
      paidOnline: paidOnlineOf(nameOf(asObject(entry.paymentMethod))),
      ...(options.keepPersonalData ? { applicant: applicantOf(entry) } : {}),
    },
    result.rejected,
  );
}

function procedureFromJson(value: unknown, rejected: Rejected[]): Procedure | null {
  const entry = asObject(value);
  if (!entry) {
    rejected.push({ reason: rejectionReasons.notAnObject, sample: JSON.stringify(value)?.slice(0, 60) ?? String(value) });
    return null;
  }
  const localCode = readText(entry.code);
  return acceptProcedure(
    {
      code: localCode ? nationalProcedureCode(localCode) : null,
      localCode,
      portalId: idOf(entry.id),
      site: 'igate',
      name: nameOf(entry),
      sector: nameOf(asObject(entry.sector)),
      agency: agencyOf(firstEntity(entry.agency) ?? entry.agency).name,
      level: nameOf(asObject(entry.level)),
    },
    rejected,
  );
}

/**
 * The entries of a list response: a Spring page `{ content, totalElements, number, size }`, a
 * slice `{ content, number, size, numberOfElements, first, last, empty }` (no total), or a bare
 * array; anything else is a shape we do not know.
 */
function listContent(body: unknown, rejected: Rejected[]): unknown[] | null {
  if (Array.isArray(body)) return body;
  const page = asObject(body);
  if (page && Array.isArray(page.content)) return page.content;
  const keys = page ? Object.keys(page).slice(0, 6).join(',') : typeof body;
  rejected.push({ reason: rejectionReasons.responseShape, sample: `{${keys}}` });
  return null;
}

function collect<T>(items: unknown[], read: (item: unknown) => T | null): T[] {
  const out: T[] = [];
  for (const item of items) {
    const record = read(item);
    if (record) out.push(record);
  }
  return out;
}

function parseResponse(url: URL, body: unknown, options: ParseOptions): ParseResult {
  const result: ParseResult = { ...empty(), unreadFields: {} };
  const kind = igateResponseKind(url);
  if (kind === 'dossierSearch' || kind === 'dossierDetail') {
    const content = kind === 'dossierSearch' ? listContent(body, result.rejected) : [body];
    if (content) result.dossiers = collect(content, (item) => dossierFromJson(item, options, result));
  } else if (kind === 'procedureSearch') {
    const content = listContent(body, result.rejected);
    if (content) result.procedures = collect(content, (item) => procedureFromJson(item, result.rejected));
  } else if (kind === 'procedureDetail') {
    const procedure = procedureFromJson(body, result.rejected);
    if (procedure) result.procedures.push(procedure);
  }
  return result;
}

// ── DOM fallback ──────────────────────────────────────────────────────────────────────────────

function resultRows(root: ParentNode): Element[] {
  return [...root.querySelectorAll(selectors.table)].flatMap((table) => [...table.querySelectorAll(selectors.row)]);
}

const isDossierRow = (row: Element) => row.querySelector(selectors.dossierMarker) !== null;

function dossierFromRow(row: Element, options: ParseOptions, rejected: Rejected[]): Dossier | null {
  const code = textAt(row, selectors.code);
  const instants = readInstants(
    {
      acceptedAt: readDisplayedInstant(textAt(row, selectors.acceptedAt)),
      appointmentAt: readDisplayedInstant(textAt(row, selectors.appointmentAt)),
      returnedAt: readDisplayedInstant(textAt(row, selectors.returnedAt)),
    },
    code ?? '?',
    rejected,
  );
  if (!instants) return null;
  const localProcedureCode = textAt(row, selectors.procedureCode);
  return acceptDossier(
    {
      code,
      portalId: null,
      site: 'igate',
      procedureCode: localProcedureCode ? nationalProcedureCode(localProcedureCode) : null,
      procedureName: textAt(row, selectors.procedureName),
      agency: textAt(row, selectors.agency),
      agencyCode: null,
      status: textAt(row, selectors.status),
      statusId: null,
      ...instants,
      // The table shows one return column (the portal fills it from either date): read as the return.
      channel: channelOf(textAt(row, selectors.applyMethod)),
      paidOnline: null,
      ...(options.keepPersonalData ? { applicant: { fullname: textAt(row, selectors.applicant), identityNumber: null, address: null } } : {}),
    },
    rejected,
  );
}

function procedureFromRow(row: Element, rejected: Rejected[]): Procedure | null {
  const localCode = textAt(row, selectors.code);
  const href = row.querySelector(selectors.code)?.getAttribute('href') ?? '';
  return acceptProcedure(
    {
      code: localCode ? nationalProcedureCode(localCode) : null,
      localCode,
      portalId: PROCEDURE_DETAIL_PAGE.exec(href)?.[1] || null,
      site: 'igate',
      name: textAt(row, selectors.name),
      sector: textAt(row, selectors.sector),
      agency: textAt(row, selectors.agency),
      level: textAt(row, selectors.level),
    },
    rejected,
  );
}

function procedureFromDetail(document: Document, url: URL, rejected: Rejected[]): Procedure | null {
  const fields = labelledValues(document.querySelectorAll(selectors.detailRows), 'th', 'td');
  const value = (label: string) => readText(fields.get(label)?.textContent ?? null);
  const localCode = value(detailLabels.code);
  return acceptProcedure(
    {
      code: localCode ? nationalProcedureCode(localCode) : null,
      localCode,
      portalId: PROCEDURE_DETAIL_PAGE.exec(url.pathname)?.[1] || null,
      site: 'igate',
      name: value(detailLabels.name),
      sector: value(detailLabels.sector),
      agency: value(detailLabels.agency),
      level: value(detailLabels.level),
    },
    rejected,
  );
}

function parseDocument(document: Document, url: URL, options: ParseOptions): ParseResult {
  const result = empty();
  if (PROCEDURE_DETAIL_PAGE.test(url.pathname)) {
    if (document.querySelector(selectors.detailRows)) {
      const procedure = procedureFromDetail(document, url, result.rejected);
      if (procedure) result.procedures.push(procedure);
    }
    return result;
  }
  for (const row of resultRows(document)) {
    if (isDossierRow(row)) {
      const dossier = dossierFromRow(row, options, result.rejected);
      if (dossier) result.dossiers.push(dossier);
    } else {
      const procedure = procedureFromRow(row, result.rejected);
      if (procedure) result.procedures.push(procedure);
    }
  }
  return result;
}

function findRows(root: ParentNode): PageRow[] {
  return resultRows(root).flatMap((element): PageRow[] => {
    const code = textAt(element, selectors.code);
    if (!code) return [];
    return isDossierRow(element) ? [{ element, dossierCode: code }] : [{ element, procedureCode: nationalProcedureCode(code) }];
  });
}

export const igateAdapter: PortalAdapter = {
  site: 'igate',
  matchesPage: (url) => PAGE_PATH.test(url.pathname),
  claimsResponse: responseClaims.igate,
  parseResponse,
  parseDocument,
  findRows,
};
