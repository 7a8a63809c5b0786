// The national portal (dichvucong.gov.vn): server-rendered pages, read from the DOM only: the
// dossier lookup, the procedure page (by national code) and its full detail page (by internal id).
// Values are read by their Vietnamese labels ("Mã hồ sơ", "Cấp thực hiện"...), which survive
// rows being reordered. Each selector names the fixture in shared/portal/fixtures/ that proves it.
import type { Dossier } from '../schemas/dossier.ts';
import { nationalProcedureCode, type Procedure, type ResolutionTime } from '../schemas/procedure.ts';
import { channelOf } from './igate.ts';
import { acceptDossier, acceptProcedure, labelledValues, readDisplayedInstant, readInstants, readText, textAt } from './read.ts';
import { responseClaims } from './claims.ts';
import type { PageRow, ParseOptions, ParseResult, PortalAdapter, Rejected } from './types.ts';

const LOOKUP_PAGE = '/p/home/dvc-tra-cuu-ho-so.html';
/** The procedure page, keyed by the national code: dvcqg-chi-tiet-thu-tuc-hanh-chinh-3.000001.html (real). */
const PROCEDURE_PAGE = '/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html';
/** The full detail page, keyed by the internal numeric id, in three variants (domain.md): dvcqg-handwritten-chi-tiet.html. */
const DETAIL_PAGE = /^\/p\/home\/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet(?:-nganh-doc|-dung-chung)?\.html$/;
/** The procedure page's link to the detail page carries the portal's internal numeric id, not the code. */
const DETAIL_LINK_ID = /dvc-tthc-thu-tuc-hanh-chinh-chi-tiet[\w-]*\.html\?(?:.*&)?ma_thu_tuc=(\d+)/;
const NATIONAL_CODE = /^\d+\.\d+/;

const selectors = {
  /** One table per dossier found (dvcqg-tra-cuu-ho-so.html). */
  dossierResult: 'table.ket-qua-ho-so',
  labelledRow: 'tr',
  /** Procedure page (real fixture): the name, the "Xem chi tiết" link, the ways of applying with their time limit. */
  procedureName: 'h1.main-title',
  procedureDetailLink: 'a.url',
  procedureWays: 'table.table-result-tthc td[data-title]',
  /** Its sections: an h2 heading followed by the section's text. */
  sectionHeading: 'h2.main-title-sub',
  /** Detail page (handwritten from domain.md): the popup's label/value rows. */
  detailPopup: '#popupChitietTTHC .modal-body',
  detailRow: '.row.info-row',
  detailLabel: '.key',
  detailValue: 'col-sm-9',
} as const;

/** Labels as `normaliseLabel` leaves them: lower case, NFC, single spaces, no trailing colon. */
const procedurePageLabels = { agency: 'cơ quan thực hiện', resolutionTime: 'thời hạn giải quyết' } as const;
const detailLabels = {
  code: 'mã thủ tục',
  decisionNumber: 'số quyết định',
  name: 'tên thủ tục',
  level: 'cấp thực hiện',
  sector: 'lĩnh vực',
  agency: 'cơ quan thực hiện',
  ways: 'cách thức thực hiện',
} as const;

const dossierLabels = {
  code: 'Mã hồ sơ',
  procedureName: 'Thủ tục',
  procedureCode: 'Mã thủ tục',
  agency: 'Cơ quan giải quyết',
  acceptedAt: 'Ngày tiếp nhận',
  appointmentAt: 'Ngày hẹn trả',
  returnedAt: 'Ngày trả kết quả',
  status: 'Trạng thái',
  channel: 'Hình thức nộp',
  applicant: 'Người nộp',
} as const;

function fieldsOf(table: Element): (label: string) => string | null {
  const fields = labelledValues(table.querySelectorAll(selectors.labelledRow), 'th', 'td');
  return (label) => readText(fields.get(label)?.textContent ?? null);
}

