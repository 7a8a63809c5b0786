// One portal tab: takes the responses the MAIN-world observer hands over, parses them with the
// page's adapter (JSON first, the DOM as fallback), validates every record, sends the good ones to
// the background in batches, counts and shows the bad ones, and keeps the overlay in step with the
// page as Angular re-renders tables, pages through results and navigates.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { adapterForPage, adapters } from '../../shared/portal/index.ts';
import { shapeReport } from '../../shared/portal/shapeReport.ts';
import type { PageRow, ParseResult, PortalAdapter } from '../../shared/portal/types.ts';
import { dossierSchema, type Dossier } from '../../shared/schemas/dossier.ts';
import { procedureSchema, type Procedure } from '../../shared/schemas/procedure.ts';
import { todayInVietnam } from '../../shared/time/dates.ts';
import { vietnamCalendar } from '../../shared/calendar/calendar.ts';
import { ask, dossierDates, type CaptureSettingsReply, type DossierDates, type PublicationSummary } from '../messaging/messages.ts';
import { removeBadges } from '../overlay/badgeHost.ts';
import { drawDossierBadges } from '../overlay/dossierBadges.ts';
import { drawProcedureBadges } from '../overlay/procedureBadges.ts';
import type { NotUnderstoodNotice } from '../overlay/notUnderstood.ts';
import type { SummaryChip } from '../overlay/summaryChip.ts';
import type { ObservedResponse } from './pageChannel.ts';

/** Records per message: large enough to keep the per-message cost low, small enough to clone fast. */
const BATCH_SIZE = 2500;
/** Angular renders a table in several mutations; one look after it settles. */
const SETTLE_MS = 80;
/** Each overlay pass leaves a User Timing measure; bench/capture.bench.ts reads it by this name. */
const OVERLAY_MEASURE = 'tthc-desk:overlay';

export interface PageOverlay {
  chip: SummaryChip;
  notice: NotUnderstoodNotice;
}

interface Accepted {
  dossiers: Dossier[];
  procedures: Procedure[];
  invalid: number;
  reason: string | null;
}

function validate(result: ParseResult): Accepted {
  const accepted: Accepted = { dossiers: [], procedures: [], invalid: result.rejected.length, reason: result.rejected[0]?.reason ?? null };
  for (const candidate of result.dossiers) {
    const parsed = dossierSchema.safeParse(candidate);
    if (parsed.success) accepted.dossiers.push(parsed.data);
    else {
      accepted.invalid += 1;
      accepted.reason ??= 'capture.reason.invalidRecord';
    }
  }
  for (const candidate of result.procedures) {
    const parsed = procedureSchema.safeParse(candidate);
    if (parsed.success) accepted.procedures.push(parsed.data);
    else {
      accepted.invalid += 1;
      accepted.reason ??= 'capture.reason.invalidRecord';
    }
  }
  return accepted;
}

/** What makes a DOM-read dossier worth sending again: a change the officer would care about. */
const domSignature = (d: Dossier) => `${d.code}|${d.status}|${d.appointmentAt}|${d.returnedAt}`;

