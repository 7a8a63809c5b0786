// Which fetch/XHR responses each portal adapter reads, decided from the URL alone. This module is
// the one source of truth for it: the adapters' `claimsResponse` are these functions, and the
// MAIN-world observer (extension/content/responseObserver.ts), which loads before the portal's own
// code on every portal page, imports only this file to hand over nothing else. So it stays tiny
// and free of zod and of the parsers. Each pattern names the fixture in fixtures/ that proves it.
import type { Site } from '../schemas/dossier.ts';

/**
 * iGate's API responses the adapter reads, by path on the province's API host:
 *   /pa/dossier/search?page=&size=&sort= → a Spring page of dossiers (igate-dossier-search.json, igate-handwritten-cases.json)
 *   /ba/procedure/search → a Spring page of procedures (igate-procedure-search.json)
 *   /ba/procedure/{id} → one procedure (igate-procedure-detail.json)
 * The /ba/ path is the demo portal's reading of iGate's "basepad" service [I]; a real host using
 * another path changes only here. igate.ts tells the three apart with `igateResponseKind`.
 */
const IGATE_API = /\/(?:pa\/dossier\/search|ba\/procedure\/([^/]+))\/?$/;

export type IgateResponseKind = 'dossierSearch' | 'procedureSearch' | 'procedureDetail';

export function igateResponseKind(url: URL): IgateResponseKind | null {
  const match = IGATE_API.exec(url.pathname);
  if (!match) return null;
  if (match[1] === undefined) return 'dossierSearch';
  return match[1] === 'search' ? 'procedureSearch' : 'procedureDetail';
}

/** Per site, whether its adapter reads a response from this URL. */
export const responseClaims: Record<Site, (url: URL) => boolean> = {
  igate: (url) => IGATE_API.test(url.pathname),
  // The national portal's pages are server-rendered (dvcqg-tra-cuu-ho-so.html): nothing to read from its responses.
  dvcqg: () => false,
};

/** Whether any adapter reads a response from this URL: the only responses worth handing over. */
export function claimedByAnAdapter(url: URL): boolean {
  return Object.values(responseClaims).some((claims) => claims(url));
}
