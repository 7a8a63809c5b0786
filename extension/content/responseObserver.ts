// Runs in the page's own JavaScript world: wraps fetch and XMLHttpRequest to hand the JSON responses
// a portal adapter claims to the isolated content script. Which URLs those are comes from
// shared/portal/claims.ts alone (the adapters themselves bring zod with them: in this script, which
// loads before the portal's own code on every portal page, they would cost 25 KB gzipped), so the
// page's other traffic is neither cloned nor posted. The page must never notice: responses are
// cloned, the page's promises are the ones it gets back, and every line of ours is inside try/catch.
import { claimedByAnAdapter } from '../../shared/portal/claims.ts';
import { nationalDbRequest, type NationalDbRequest } from '../../shared/portal/nationalDbClaims.ts';
import { PAGE_CHANNEL, type PageMessage } from './pageChannel.ts';

/** Whether a response is worth handing over, from its URL and content type. */
export type Claims = (url: URL, contentType: string) => boolean;

/** JSON that an adapter reads; scripts, styles, images and the portal's other APIs never cross. */
export const claimedJsonResponses: Claims = (url, contentType) => /\bjson\b/i.test(contentType) && claimedByAnAdapter(url);

function post(win: Window, message: PageMessage): void {
  try {
    win.postMessage(message, win.location.origin === 'null' ? '*' : win.location.origin);
  } catch {
    // A body that cannot be cloned is not worth breaking the page for.
  }
}

function claimedUrl(win: Window, raw: string, contentType: string, claims: Claims): URL | null {
  try {
    const url = new URL(raw, win.location.href);
    return claims(url, contentType) ? url : null;
  } catch {
    return null;
  }
}

/**
 * The national TTHC database answers every service at one URL; only the request body says which
 * (shared/portal/nationalDbClaims.ts). Its responses are claimed whatever their content type.
 */
function claimedByRequest(win: Window, raw: string, requestBody: unknown): { url: URL; request: NationalDbRequest } | null {
  try {
    const url = new URL(raw, win.location.href);
    const request = nationalDbRequest(url, requestBody);
    return request ? { url, request } : null;
  } catch {
    return null;
  }
}

function observeFetch(win: Window & typeof globalThis, claims: Claims): void {
  const original = win.fetch;
  const wrapped = function (this: unknown, ...args: Parameters<typeof fetch>): Promise<Response> {
    const result = original.apply(this, args);
    try {
      const requestBody: unknown = args[1]?.body;
      // Registered before the page's own handlers, so the body is cloned before the page reads it.
      result.then(
        (response) => {
          try {
            const byRequest = claimedByRequest(win, response.url, requestBody);
            const url = byRequest?.url ?? claimedUrl(win, response.url, response.headers.get('content-type') ?? '', claims);
            if (!url) return;
            const request = byRequest ? { request: byRequest.request } : {};
            response
              .clone()
              .text()
              .then((body) => post(win, { channel: PAGE_CHANNEL, kind: 'response', url: url.href, status: response.status, body, ...request }))
              .catch(() => undefined);
          } catch {
            // Never let our observation reach the page.
          }
        },
        () => undefined,
      );
    } catch {
      // Same as above.
    }
    return result;
  };
  win.fetch = wrapped as typeof fetch;
}

function xhrBody(xhr: XMLHttpRequest): unknown {
  if (xhr.responseType === '' || xhr.responseType === 'text') return xhr.responseText;
  if (xhr.responseType === 'json') return xhr.response;
  if (xhr.responseType === 'arraybuffer' && xhr.response) return new TextDecoder().decode(xhr.response as ArrayBuffer);
  return undefined;
}

function observeXhr(win: Window & typeof globalThis, claims: Claims): void {
  const proto = win.XMLHttpRequest.prototype;
  const originalOpen = proto.open;
  const originalSend = proto.send;
  const requested = new WeakMap<XMLHttpRequest, string>();
  const sent = new WeakMap<XMLHttpRequest, unknown>();
  function onLoad(this: XMLHttpRequest): void {
    try {
      const raw = this.responseURL || requested.get(this) || '';
      const byRequest = claimedByRequest(win, raw, sent.get(this));
      const contentType = this.responseType === 'json' ? 'application/json' : (this.getResponseHeader('content-type') ?? '');
      const url = byRequest?.url ?? claimedUrl(win, raw, contentType, claims);
      if (!url) return;
      const body = xhrBody(this);
      if (body !== undefined) post(win, { channel: PAGE_CHANNEL, kind: 'response', url: url.href, status: this.status, body, ...(byRequest ? { request: byRequest.request } : {}) });
    } catch {
      // Never let our observation reach the page.
    }
  }
  proto.open = function (this: XMLHttpRequest, ...args: unknown[]) {
    try {
      if (!requested.has(this)) this.addEventListener('load', onLoad);
      requested.set(this, String(args[1]));
    } catch {
      // Same as above.
    }
    return (originalOpen as (...a: unknown[]) => void).apply(this, args);
  } as typeof proto.open;
  proto.send = function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
    try {
      // Kept for the request-body claim only (a form's `params`), never posted as it is.
      sent.set(this, body);
    } catch {
      // Same as above.
    }
    return originalSend.call(this, body);
  };
}

/** Angular's router moves with pushState; the isolated world cannot see those calls itself. */
function observeHistory(win: Window & typeof globalThis): void {
  for (const name of ['pushState', 'replaceState'] as const) {
    const original = win.history[name];
    win.history[name] = function (this: History, ...args: Parameters<History['pushState']>) {
      const result = original.apply(this, args);
      try {
        post(win, { channel: PAGE_CHANNEL, kind: 'navigation', url: win.location.href });
      } catch {
        // Same as above.
      }
      return result;
    };
  }
}

export function installResponseObserver(win: Window & typeof globalThis, claims: Claims): void {
  try {
    observeFetch(win, claims);
    observeXhr(win, claims);
    observeHistory(win);
  } catch {
    // A page with unusual globals simply goes unobserved.
  }
}
