// tthc-desk parse FILE [--site igate|dvcqg] [--json] [--explain] [--today YYYY-MM-DD]: reads a saved
// portal page (HTML) or a saved API response (JSON) with the same adapters the extension uses and
// prints the records. Entries the adapter could not understand are counted on stderr, never hidden;
// --explain prints each rejection and each unread field; a file with nothing readable exits 2 with
// the first rejection reasons.
import { parseHTML } from 'linkedom';
import { dossierTimeliness, type Timeliness } from '../../shared/dossier/timeliness.ts';
import { timelinessMessage } from '../../shared/dossier/timelinessLabel.ts';
import { bilingual, t } from '../../shared/i18n/i18n.ts';
import { adapters, dvcqgAdapter, igateAdapter } from '../../shared/portal/index.ts';
import { asObject } from '../../shared/portal/read.ts';
import type { ParseResult, PortalAdapter } from '../../shared/portal/types.ts';
import type { Dossier } from '../../shared/schemas/dossier.ts';
import { siteSchema } from '../../shared/schemas/dossier.ts';
import { todayInVietnam, vietnamDateOf, type CalendarDate } from '../../shared/time/dates.ts';
import { parseFlags } from '../args.ts';
import { UsageError, usageErrorFromText } from '../errors.ts';
import { dateFlag, parseJson, readInputFile } from '../input.ts';
import type { CommandIO } from '../main.ts';
import { renderTable } from '../table.ts';
import { printNationalDb, readNationalDb } from './parseNationalDb.ts';

/** A saved response carries no URL: its shape says which API it answered (paths as in igate.ts). */
const API_BASE = 'https://igate.invalid';
/** How many rejection reasons a file with nothing readable names. */
const FIRST_REASONS = 3;
const PAGE_BASE = { igate: 'https://igate.invalid', dvcqg: 'https://dvcqg.invalid' } as const;

/** Chrome's "Save page as" writes `<!-- saved from url=(0055)https://... -->`: the real URL when present. */
const SAVED_FROM = /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i;

function looksLikeHtml(text: string): boolean {
  return /^\s*(<!doctype html|<html|<!--|<[a-z][\w-]*[\s>])/i.test(text);
}

/** Which iGate API a saved JSON body answered: a dossier page, a procedure page, or one procedure. */
function apiUrlOf(body: unknown): URL {
  const object = asObject(body);
  if (object && Array.isArray(object.content)) {
    const first = asObject(object.content.find((entry) => asObject(entry) !== null));
    const isProcedureList = first !== null && !('dossierStatus' in first) && !('procedure' in first) && ('sector' in first || 'translate' in first);
    return new URL(isProcedureList ? '/ba/procedure/search' : '/pa/dossier/search', API_BASE);
  }
  if (object && 'code' in object && !('dossierStatus' in object) && ('sector' in object || 'translate' in object)) return new URL('/ba/procedure/saved', API_BASE);
  // One dossier (/pa/dossier/{id}): a code with a procedure, a status or an appointment.
  if (object && 'code' in object && ['procedure', 'dossierStatus', 'statusCurrentTask', 'dossierTaskStatus', 'appointmentDate'].some((key) => key in object)) {
    return new URL('/pa/dossier/saved', API_BASE);
  }
  // Any other shape goes to the dossier search reader, which reports it as not understood.
  return new URL('/pa/dossier/search', API_BASE);
}

function siteOfPage(document: Document): PortalAdapter | null {
  if (document.querySelector('table.ket-qua-ho-so, h1.main-title, #popupChitietTTHC')) return dvcqgAdapter;
  if (document.querySelector('table.mat-table, mat-table, app-root, .procedure-detail')) return igateAdapter;
  return null;
}

/** The page's URL: the saved one, else the path of the page kind the document shows. */
function pageUrlOf(text: string, document: Document, adapter: PortalAdapter): URL {
  const saved = SAVED_FROM.exec(text)?.[1];
  if (saved && URL.canParse(saved) && adapter.matchesPage(new URL(saved))) return new URL(saved);
  if (adapter === dvcqgAdapter) {
    // A procedure page keeps its code only in its URL: without "saved from", only the detail popup names it.
    const path = document.querySelector('#popupChitietTTHC') ? '/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html' : '/p/home/dvc-tra-cuu-ho-so.html';
    return new URL(path, PAGE_BASE.dvcqg);
  }
  return new URL(document.querySelector('.procedure-detail') ? '/vi/procedure/detail/' : '/vi/dossier/search', PAGE_BASE.igate);
}

