// The capture path of one portal tab: takes the responses the MAIN-world observer hands over and
// the page's DOM when no response covered it, parses them with the portal's adapter, sends the
// records to the background in batches and reports what could not be read. The background is the
// gate: it checks every record against its schema, stores the good ones and counts the rest, so
// nothing is validated twice here.
import { adapters } from '../../shared/portal/index.ts';
import { shapeReport } from '../../shared/portal/shapeReport.ts';
import type { PageRow, ParseResult, PortalAdapter } from '../../shared/portal/types.ts';
import type { Dossier } from '../../shared/schemas/dossier.ts';
import { ask, dossierDates, type CaptureSettingsReply, type DossierDates } from '../messaging/messages.ts';
import { packRecords } from '../messaging/recordTable.ts';
import { captureNationalDbResponse } from './nationalDbCapture.ts';
import { reportListCoverage } from './listCoverage.ts';
import type { ObservedResponse } from './pageChannel.ts';
import type { ProblemReport } from './problemReport.ts';

/** Records per message: large enough to keep the per-message cost low, small enough to copy fast. */
const BATCH_SIZE = 2500;

/** What makes a DOM-read dossier worth sending again: a change the officer would care about. */
const domSignature = (d: Dossier) => `${d.code}|${d.status}|${d.appointmentAt}|${d.returnedAt}`;

export interface CapturePath {
  /** The dates of each dossier this tab captured or looked up, for its badge. */
  readonly known: Map<string, DossierDates>;
  /** False when the response could not be read (not JSON, the adapter threw): a failure the channel's rate cap counts. */
  fromResponse(message: ObservedResponse): boolean;
  fromDocument(adapter: PortalAdapter, page: URL): void;
  /** Whether the overlay must read the DOM: a row (or a page without rows) no response covered. */
  needsDom(rows: readonly PageRow[]): boolean;
  /** A new view (SPA navigation). */
  newView(): void;
  /**
   * Settles once every record sent so far is checked and queued for writing in the background: a
   * request sent after it (the period collector's progress) is served after they are stored.
   */
  queued(): Promise<unknown>;
}

/** `onCaptured`: the codes of the dossiers and procedures a response gave, for the overlay to draw again if it shows one. */
export function createCapturePath(settings: CaptureSettingsReply, problems: ProblemReport, onCaptured: (codes: readonly string[]) => void): CapturePath {
  const known = new Map<string, DossierDates>();
  /** Dossier codes and procedure codes a response told us about: their rows need no DOM reading. */
  const fromJson = new Set<string>();
  let jsonThisView = false;
  const sentFromDom = new Set<string>();
  let domRejected = 0;
  let sending: Promise<unknown> = Promise.resolve();
  const options = { keepPersonalData: settings.keepPersonalData };

  function send(site: Dossier['site'], dossiers: Dossier[], procedures: ParseResult['procedures']): void {
    for (let start = 0; start < Math.max(dossiers.length, procedures.length); start += BATCH_SIZE) {
      const batch = {
        type: 'capture.batch' as const,
        site,
        dossiers: packRecords(dossiers.slice(start, start + BATCH_SIZE)),
        procedures: packRecords(procedures.slice(start, start + BATCH_SIZE)),
      };
      // One after another: the background answers once a batch is checked and has its turn in the
      // write queue (not once stored), so the order the page saw is the order stored, and the next
      // batch is on its way while the one before is written.
      sending = sending
        .then(() => ask(batch))
        .then(({ rejected, reason }) => {
          if (rejected > 0) problems.add(site, rejected, reason ?? 'capture.reason.invalidRecord', true);
        })
        .catch((error: unknown) => console.warn('tthc-desk: capture not stored', error));
    }
  }

  function accept(site: Dossier['site'], result: ParseResult, unreadable: number): void {
    if (unreadable > 0) problems.add(site, unreadable, result.rejected[0]?.reason ?? 'capture.reason.invalidRecord');
    for (const dossier of result.dossiers) known.set(dossier.code, dossierDates(dossier));
    if (result.dossiers.length > 0 || result.procedures.length > 0) send(site, result.dossiers, result.procedures);
  }

  function fromResponse(message: ObservedResponse): boolean {
    if (message.status < 200 || message.status >= 300) return true;
    // The national TTHC database belongs to the national portal's side (site dvcqg) for problems.
    if (message.request) {
      captureNationalDbResponse(message.request, message.body, (count, reason) => problems.add('dvcqg', count, reason));
      return true;
    }
    const url = new URL(message.url);
    const reader = adapters.find((a) => a.claimsResponse(url));
    if (!reader) return true;
    let body = message.body;
    if (typeof body === 'string') {
      try {
        body = JSON.parse(body);
      } catch {
        problems.add(reader.site, 1, 'capture.reason.badJson');
        return false;
      }
    }
    let result: ParseResult;
    try {
      result = reader.parseResponse(url, body, options);
    } catch {
      problems.add(reader.site, 1, 'capture.reason.adapter');
      return false;
    }
    // A response of which nothing could be read is "not understood": its structure (no values) goes with the problem.
    const notUnderstood = result.rejected.length > 0 && result.dossiers.length === 0 && result.procedures.length === 0;
    if (notUnderstood) problems.add(reader.site, result.rejected.length, result.rejected[0]?.reason ?? 'capture.reason.invalidRecord', false, { shape: shapeReport(body) });
    for (const [field, count] of Object.entries(result.unreadFields ?? {})) problems.add(reader.site, count, 'portal.unreadField', false, { field });
    for (const dossier of result.dossiers) fromJson.add(dossier.code);
    for (const procedure of result.procedures) fromJson.add(`procedure|${procedure.code}`);
    jsonThisView = true;
    accept(reader.site, result, notUnderstood ? 0 : result.rejected.length);
    reportListCoverage(url, body, result.dossiers);
    onCaptured([...result.dossiers.map((d) => d.code), ...result.procedures.map((p) => p.code)]);
    return true;
  }

  /** The DOM fallback: rows whose dossier no response told us about (the national portal has only these). */
  function fromDocument(adapter: PortalAdapter, page: URL): void {
    let result: ParseResult;
    try {
      result = adapter.parseDocument(document, page, options);
    } catch {
      problems.add(adapter.site, 1, 'capture.reason.adapter');
      return;
    }
    // The DOM is read again at every settle: count only entries that were not unreadable before.
    const newlyRejected = Math.max(0, result.rejected.length - domRejected);
    domRejected = Math.max(domRejected, result.rejected.length);
    const dossiers = result.dossiers.filter((d) => !fromJson.has(d.code) && !sentFromDom.has(domSignature(d)));
    for (const dossier of dossiers) sentFromDom.add(domSignature(dossier));
    const procedures = result.procedures.filter((p) => !sentFromDom.has(`procedure|${p.code}|${p.name}`));
    for (const procedure of procedures) sentFromDom.add(`procedure|${procedure.code}|${procedure.name}`);
    accept(adapter.site, { ...result, dossiers, procedures }, newlyRejected);
  }

  function needsDom(rows: readonly PageRow[]): boolean {
    if (rows.length === 0) return !jsonThisView;
    return rows.some((row) => (row.dossierCode ? !fromJson.has(row.dossierCode) : row.procedureCode !== undefined && !fromJson.has(`procedure|${row.procedureCode}`)));
  }

  return {
    known,
    fromResponse,
    fromDocument,
    needsDom,
    newView() {
      domRejected = 0;
      jsonThisView = false;
      problems.newView();
    },
    queued: () => sending,
  };
}
