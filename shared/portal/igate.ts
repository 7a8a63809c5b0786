// The provincial TTHC system (VNPT iGate v2). Its pages fetch JSON from the province's API host;
// reading those responses is sturdier than the Angular Material DOM, which is the fallback.
// Every JSON path and selector below names the fixture in shared/portal/fixtures/ that proves it.
import type { Channel, Dossier } from '../schemas/dossier.ts';
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

/** `name`, else the Vietnamese entry of `translate: [{ languageId, name }]`, else any entry. */
function nameOf(entity: JsonObject | null): string | null {
  if (!entity) return null;
  const direct = readText(entity.name);
  if (direct) return direct;
  const translations = Array.isArray(entity.translate) ? entity.translate.map(asObject).filter((x) => x !== null) : [];
  const vietnamese = translations.find((x) => Number(x.languageId) === VIETNAMESE_LANGUAGE_ID) ?? translations[0];
  return readText(vietnamese?.name);
}

/** An agency may arrive as one object or as a list of them (procedure list): the first one. */
function firstEntity(value: unknown): JsonObject | null {
  return Array.isArray(value) ? asObject(value[0]) : asObject(value);
}

function idOf(value: unknown): string | null {
  return readText(value);
}

function applicantOf(entry: JsonObject): Dossier['applicant'] {
  const data = asObject(asObject(entry.applicant)?.data);
  return {
    fullname: readText(data?.fullname),
    identityNumber: readText(data?.identityNumber),
    address: readText(data?.address),
  };
}

function dossierFromJson(value: unknown, options: ParseOptions, rejected: Rejected[]): Dossier | null {
  const entry = asObject(value);
  if (!entry) {
    rejected.push({ reason: rejectionReasons.notAnObject, sample: JSON.stringify(value)?.slice(0, 60) ?? String(value) });
    return null;
  }
  const code = readText(entry.code);
  const instants = readInstants(
    {
      acceptedAt: readPortalInstant(entry.acceptedDate),
      appointmentAt: readPortalInstant(entry.appointmentDate),
      // The actual return date's field name is not confirmed [U]: both likely names are read.
      returnedAt: readPortalInstant(entry.returnedDate ?? entry.completedDate),
    },
    code ?? '?',
    rejected,
  );
  if (!instants) return null;
  const procedure = asObject(entry.procedure);
  const localProcedureCode = readText(procedure?.code);
  const agency = asObject(entry.agency);
  const status = asObject(entry.dossierStatus);
  return acceptDossier(
    {
      code,
      portalId: idOf(entry.id),
      site: 'igate',
      procedureCode: localProcedureCode ? nationalProcedureCode(localProcedureCode) : null,
      procedureName: nameOf(procedure),
      agency: nameOf(agency),
      agencyCode: readText(agency?.code),
      status: nameOf(status),
      statusId: idOf(status?.id),
      ...instants,
      channel: channelOf(nameOf(asObject(entry.applyMethod))),
      paidOnline: paidOnlineOf(nameOf(asObject(entry.paymentMethod))),
      ...(options.keepPersonalData ? { applicant: applicantOf(entry) } : {}),
    },
    rejected,
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
      agency: nameOf(firstEntity(entry.agency)),
      level: nameOf(asObject(entry.level)),
    },
    rejected,
  );
}

/** `{ content: [...], totalElements, number, size }`; anything else is a shape we do not know. */
function pageContent(body: unknown, rejected: Rejected[]): unknown[] | null {
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
  const result = empty();
  const kind = igateResponseKind(url);
  if (kind === 'dossierSearch') {
    const content = pageContent(body, result.rejected);
    if (content) result.dossiers = collect(content, (item) => dossierFromJson(item, options, result.rejected));
  } else if (kind === 'procedureSearch') {
    const content = pageContent(body, result.rejected);
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
