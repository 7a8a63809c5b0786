// What every portal adapter offers. Adapters are pure: given a URL, a JSON body or a Document,
// they return records; the extension decides which hosts are portals (settings), adapters only
// recognise the page and response shapes.
import type { Dossier, Site } from '../schemas/dossier.ts';
import type { Procedure } from '../schemas/procedure.ts';

export interface ParseOptions {
  /** Keep applicant names, ID numbers and addresses. Off unless the unit turns it on. */
  keepPersonalData: boolean;
}

/** An entry the adapter saw but could not understand: counted and shown, never dropped silently. */
export interface Rejected {
  reason: string;
  /** A short excerpt (no personal data) to help a developer see what changed on the portal. */
  sample?: string;
}

export interface ParseResult {
  dossiers: Dossier[];
  procedures: Procedure[];
  rejected: Rejected[];
  /**
   * Kept records with a field the portal sent but the adapter could not read (now null), counted
   * per field name: the record is kept, the problem is shown, nothing is silently lost.
   */
  unreadFields?: Record<string, number>;
}

/** A table row on the page that a badge belongs to. */
export interface PageRow {
  element: Element;
  dossierCode?: string;
  procedureCode?: string;
}

export interface PortalAdapter {
  site: Site;
  /** The page is one of this portal's pages we overlay. */
  matchesPage(url: URL): boolean;
  /** A fetch/XHR response the adapter can read (the MAIN-world observer hands over only these). */
  claimsResponse(url: URL): boolean;
  parseResponse(url: URL, body: unknown, options: ParseOptions): ParseResult;
  /** DOM fallback and the national portal's only source. */
  parseDocument(document: Document, url: URL, options: ParseOptions): ParseResult;
  /** The rows of the page's result tables, for badges; `url` is the page's (a national procedure page keeps its code only there). */
  findRows(root: ParentNode, url?: URL): PageRow[];
}
