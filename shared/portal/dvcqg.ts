// The national portal (dichvucong.gov.vn): server-rendered pages, read from the DOM only.
// Values are read by their Vietnamese labels ("Mã hồ sơ", "Ngày hẹn trả"...), which survive
// rows being reordered. Each selector names the fixture in shared/portal/fixtures/ that proves it.
import type { Dossier } from '../schemas/dossier.ts';
import { nationalProcedureCode, type Procedure } from '../schemas/procedure.ts';
import { channelOf } from './igate.ts';
import { acceptDossier, acceptProcedure, labelledValues, readDisplayedInstant, readInstants, readText } from './read.ts';
import { responseClaims } from './claims.ts';
import type { PageRow, ParseOptions, ParseResult, PortalAdapter, Rejected } from './types.ts';

const LOOKUP_PAGE = '/p/home/dvc-tra-cuu-ho-so.html';
const PROCEDURE_PAGE = '/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html';
/** Its detail link carries the portal's internal numeric id, not the code (domain.md). */
const PROCEDURE_DETAIL_LINK = /dvc-tthc-thu-tuc-hanh-chinh-chi-tiet\.html\?(?:.*&)?ma_thu_tuc=(\d+)/;

const selectors = {
  /** One table per dossier found (dvcqg-tra-cuu-ho-so.html). */
  dossierResult: 'table.ket-qua-ho-so',
  /** The procedure's information table (dvcqg-chi-tiet-thu-tuc.html). */
  procedureInfo: 'table.thong-tin-thu-tuc',
  procedureName: '.ten-thu-tuc',
  procedureDetailLink: 'a.xem-chi-tiet',
  labelledRow: 'tr',
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

const procedureLabels = { code: 'Mã thủ tục', sector: 'Lĩnh vực', agency: 'Cơ quan thực hiện', level: 'Mức độ' } as const;

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

function procedureFromPage(document: Document, table: Element, rejected: Rejected[]): Procedure | null {
  const field = fieldsOf(table);
  const code = field(procedureLabels.code);
  const detailHref = document.querySelector(selectors.procedureDetailLink)?.getAttribute('href') ?? '';
  return acceptProcedure(
    {
      code: code ? nationalProcedureCode(code) : null,
      localCode: code,
      portalId: PROCEDURE_DETAIL_LINK.exec(detailHref)?.[1] ?? null,
      site: 'dvcqg',
      name: readText(document.querySelector(selectors.procedureName)?.textContent ?? null),
      sector: field(procedureLabels.sector),
      agency: field(procedureLabels.agency),
      level: field(procedureLabels.level),
    },
    rejected,
  );
}

function parseDocument(document: Document, url: URL, options: ParseOptions): ParseResult {
  const result: ParseResult = { dossiers: [], procedures: [], rejected: [] };
  if (url.pathname === PROCEDURE_PAGE) {
    const table = document.querySelector(selectors.procedureInfo);
    const procedure = table ? procedureFromPage(document, table, result.rejected) : null;
    if (procedure) result.procedures.push(procedure);
    return result;
  }
  for (const table of document.querySelectorAll(selectors.dossierResult)) {
    const dossier = dossierFromTable(table, options, result.rejected);
    if (dossier) result.dossiers.push(dossier);
  }
  return result;
}

function findRows(root: ParentNode): PageRow[] {
  const dossierRows = [...root.querySelectorAll(selectors.dossierResult)].flatMap((element): PageRow[] => {
    const code = fieldsOf(element)(dossierLabels.code);
    return code ? [{ element, dossierCode: code }] : [];
  });
  const procedureRows = [...root.querySelectorAll(selectors.procedureInfo)].flatMap((element): PageRow[] => {
    const code = fieldsOf(element)(procedureLabels.code);
    return code ? [{ element, procedureCode: nationalProcedureCode(code) }] : [];
  });
  return [...dossierRows, ...procedureRows];
}

export const dvcqgAdapter: PortalAdapter = {
  site: 'dvcqg',
  matchesPage: (url) => url.pathname === LOOKUP_PAGE || url.pathname === PROCEDURE_PAGE,
  claimsResponse: responseClaims.dvcqg,
  parseResponse: () => ({ dossiers: [], procedures: [], rejected: [] }),
  parseDocument,
  findRows,
};