export function startPageSession(ctx: ContentScriptContext, settings: CaptureSettingsReply, overlay: PageOverlay) {
  const known = new Map<string, DossierDates>();
  /** Dossier codes and procedure codes a response told us about: their rows need no DOM reading. */
  const fromJson = new Set<string>();
  let jsonThisView = false;
  const sentFromDom = new Set<string>();
  const publications = new Map<string, PublicationSummary | null>();
  const askedDossiers = new Set<string>();
  let page = new URL(location.href);
  let adapter: PortalAdapter | null = adapterForPage(page);
  let problems = 0;
  let domRejected = 0;
  let sending: Promise<unknown> = Promise.resolve();
  let settleTimer: number | undefined;

  function send(site: Dossier['site'], dossiers: Dossier[], procedures: Procedure[]): void {
    for (let start = 0; start < Math.max(dossiers.length, procedures.length); start += BATCH_SIZE) {
      const batch = {
        type: 'capture.batch' as const,
        site,
        dossiers: dossiers.slice(start, start + BATCH_SIZE),
        procedures: procedures.slice(start, start + BATCH_SIZE),
      };
      sending = sending.then(() => ask(batch)).catch((error: unknown) => console.warn('tthc-desk: capture not stored', error));
    }
  }

  function report(site: Dossier['site'], count: number, reasonKey: string, shape?: string): void {
    problems += count;
    overlay.notice.show(problems, reasonKey);
    // The catalog key, not the text: the side panel shows it in the officer's language.
    void ask({ type: 'capture.problem', site, reason: reasonKey, count, ...(shape ? { shape } : {}) }).catch(() => undefined);
  }

  /** Fields kept records could not have read: listed in the panel, no notice (every record was kept). */
  function reportUnreadFields(site: Dossier['site'], result: ParseResult): void {
    for (const [field, count] of Object.entries(result.unreadFields ?? {})) {
      void ask({ type: 'capture.problem', site, reason: 'portal.unreadField', count, field }).catch(() => undefined);
    }
  }

  function accept(site: Dossier['site'], accepted: Accepted): void {
    if (accepted.invalid > 0) report(site, accepted.invalid, accepted.reason ?? 'capture.reason.invalidRecord');
    for (const dossier of accepted.dossiers) known.set(dossier.code, dossierDates(dossier));
    if (accepted.dossiers.length > 0 || accepted.procedures.length > 0) send(site, accepted.dossiers, accepted.procedures);
  }

  function onResponse(message: ObservedResponse): void {
    if (message.status < 200 || message.status >= 300) return;
    const url = new URL(message.url);
    const reader = adapter?.claimsResponse(url) ? adapter : adapters.find((a) => a.claimsResponse(url));
    if (!reader) return;
    let body = message.body;
    if (typeof body === 'string') {
      try {
        body = JSON.parse(body);
      } catch {
        report(reader.site, 1, 'capture.reason.badJson');
        return;
      }
    }
    let result: ParseResult;
    try {
      result = reader.parseResponse(url, body, { keepPersonalData: settings.keepPersonalData });
    } catch {
      report(reader.site, 1, 'capture.reason.adapter');
      return;
    }
    const accepted = validate(result);
    // A response of which nothing was kept is "not understood": its structure (no values) goes with the problem.
    if (accepted.invalid > 0 && accepted.dossiers.length === 0 && accepted.procedures.length === 0) {
      report(reader.site, accepted.invalid, accepted.reason ?? 'capture.reason.invalidRecord', shapeReport(body));
      accepted.invalid = 0;
    }
    reportUnreadFields(reader.site, result);
    for (const dossier of accepted.dossiers) fromJson.add(dossier.code);
    for (const procedure of accepted.procedures) fromJson.add(`procedure|${procedure.code}`);
    jsonThisView = true;
    accept(reader.site, accepted);
    settleSoon();
  }

  /** The DOM fallback: rows whose dossier no response told us about (the national portal has only these). */
  function captureFromDom(current: PortalAdapter): void {
    let result: ParseResult;
    try {
      result = current.parseDocument(document, page, { keepPersonalData: settings.keepPersonalData });
    } catch {
      report(current.site, 1, 'capture.reason.adapter');
      return;
    }
    const accepted = validate(result);
    const newlyRejected = accepted.invalid - domRejected;
    domRejected = Math.max(domRejected, accepted.invalid);
    accepted.invalid = Math.max(0, newlyRejected);
    accepted.dossiers = accepted.dossiers.filter((d) => !fromJson.has(d.code) && !sentFromDom.has(domSignature(d)));
    for (const dossier of accepted.dossiers) sentFromDom.add(domSignature(dossier));
    accepted.procedures = accepted.procedures.filter((p) => !sentFromDom.has(`procedure|${p.code}|${p.name}`));
    for (const procedure of accepted.procedures) sentFromDom.add(`procedure|${procedure.code}|${procedure.name}`);
    accept(current.site, accepted);
  }

  function lookUp(dossierCodes: string[], procedureCodes: string[]): void {
    const codes = dossierCodes.filter((code) => !askedDossiers.has(code));
    for (const code of codes) askedDossiers.add(code);
    if (codes.length > 0) {
      void ask({ type: 'dossiers.lookup', codes })
        .then((found) => {
          for (const dates of found) known.set(dates.code, dates);
          if (found.length > 0) settleSoon();
        })
        .catch(() => undefined);
    }
    const procedures = procedureCodes.filter((code) => !publications.has(code));
    for (const code of procedures) publications.set(code, null);
    if (procedures.length > 0) {
      void ask({ type: 'publications.lookup', codes: procedures })
        .then((found) => {
          for (const summary of found) publications.set(summary.procedureCode, summary);
          if (found.length > 0) settleSoon();
        })
        .catch(() => undefined);
    }
  }

  /** Read the DOM only when a row (or a page without rows) has not been covered by a response. */
  function needsDom(rows: readonly PageRow[]): boolean {
    if (rows.length === 0) return !jsonThisView;
    return rows.some((row) => (row.dossierCode ? !fromJson.has(row.dossierCode) : row.procedureCode !== undefined && !fromJson.has(`procedure|${row.procedureCode}`)));
  }

  function drawOverlay(rows: readonly PageRow[]): void {
    const tally = drawDossierBadges(rows, (code) => known.get(code), { today: todayInVietnam(), dueSoonWorkingDays: settings.dueSoonWorkingDays, phaseStatusNames: settings.phaseStatusNames });
    const unknownProcedures = drawProcedureBadges(rows, (code) => publications.get(code));
    if (rows.some((row) => row.dossierCode)) overlay.chip.show(tally);
    else overlay.chip.hide();
    lookUp(tally.unknownCodes, unknownProcedures);
  }

  const observer = new MutationObserver(() => settleSoon());
  function observe(): void {
    observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  }

  function settle(): void {
    const current = adapter;
    if (!current || !document.body) return;
    // Our own badges are mutations too: stop listening while we draw them.
    observer.disconnect();
    try {
      const findStart = performance.now();
      const rows = current.findRows(document);
      const findTime = performance.now() - findStart;
      if (needsDom(rows)) captureFromDom(current);
      const drawStart = performance.now();
      drawOverlay(rows);
      // The overlay's own main-thread time (finding rows, drawing badges), without the DOM capture.
      performance.measure(OVERLAY_MEASURE, { start: findStart, duration: findTime + performance.now() - drawStart, detail: { rows: rows.length } });
    } finally {
      observer.takeRecords();
      observe();
    }
  }

  function settleSoon(): void {
    clearTimeout(settleTimer);
    settleTimer = ctx.setTimeout(settle, SETTLE_MS);
  }

  function onNavigation(href: string): void {
    const next = new URL(href);
    if (next.pathname === page.pathname && next.search === page.search) return;
    page = next;
    adapter = adapterForPage(page);
    problems = 0;
    domRejected = 0;
    jsonThisView = false;
    overlay.notice.hide();
    settleSoon();
  }

  observe();
  ctx.onInvalidated(() => {
    observer.disconnect();
    removeBadges(document);
  });
  // The working-day calendar builds its index on first use (tens of milliseconds): build it now,
  // while the portal is still fetching its data, rather than inside the first drawing of badges.
  vietnamCalendar.isWorkingDay(todayInVietnam());
  ctx.addEventListener(window, 'popstate', () => onNavigation(location.href));
  settleSoon();

  return { onResponse, onNavigation };
}
