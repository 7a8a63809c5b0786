// MAIN world: remembers the dossier search request the page itself last sent (address, headers,
// credentials) and, when the isolated script asks, repeats it with only the page, the page size
// and the reception-date window changed (shared/portalCoverage/collectPlan.ts). Installed before
// the response observer wraps fetch, so its own requests go out through the browser's fetch and
// are answered on this channel only, never twice through the capture.
import { igateResponseKind } from '../../shared/portal/claims.ts';
import { collectRequestUrl, templateSearch } from '../../shared/portalCoverage/collectPlan.ts';
import { COLLECT_CHANNEL, type FetchAnswer, type FetchCommand, type TemplateSeen } from './collectChannel.ts';

interface Template {
  url: URL;
  headers: [string, string][];
  credentials: RequestCredentials;
}

function headerList(headers: HeadersInit | undefined): [string, string][] {
  if (!headers) return [];
  return [...new Headers(headers).entries()];
}

function isCommand(data: unknown): data is FetchCommand {
  const d = data as Partial<FetchCommand> | null;
  return (
    typeof d === 'object' && d !== null && d.channel === COLLECT_CHANNEL && d.kind === 'fetch' &&
    [d.id, d.page, d.size].every((n) => Number.isInteger(n) && (n as number) >= 0) &&
    [d.search, d.from, d.to].every((s) => typeof s === 'string')
  );
}

function install(win: Window & typeof globalThis): void {
  const nativeFetch = win.fetch.bind(win);
  let template: Template | null = null;
  let largestSize = 0;
  const post = (message: TemplateSeen | FetchAnswer, transfer: Transferable[] = []) => win.postMessage(message, { targetOrigin: win.location.origin === 'null' ? '*' : win.location.origin, transfer });

  function remember(raw: string, method: string, headers: [string, string][], credentials: RequestCredentials): void {
    try {
      const url = new URL(raw, win.location.href);
      if (method.toUpperCase() !== 'GET' || igateResponseKind(url) !== 'dossierSearch') return;
      template = { url, headers, credentials };
      largestSize = Math.max(largestSize, Number(url.searchParams.get('size')) || 0);
      post({ channel: COLLECT_CHANNEL, kind: 'template', url: url.href, largestSize });
    } catch {
      // Never let our observation reach the page.
    }
  }

  const pageFetch = win.fetch;
  win.fetch = function (this: unknown, ...args: Parameters<typeof fetch>): Promise<Response> {
    try {
      const [input, init] = args;
      if (input instanceof Request) remember(input.url, init?.method ?? input.method, headerList(init?.headers ?? input.headers), init?.credentials ?? input.credentials);
      else remember(String(input), init?.method ?? 'GET', headerList(init?.headers), init?.credentials ?? 'same-origin');
    } catch {
      // Same as above.
    }
    return pageFetch.apply(this, args);
  } as typeof fetch;

  const proto = win.XMLHttpRequest.prototype;
  const opened = new WeakMap<XMLHttpRequest, { method: string; url: string; headers: [string, string][] }>();
  const { open, setRequestHeader, send } = proto;
  proto.open = function (this: XMLHttpRequest, ...args: unknown[]) {
    try {
      opened.set(this, { method: String(args[0]), url: String(args[1]), headers: [] });
    } catch {
      // Same as above.
    }
    return (open as (...a: unknown[]) => void).apply(this, args);
  } as typeof proto.open;
  proto.setRequestHeader = function (this: XMLHttpRequest, name: string, value: string) {
    opened.get(this)?.headers.push([name, value]);
    return setRequestHeader.call(this, name, value);
  };
  proto.send = function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
    const request = opened.get(this);
    if (request) remember(request.url, request.method, request.headers, this.withCredentials ? 'include' : 'same-origin');
    return send.call(this, body);
  };

  async function answer(command: FetchCommand): Promise<void> {
    const current = template;
    const base = { channel: COLLECT_CHANNEL, kind: 'answer', id: command.id } as const;
    if (!current || templateSearch(current.url) !== command.search) {
      post({ ...base, url: '', status: 0, body: null });
      return;
    }
    const url = collectRequestUrl(current.url, { page: command.page, size: Math.min(command.size, largestSize), window: { from: command.from, to: command.to } });
    try {
      const response = await nativeFetch(url.href, { method: 'GET', headers: current.headers, credentials: current.credentials });
      // The bytes, handed over rather than copied: a page of 1,000 dossiers is a megabyte or more,
      // and as a string every world that reads the message (this one too) copied it again.
      const body = await response.arrayBuffer();
      post({ ...base, url: url.href, status: response.status, body }, [body]);
    } catch {
      post({ ...base, url: url.href, status: 0, body: null });
    }
  }

  win.addEventListener('message', (event: MessageEvent) => {
    if (event.source === win && isCommand(event.data)) void answer(event.data);
  });
}

export function installCollectRequests(win: Window & typeof globalThis): void {
  try {
    install(win);
  } catch {
    // A page with unusual globals simply cannot be collected.
  }
}
