// Which fetch/XHR responses each portal adapter reads, decided from the URL alone. This module is
// the one source of truth for it: the adapters' `claimsResponse` are these functions, and the
// MAIN-world observer (extension/content/responseObserver.ts), which loads before the portal's own
// code on every portal page, imports only this file to hand over nothing else. So it stays tiny
// and free of zod and of the parsers. Each pattern names the fixture in fixtures/ that proves it.
import type { Site } from '../schemas/dossier.ts';

/**
 * iGate's API responses the adapter reads, by path on the province's API host (domain.md, "What
 * the real portals send"; each kind has a fixture under fixtures/igate-variant-*):
 *   /pa/dossier/search           officer search, a Spring page or slice of dossiers
 *   /pa/dossier-search/dvc       public lookup (HCM): dossiers with only `statusCurrentTask`
 *   /pa/dossier/--public         public lookup (VNPT's citizen app): agency a string, procedure without code
 *   /pa/dossier/{id}             one dossier
 *   /bd/procedure/--can-apply    procedures open for application
 *   /bd/procedure/{id}           one procedure
 *   /ba/procedure/search, /ba/procedure/{id}: the demo portal's procedure paths (igate-procedure-*.json)
 * igate.ts tells them apart with `igateResponseKind`.
 */
const DOSSIER_LIST = /\/pa\/(?:dossier\/search|dossier-search\/dvc|dossier\/--public)\/?$/;
const DOSSIER_ONE = /\/pa\/dossier\/([^/]+)\/?$/;
const PROCEDURE_LIST = /\/(?:ba\/procedure\/search|bd\/procedure\/--can-apply)\/?$/;
const PROCEDURE_ONE = /\/b[ad]\/procedure\/([^/]+)\/?$/;

export type IgateResponseKind = 'dossierSearch' | 'dossierDetail' | 'procedureSearch' | 'procedureDetail';

export function igateResponseKind(url: URL): IgateResponseKind | null {
  const path = url.pathname;
  if (DOSSIER_LIST.test(path)) return 'dossierSearch';
  if (PROCEDURE_LIST.test(path)) return 'procedureSearch';
  // A file name (search.css) is the portal's asset, not an id.
  const one = (pattern: RegExp) => pattern.exec(path)?.[1]?.includes('.') === false;
  if (one(DOSSIER_ONE)) return 'dossierDetail';
  if (one(PROCEDURE_ONE)) return 'procedureDetail';
  return null;
}

/** Per site, whether its adapter reads a response from this URL. */
export const responseClaims: Record<Site, (url: URL) => boolean> = {
  igate: (url) => igateResponseKind(url) !== null,
  // The national portal's pages are server-rendered (dvcqg-tra-cuu-ho-so.html): nothing to read from its responses.
  dvcqg: () => false,
};

/** Whether any adapter reads a response from this URL: the only responses worth handing over. */
export function claimedByAnAdapter(url: URL): boolean {
  return Object.values(responseClaims).some((claims) => claims(url));
}
