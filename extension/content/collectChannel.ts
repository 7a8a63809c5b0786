// The period collector's channel between the isolated content script (which drives a collection)
// and the MAIN-world script (which alone knows the page's own search request, headers included,
// and repeats it). Both sides treat what arrives as untrusted: the page can post on it too, but
// it can only ask for requests it could send itself, and its forged answers are portal data.
export const COLLECT_CHANNEL = 'tthc-desk/collect/v1';

/** MAIN → isolated: the page sent a dossier search; the headers stay in the page's world. */
export interface TemplateSeen {
  channel: typeof COLLECT_CHANNEL;
  kind: 'template';
  url: string;
  /** The largest page size the page itself has asked for. */
  largestSize: number;
}

/** isolated → MAIN: send one page of the collection. */
export interface FetchCommand {
  channel: typeof COLLECT_CHANNEL;
  kind: 'fetch';
  id: number;
  /** The search the collection runs (collectPlan.templateSearch): refused when the page's differs. */
  search: string;
  page: number;
  size: number;
  from: string;
  to: string;
}

/** MAIN → isolated: what the portal answered (its bytes, transferred); status 0 when nothing came back. */
export interface FetchAnswer {
  channel: typeof COLLECT_CHANNEL;
  kind: 'answer';
  id: number;
  url: string;
  status: number;
  body: ArrayBuffer | null;
}
