// A response of the national TTHC database, handed over with the service its request named: read
// with shared/portal/nationalDb.ts and sent to the background as publication decisions. What cannot
// be read is reported like any capture problem, never dropped silently.
import { decisionProceduresOf, nationalDbRejections, parseNationalDbResponse } from '../../shared/portal/nationalDb.ts';
import type { NationalDbRequest } from '../../shared/portal/nationalDbClaims.ts';
import { ask } from '../messaging/messages.ts';

export type ReportProblem = (count: number, reasonKey: string) => void;

export function captureNationalDbResponse(request: NationalDbRequest, body: unknown, report: ReportProblem): void {
  let parsedBody = body;
  if (typeof body === 'string') {
    try {
      parsedBody = JSON.parse(body);
    } catch {
      report(1, 'capture.reason.badJson');
      return;
    }
  }
  const result = parseNationalDbResponse(request, parsedBody);
  if (result.rejected.length > 0) report(result.rejected.length, result.rejected[0]!.reason);
  const decisionProcedures = decisionProceduresOf(result);
  if (result.listed.length > 0 && decisionProcedures.length === 0) report(result.listed.length, nationalDbRejections.noDecision);
  if (result.decisions.length === 0 && decisionProcedures.length === 0) return;
  void ask({ type: 'capture.decisions', decisions: result.decisions, decisionProcedures }).catch((error: unknown) => console.warn('tthc-desk: decisions not stored', error));
}
