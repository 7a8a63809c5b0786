// `tthc-desk parse` on a saved response of the national TTHC database (POST /jsp/rest.jsp): the
// decision list is recognised by its keys; a decision's procedure lists look alike, so their
// service is named with `--service NAME` (and their decision with `--decision ID`, optional).
import { bilingual } from '../../shared/i18n/i18n.ts';
import { looksLikeDecisionList, parseNationalDbResponse, type NationalDbResult } from '../../shared/portal/nationalDb.ts';
import { nationalDbServices, type NationalDbService } from '../../shared/portal/nationalDbClaims.ts';
import { UsageError } from '../errors.ts';
import type { CommandIO } from '../main.ts';
import { renderTable } from '../table.ts';

const services = Object.values(nationalDbServices) as string[];

/** Rows of a decision's new, amended or repealed procedures: the same keys for all three. */
function looksLikeProcedureList(body: unknown): boolean {
  const first: unknown = Array.isArray(body) ? body[0] : null;
  return typeof first === 'object' && first !== null && 'PROCEDURE_NAME' in first;
}

/** The national database's reading of a saved body, or null when the body is not one of its responses. */
export function readNationalDb(body: unknown, service: string | undefined, decision: string | undefined): NationalDbResult | null {
  if (service !== undefined && !services.includes(service)) throw new UsageError('parse.badService', { service, services: services.join(', ') });
  if (service === undefined && looksLikeProcedureList(body)) throw new UsageError('parse.needsService', { services: services.slice(1).join(', ') });
  if (service === undefined && !looksLikeDecisionList(body)) return null;
  return parseNationalDbResponse({ service: (service ?? nationalDbServices.decisionList) as NationalDbService, id: decision ?? null }, body);
}

export function printNationalDb(result: NationalDbResult, json: boolean, io: CommandIO): void {
  const listed = result.listed.map((row) => ({ decisionId: result.decisionId, ...row }));
  if (json) {
    io.stdout(JSON.stringify(result.decisions.length > 0 ? result.decisions : listed, null, 2));
    return;
  }
  if (result.decisions.length > 0) {
    const header = ['number', 'date', 'agency', 'name'].map((c) => bilingual(`parse.column.${c}`));
    io.stdout(renderTable(header, result.decisions.map((d) => [d.number, d.publishedOn, d.agency ?? '', d.title])));
    return;
  }
  const header = ['code', 'name', 'change'].map((c) => bilingual(`parse.column.${c}`));
  io.stdout(renderTable(header, listed.map((row) => [row.nationalId, row.name ?? '', bilingual(`nationalDb.change.${row.change}`)])));
}
