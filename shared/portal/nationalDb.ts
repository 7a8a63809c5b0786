// The national TTHC database (thutuc.dichvucong.gov.vn): its `POST /jsp/rest.jsp` responses, told
// apart by the request's service (nationalDbClaims.ts). The decision list gives each publication
// decision's number and date; the per-decision services list the procedures it publishes, amends
// or repeals, by the database's internal procedure id. Field names are the real ones
// (fixtures/dvcqg-quyet-dinh-cong-bo-list.json, fixtures/dvcqg-decision-115010-modified-procedures.json).
import { decisionProcedureSchema, decisionSchema, type Decision, type DecisionChange, type DecisionProcedure } from '../schemas/decision.ts';
import { nationalDbServices, type NationalDbRequest, type NationalDbService } from './nationalDbClaims.ts';
import { asObject, issuesOf, readText, rejectionReasons, type JsonObject } from './read.ts';
import type { Rejected } from './types.ts';

/** A procedure row of a per-decision service; the decision it belongs to is the request's `id`. */
export type ListedProcedure = Omit<DecisionProcedure, 'decisionId'>;

export interface NationalDbResult {
  decisions: Decision[];
  /** The decision the listed procedures belong to (the request's `id`), null when the request did not say. */
  decisionId: string | null;
  listed: ListedProcedure[];
  rejected: Rejected[];
}

export const nationalDbRejections = {
  invalidDecision: 'nationalDb.rejected.invalidDecision',
  invalidProcedure: 'nationalDb.rejected.invalidProcedure',
  noDecision: 'nationalDb.rejected.noDecision',
} as const;

const changeOf: Record<Exclude<NationalDbService, typeof nationalDbServices.decisionList>, DecisionChange> = {
  [nationalDbServices.newProcedures]: 'new',
  [nationalDbServices.amendedProcedures]: 'amended',
  [nationalDbServices.repealedProcedures]: 'repealed',
};

/** "03-12-2025" (DD-MM-YYYY, as PUBLISHING_DATE and the decision page write it) → "2025-12-03". */
export function readDecisionDate(raw: unknown): string | null {
  const match = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(readText(raw) ?? '');
  return match ? `${match[3]}-${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}` : null;
}

/** The number as issued: some rows carry a stray trailing dot ("2193/QĐ-UBND."). */
export function readDecisionNumber(raw: unknown): string | null {
  return readText(raw)?.replace(/\.+$/, '').trim() || null;
}

function decisionOf(row: JsonObject, rejected: Rejected[]): Decision | null {
  const candidate = {
    id: readText(row.ID),
    number: readDecisionNumber(row.CODE),
    title: readText(row.NAME) ?? '',
    publishedOn: readDecisionDate(row.PUBLISHING_DATE),
    agency: readText(row.AGENCY_NAME),
    agencyId: readText(row.AGENCY_ID),
  };
  const parsed = decisionSchema.safeParse(candidate);
  if (parsed.success) return parsed.data;
  rejected.push({ reason: nationalDbRejections.invalidDecision, sample: `${candidate.id ?? '?'}: ${issuesOf(parsed.error)}`.slice(0, 200) });
  return null;
}

function listedOf(row: JsonObject, change: DecisionChange, rejected: Rejected[]): ListedProcedure | null {
  const candidate = { nationalId: readText(row.ID), change, name: readText(row.PROCEDURE_NAME), agency: readText(row.PUBLISHED_AGENCY) };
  const parsed = decisionProcedureSchema.omit({ decisionId: true }).safeParse(candidate);
  if (parsed.success) return parsed.data;
  rejected.push({ reason: nationalDbRejections.invalidProcedure, sample: `${candidate.nationalId ?? '?'}: ${issuesOf(parsed.error)}`.slice(0, 200) });
  return null;
}

/** Both kinds of response are a bare array of rows (an empty one when nothing matched). */
export function parseNationalDbResponse(request: NationalDbRequest, body: unknown): NationalDbResult {
  const result: NationalDbResult = { decisions: [], decisionId: request.id, listed: [], rejected: [] };
  if (!Array.isArray(body)) {
    result.rejected.push({ reason: rejectionReasons.responseShape, sample: `${request.service}: ${typeof body}` });
    return result;
  }
  for (const entry of body) {
    const row = asObject(entry);
    if (!row) {
      result.rejected.push({ reason: rejectionReasons.notAnObject });
      continue;
    }
    if (request.service === nationalDbServices.decisionList) {
      const decision = decisionOf(row, result.rejected);
      if (decision) result.decisions.push(decision);
    } else {
      const listed = listedOf(row, changeOf[request.service], result.rejected);
      if (listed) result.listed.push(listed);
    }
  }
  return result;
}

/** A saved decision list is recognisable by its keys; the per-decision lists all look alike (their service must be named). */
export function looksLikeDecisionList(body: unknown): boolean {
  const first = Array.isArray(body) ? asObject(body[0]) : null;
  return first !== null && 'CODE' in first && 'PUBLISHING_DATE' in first;
}

/** The listed procedures as stored rows, once the decision they belong to is known. */
export function decisionProceduresOf(result: Pick<NationalDbResult, 'decisionId' | 'listed'>): DecisionProcedure[] {
  const { decisionId } = result;
  return decisionId === null ? [] : result.listed.map((row) => ({ ...row, decisionId }));
}