export function parseFile(file: string, text: string, site: PortalAdapter | null): ParseResult {
  if (looksLikeHtml(text)) {
    const { document } = parseHTML(text);
    const page = document as unknown as Document;
    const detected = siteOfPage(page);
    if (!detected) throw new UsageError(site ? 'parse.nothingRecognised' : 'parse.unknownSite', { file });
    const adapter = site ?? detected;
    return adapter.parseDocument(page, pageUrlOf(text, page, adapter), { keepPersonalData: false });
  }
  if (!/^\s*[[{]/.test(text)) throw new UsageError('parse.notJsonOrHtml', { file });
  const body = parseJson(file, text);
  // Only the provincial system answers in JSON; the national portal's pages are HTML.
  if (site === dvcqgAdapter) throw new UsageError('parse.nothingRecognised', { file });
  return igateAdapter.parseResponse(apiUrlOf(body), body, { keepPersonalData: false });
}

function timelinessText(timeliness: Timeliness): string {
  const { key, params } = timelinessMessage(timeliness);
  return bilingual(key, params);
}

function dossierOutput(dossier: Dossier, today: CalendarDate) {
  return { ...dossier, timeliness: dossierTimeliness(dossier, { today }) };
}

function printTables(result: ParseResult, today: CalendarDate, io: CommandIO): void {
  const blocks: string[] = [];
  if (result.dossiers.length) {
    const header = ['code', 'procedure', 'status', 'appointment', 'timeliness'].map((c) => bilingual(`parse.column.${c}`));
    const rows = result.dossiers.map((d) => [
      d.code,
      d.procedureCode ?? '',
      d.status ?? '',
      d.appointmentAt ? vietnamDateOf(d.appointmentAt) : '',
      timelinessText(dossierTimeliness(d, { today })),
    ]);
    blocks.push(renderTable(header, rows));
  }
  if (result.procedures.length) {
    const header = ['code', 'name', 'agency'].map((c) => bilingual(`parse.column.${c}`));
    blocks.push(renderTable(header, result.procedures.map((p) => [p.code, p.name, p.agency ?? ''])));
  }
  io.stdout(blocks.join('\n\n'));
}

/** One line per language, each naming the distinct reasons in that language. */
function rejectedSummary(result: ParseResult): string {
  const line = (locale: 'vi' | 'en') => {
    const reasons = [...new Set(result.rejected.map((r) => t(r.reason, {}, locale)))].join('; ');
    return t('parse.rejectedSummary', { count: result.rejected.length, reasons }, locale);
  };
  return `${line('vi')} / ${line('en')}`;
}

/** The first rejections, each with its detail (codes and field names only: samples hold no personal data). */
function firstRejections(result: ParseResult, locale: 'vi' | 'en'): string {
  return result.rejected
    .slice(0, FIRST_REASONS)
    .map((r) => (r.sample ? `${t(r.reason, {}, locale)} (${r.sample})` : t(r.reason, {}, locale)))
    .join('; ');
}

/** Why entries were rejected, one per line, field by field, then the fields left empty. */
function explanation(result: ParseResult): string {
  const lines: string[] = [];
  for (const rejection of result.rejected) {
    lines.push(bilingual('parse.explain.rejected', { reason: bilingual(rejection.reason) }));
    for (const detail of (rejection.sample ?? '').split('; ').filter(Boolean)) lines.push(t('parse.explain.detail', { sample: detail }, 'en'));
  }
  for (const [field, count] of Object.entries(result.unreadFields ?? {})) lines.push(bilingual('parse.explain.unreadField', { field, count }));
  return lines.length > 0 ? lines.join('\n') : bilingual('parse.explain.none');
}

function siteFlag(value: string | boolean | undefined): PortalAdapter | null {
  if (typeof value !== 'string') return null;
  const site = siteSchema.safeParse(value);
  if (!site.success) throw new UsageError('parse.badSite', { site: value });
  return adapters.find((a) => a.site === site.data) ?? null;
}

export async function run(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseFlags('parse', argv, {
    site: { type: 'string' }, json: { type: 'boolean' }, explain: { type: 'boolean' }, today: { type: 'string' },
    // The national TTHC database's responses (parseNationalDb.ts).
    service: { type: 'string' }, decision: { type: 'string' },
  }, 1);
  const file = positionals[0];
  if (file === undefined) throw new UsageError('input.missingFile', { command: 'parse' });
  const site = siteFlag(values.site);
  const today = typeof values.today === 'string' ? dateFlag(values.today) : todayInVietnam();
  const text = await readInputFile(file);
  const national = /^\s*\[/.test(text) || values.service !== undefined ? readNationalDb(parseJson(file, text), values.service as string | undefined, values.decision as string | undefined) : null;
  if (national) {
    if (national.decisions.length + national.listed.length === 0 && national.rejected.length > 0) throw new UsageError('parse.nothingRecognised', { file });
    if (national.rejected.length > 0) io.stderr(rejectedSummary({ dossiers: [], procedures: [], rejected: national.rejected }));
    printNationalDb(national, values.json === true, io);
    return 0;
  }
  const result = parseFile(file, text, site);
  const found = result.dossiers.length + result.procedures.length;
  if (found === 0 && result.rejected.length > 0) {
    throw usageErrorFromText(`${t('parse.notUnderstood', { file, reasons: firstRejections(result, 'vi') }, 'vi')} / ${t('parse.notUnderstood', { file, reasons: firstRejections(result, 'en') }, 'en')}`);
  }
  if (result.rejected.length > 0) {
    io.stderr(rejectedSummary(result));
  }
  if (values.explain) {
    io.stdout(explanation(result));
  } else if (values.json) {
    io.stdout(JSON.stringify([...result.dossiers.map((d) => dossierOutput(d, today)), ...result.procedures], null, 2));
  } else if (found === 0) {
    io.stdout(bilingual('parse.none'));
  } else {
    printTables(result, today, io);
  }
  return 0;
}
