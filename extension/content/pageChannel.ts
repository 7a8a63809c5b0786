// The private channel between the MAIN-world observer and the isolated content script. Both run
// in the portal's window, so the page can read and forge these messages: the isolated side
// validates every one (channelGate.ts) and treats the body as untrusted portal data.
import type { NationalDbRequest } from '../../shared/portal/nationalDbClaims.ts';
export const PAGE_CHANNEL = 'tthc-desk/capture/v1';

export interface ObservedResponse {
  channel: typeof PAGE_CHANNEL;
  kind: 'response';
  url: string;
  status: number;
  /** Response text, or the already-parsed value of an XHR with responseType "json". */
  body: unknown;
  /** For a response claimed by its request body (the national TTHC database), what the request asked. */
  request?: NationalDbRequest;
}

export interface ObservedNavigation {
  channel: typeof PAGE_CHANNEL;
  kind: 'navigation';
  url: string;
}

export type PageMessage = ObservedResponse | ObservedNavigation;
