// The overlay loop of one portal tab: once the page settles after Angular re-renders a table, pages
// through results or navigates, it finds the rows, draws their badges and the summary chip, and
// looks up in the background what this tab has not captured itself. Reading the DOM for capture is
// the capture path's job; the loop only tells it when a row was not covered by a response.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { adapterForPage } from '../../shared/portal/index.ts';
import type { PageRow, PortalAdapter } from '../../shared/portal/types.ts';
import { todayInVietnam } from '../../shared/time/dates.ts';
import { vietnamCalendar } from '../../shared/calendar/calendar.ts';
import { ask, type CaptureSettingsReply, type PublicationSummary } from '../messaging/messages.ts';
import { removeBadges } from '../overlay/badgeHost.ts';
import { drawDossierBadges } from '../overlay/dossierBadges.ts';
import { drawProcedureBadges } from '../overlay/procedureBadges.ts';
import type { SummaryChip } from '../overlay/summaryChip.ts';
import type { CapturePath } from './capturePath.ts';

/** Angular renders a table in several mutations; one look after it settles. */
const SETTLE_MS = 80;
/** Each overlay pass leaves a User Timing measure; bench/capture.bench.ts reads it by this name. */
const OVERLAY_MEASURE = 'tthc-desk:overlay';

export interface OverlayLoop {
  settleSoon(): void;
  /**
   * Records of these codes were captured: the badges are drawn again when one of them is on the
   * page. A period collection captures a page of other dossiers every fraction of a second; drawing
   * a 1,000-row table again after each would hold the tab's main thread for nothing.
   */
  onCaptured(codes: readonly string[]): void;
  onNavigation(href: string): void;
  /** The adapter of the page as the loop last saw it; null on a page no adapter overlays. */
  adapter(): PortalAdapter | null;
}

export function startOverlayLoop(ctx: ContentScriptContext, settings: CaptureSettingsReply, chip: SummaryChip, capture: CapturePath): OverlayLoop {
  const publications = new Map<string, PublicationSummary | null>();
  const askedDossiers = new Set<string>();
  let page = new URL(location.href);
  let adapter: PortalAdapter | null = adapterForPage(page);
  let settleTimer: number | undefined;
  /** The dossier and procedure codes of the rows the last look found. */
  let shownCodes = new Set<string>();

  function lookUp(dossierCodes: string[], procedureCodes: string[]): void {
    const codes = dossierCodes.filter((code) => !askedDossiers.has(code));
    for (const code of codes) askedDossiers.add(code);
    if (codes.length > 0) {
      void ask({ type: 'dossiers.lookup', codes })
        .then((found) => {
          for (const dates of found) capture.known.set(dates.code, dates);
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

  function draw(rows: readonly PageRow[]): void {
    const tally = drawDossierBadges(rows, (code) => capture.known.get(code), { today: todayInVietnam(), dueSoonWorkingDays: settings.dueSoonWorkingDays, phaseStatusNames: settings.phaseStatusNames });
    const unknownProcedures = drawProcedureBadges(rows, (code) => publications.get(code));
    if (rows.some((row) => row.dossierCode)) chip.show(tally);
    else chip.hide();
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
      const rows = current.findRows(document, page);
      const findTime = performance.now() - findStart;
      shownCodes = new Set(rows.flatMap((row) => [row.dossierCode, row.procedureCode].filter((code): code is string => code !== undefined)));
      if (capture.needsDom(rows)) capture.fromDocument(current, page);
      const drawStart = performance.now();
      draw(rows);
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
    capture.newView();
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

  return {
    settleSoon,
    onCaptured(codes) {
      if (codes.some((code) => shownCodes.has(code))) settleSoon();
    },
    onNavigation,
    adapter: () => adapter,
  };
}