function dossierFromTable(table: Element, options: ParseOptions, rejected: Rejected[]): Dossier | null {
  const field = fieldsOf(table);
  const code = field(dossierLabels.code);
  const instants = readInstants(
    {
      acceptedAt: readDisplayedInstant(field(dossierLabels.acceptedAt)),
      appointmentAt: readDisplayedInstant(field(dossierLabels.appointmentAt)),
      returnedAt: readDisplayedInstant(field(dossierLabels.returnedAt)),
    },
    code ?? '?',
    rejected,
  );
  if (!instants) return null;
  const procedureCode = field(dossierLabels.procedureCode);
  return acceptDossier(
    {
      code,
      portalId: null,
      site: 'dvcqg',
      procedureCode: procedureCode ? nationalProcedureCode(procedureCode) : null,
      procedureName: field(dossierLabels.procedureName),
      agency: field(dossierLabels.agency),
      agencyCode: null,
      status: field(dossierLabels.status),
      statusId: null,
      ...instants,
      channel: channelOf(field(dossierLabels.channel)),
      paidOnline: null,
      ...(options.keepPersonalData ? { applicant: { fullname: field(dossierLabels.applicant), identityNumber: null, address: null } } : {}),
    },
    rejected,
  );
}

/**
 * A label as the national pages write it ("T&ecirc;n thủ tục:", "Cơ quan  thực hiện", "Lĩnh vực :")
 * after the HTML parser decoded its entities: NFC, lower case, single spaces, no trailing colon.
 */
export function normaliseLabel(text: string | null | undefined): string {
  return (text ?? '').normalize('NFC').replace(/\s+/g, ' ').trim().replace(/\s*[:：]$/, '').toLocaleLowerCase('vi');
}

/** "7 Ngày làm việc" → 7 working days; "30 ngày" → 30 calendar days; hours or no number → null. */
export function readResolutionTime(text: string | null): ResolutionTime | null {
  const match = /(\d+(?:[.,]\d+)?)\s*ngày(\s*làm\s*việc)?/i.exec((text ?? '').normalize('NFC'));
  if (!match) return null;
  return { days: Number(match[1]!.replace(',', '.')), unit: match[2] ? 'working' : 'calendar' };
}

/** The first "Thời hạn giải quyết" cell of the ways-of-applying table inside `root`. */
function resolutionTimeIn(root: ParentNode): ResolutionTime | null {
  const cell = [...root.querySelectorAll(selectors.procedureWays)].find((td) => normaliseLabel(td.getAttribute('data-title')) === procedurePageLabels.resolutionTime);
  return readResolutionTime(readText(cell?.textContent ?? null));
}

/** The text of the section whose h2 heading is `label`: the siblings up to the next divider or heading. */
function sectionText(document: Document, label: string): string | null {
  const heading = [...document.querySelectorAll(selectors.sectionHeading)].find((h) => normaliseLabel(h.textContent) === label);
  let next = heading?.nextElementSibling ?? null;
  const parts: string[] = [];
  while (next && !next.matches(`${selectors.sectionHeading}, .divider-gray`)) {
    parts.push(next.textContent ?? '');
    next = next.nextElementSibling;
  }
  return readText(parts.join(' '));
}

/** The procedure page: code from the URL (the page shows it nowhere else), the internal id from the detail link. */
function procedureFromPage(document: Document, url: URL, rejected: Rejected[]): Procedure | null {
  const code = readText(url.searchParams.get('ma_thu_tuc'));
  const detailHref = document.querySelector(selectors.procedureDetailLink)?.getAttribute('href') ?? '';
  return acceptProcedure(
    {
      code: code ? nationalProcedureCode(code) : null,
      localCode: code,
      portalId: DETAIL_LINK_ID.exec(detailHref)?.[1] ?? null,
      site: 'dvcqg',
      name: textAt(document, selectors.procedureName),
      sector: null,
      agency: sectionText(document, procedurePageLabels.agency),
      level: null,
      decisionNumber: null,
      resolutionTime: resolutionTimeIn(document),
    },
    rejected,
  );
}

