// Which responses of the national TTHC database (thutuc.dichvucong.gov.vn) the extension reads. Its
// pages fetch every service from one URL, `POST /jsp/rest.jsp`, with a form field `params` = JSON
// naming the `service`; the response alone does not say what it is, so the claim is made from the
// request body. Kept apart from claims.ts (claims by URL) and as small: the MAIN-world observer imports it.

export const nationalDbServices = {
  decisionList: 'decision_publishment_advanced_search_service_v2',
  newProcedures: 'get_procedures_by_dp_id_service_v2',
  amendedProcedures: 'get_modified_procedures_by_dp_id_service_v2',
  repealedProcedures: 'get_rescinded_procedures_by_dp_id_service_v2',
} as const;

export type NationalDbService = (typeof nationalDbServices)[keyof typeof nationalDbServices];

/** The request a response answered: its service, and the decision id the per-decision services name. */
export interface NationalDbRequest {
  service: NationalDbService;
  id: string | null;
}

const REST_PATH = /\/jsp\/rest\.jsp$/;
const services = new Set<string>(Object.values(nationalDbServices));

/** The `params` JSON of a form body (a string, URLSearchParams or FormData), or a JSON body itself. */
function paramsText(body: unknown): string | null {
  if (typeof URLSearchParams !== 'undefined' && body instanceof URLSearchParams) return body.get('params');
  if (typeof FormData !== 'undefined' && body instanceof FormData) {
    const value = body.get('params');
    return typeof value === 'string' ? value : null;
  }
  if (typeof body !== 'string') return null;
  return body.trimStart().startsWith('{') ? body : new URLSearchParams(body).get('params');
}

export function nationalDbRequest(url: URL, body: unknown): NationalDbRequest | null {
  if (!REST_PATH.test(url.pathname)) return null;
  try {
    const params = JSON.parse(paramsText(body) ?? '') as { service?: unknown; id?: unknown };
    if (typeof params.service !== 'string' || !services.has(params.service)) return null;
    const id = typeof params.id === 'number' || (typeof params.id === 'string' && params.id !== '') ? String(params.id) : null;
    return { service: params.service as NationalDbService, id };
  } catch {
    return null;
  }
}