/** The detail popup's rows, label → value element. */
function detailRows(popup: Element): Map<string, Element> {
  const values = new Map<string, Element>();
  for (const row of popup.querySelectorAll(selectors.detailRow)) {
    const label = normaliseLabel(row.querySelector(selectors.detailLabel)?.textContent);
    const value = [...row.children].find((child) => child.classList.contains(selectors.detailValue)) ?? row.querySelector(`.${selectors.detailValue}`);
    if (label && value && !values.has(label)) values.set(label, value);
  }
  return values;
}

/** The detail page: code from the popup ("Mã thủ tục"), else the URL when it carries a code; the URL's numeric id is the portal id. */
function procedureFromDetail(popup: Element, url: URL, rejected: Rejected[]): Procedure | null {
  const rows = detailRows(popup);
  const field = (label: string) => readText(rows.get(label)?.textContent ?? null);
  const fromUrl = readText(url.searchParams.get('ma_thu_tuc'));
  const code = field(detailLabels.code) ?? (fromUrl && NATIONAL_CODE.test(fromUrl) ? fromUrl : null);
  const ways = rows.get(detailLabels.ways);
  return acceptProcedure(
    {
      code: code ? nationalProcedureCode(code) : null,
      localCode: code,
      portalId: fromUrl && /^\d+$/.test(fromUrl) ? fromUrl : null,
      site: 'dvcqg',
      name: field(detailLabels.name),
      sector: field(detailLabels.sector),
      agency: field(detailLabels.agency),
      level: field(detailLabels.level),
      decisionNumber: field(detailLabels.decisionNumber),
      resolutionTime: ways ? resolutionTimeIn(ways) : null,
    },
    rejected,
  );
}

function parseDocument(document: Document, url: URL, options: ParseOptions): ParseResult {
  const result: ParseResult = { dossiers: [], procedures: [], rejected: [] };
  const popup = DETAIL_PAGE.test(url.pathname) ? document.querySelector(selectors.detailPopup) : null;
  const procedure =
    url.pathname === PROCEDURE_PAGE && document.querySelector(selectors.procedureName)
      ? procedureFromPage(document, url, result.rejected)
      : popup
        ? procedureFromDetail(popup, url, result.rejected)
        : null;
  if (procedure) result.procedures.push(procedure);
  if (url.pathname !== LOOKUP_PAGE) return result;
  for (const table of document.querySelectorAll(selectors.dossierResult)) {
    const dossier = dossierFromTable(table, options, result.rejected);
    if (dossier) result.dossiers.push(dossier);
  }
  return result;
}

/** The badge place of a procedure page (its title) or of a detail page (the popup's code value), with the code each gives. */
function procedureRow(root: ParentNode, url: URL | undefined): PageRow[] {
  if (url?.pathname === PROCEDURE_PAGE) {
    const element = root.querySelector(selectors.procedureName);
    const code = readText(url.searchParams.get('ma_thu_tuc'));
    return element && code ? [{ element, procedureCode: nationalProcedureCode(code) }] : [];
  }
  const popup = root.querySelector(selectors.detailPopup);
  const codeValue = popup ? detailRows(popup).get(detailLabels.code) : undefined;
  const code = readText(codeValue?.textContent ?? null);
  return codeValue && code ? [{ element: codeValue, procedureCode: nationalProcedureCode(code) }] : [];
}

function findRows(root: ParentNode, url?: URL): PageRow[] {
  const dossierRows = [...root.querySelectorAll(selectors.dossierResult)].flatMap((element): PageRow[] => {
    const code = fieldsOf(element)(dossierLabels.code);
    return code ? [{ element, dossierCode: code }] : [];
  });
  return [...dossierRows, ...procedureRow(root, url)];
}

export const dvcqgAdapter: PortalAdapter = {
  site: 'dvcqg',
  matchesPage: (url) => url.pathname === LOOKUP_PAGE || url.pathname === PROCEDURE_PAGE || DETAIL_PAGE.test(url.pathname),
  claimsResponse: responseClaims.dvcqg,
  parseResponse: () => ({ dossiers: [], procedures: [], rejected: [] }),
  parseDocument,
  findRows,
};
