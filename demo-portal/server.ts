// A local stand-in for the provincial iGate portal and the national portal, on two ports (two
// origins, like the real sites). Plain node:http; the single-page app's TypeScript is served as
// JavaScript by stripping its types, so there is no build step.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { stripTypeScriptTypes } from 'node:module';
import { join } from 'node:path';
import { indexDossiers, procedureById, searchDossiers, searchProcedures, type ApiAnswer } from './api.ts';
import { variantAnswer } from './variants.ts';
import { generateDemoData, type DemoData } from './data.ts';
import { dvcqgPaths, isProcedurePath, lookupPage, notFoundPage, procedurePage } from './dvcqg-pages.ts';
import { nationalDbRoute } from './national-db.ts';
import { createGuards, type DemoGuards, type GuardOptions } from './guards.ts';

export interface DemoPortal { igateUrl: string; dvcqgUrl: string; guards: DemoGuards; close(): Promise<void> }

const IGATE_PAGES = /^\/vi\/(dossier\/(search|public-qni)|procedure\/(search|detail\/[^/]+))\/?$/;

function appShell(): string {
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Hệ thống thông tin giải quyết TTHC tỉnh Quảng Nam (mô phỏng)</title>
<link rel="stylesheet" href="/assets/app.css"></head>
<body><app-root>
<header class="mat-toolbar"><strong>Dịch vụ công tỉnh Quảng Nam</strong> · bản mô phỏng để kiểm thử
<nav><a href="/vi/dossier/search">Tra cứu hồ sơ</a> <a href="/vi/dossier/public-qni">Tra cứu công khai</a> <a href="/vi/procedure/search">Thủ tục hành chính</a></nav></header>
<main class="content" id="outlet" data-state="loading"></main>
</app-root><script type="module" src="/assets/app.js"></script></body></html>`;
}

const styles = `body{font-family:system-ui,sans-serif;margin:0}.mat-toolbar{background:#1565c0;color:#fff;padding:12px 24px}
.mat-toolbar a{color:#fff;margin-right:16px}main{padding:16px 24px}table.mat-table{border-collapse:collapse;width:100%;margin:12px 0}
.mat-header-cell,.mat-cell{border-bottom:1px solid #ddd;padding:6px 8px;text-align:left;vertical-align:top;font-size:14px}
.procedure-code{color:#666;font-size:12px}.mat-paginator{display:flex;gap:12px;align-items:center}.no-result{padding:24px;color:#666}
.detail-table th{text-align:left;padding:4px 12px 4px 0}.load-error{color:#b00020}`;

let clientScript: string | undefined;

function clientJavaScript(): string {
  clientScript ??= stripTypeScriptTypes(readFileSync(join(import.meta.dirname, 'client', 'app.ts'), 'utf8'), { mode: 'strip' });
  return clientScript;
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
  res.end(body);
}

function sendJson(res: ServerResponse, answer: ApiAnswer): void {
  // Any origin may read the API, as the portal's separate API host allows its front end.
  res.setHeader('access-control-allow-origin', '*');
  send(res, answer.status, 'application/json', JSON.stringify(answer.body));
}

/** The API's paths: only these pass the guards (sign-in, rate limit, failure switch). */
const API_PATH = /^\/(pa|ba)\//;

function igateHandler(data: DemoData, guards: DemoGuards): (req: IncomingMessage, res: ServerResponse) => void {
  const index = indexDossiers(data);
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://portal.local');
    const path = url.pathname;
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'Method Not Allowed');
    if (path === '/') {
      res.writeHead(302, { location: '/vi/dossier/search' });
      return res.end();
    }
    const refused = API_PATH.test(path) ? guards.check(req) : null;
    if (refused) return sendJson(res, refused);
    const variant = variantAnswer(index, path, url.searchParams);
    if (variant) return sendJson(res, variant);
    if (path === '/pa/dossier/search') return sendJson(res, searchDossiers(index, url.searchParams));
    if (path === '/ba/procedure/search') return sendJson(res, searchProcedures(data, url.searchParams));
    const procedure = /^\/ba\/procedure\/([^/]+)$/.exec(path);
    if (procedure) return sendJson(res, procedureById(data, decodeURIComponent(procedure[1]!)));
    if (path === '/assets/app.js') return send(res, 200, 'text/javascript', clientJavaScript());
    if (path === '/assets/app.css') return send(res, 200, 'text/css', styles);
    if (IGATE_PAGES.test(path)) return send(res, 200, 'text/html', appShell());
    return send(res, 404, 'text/plain', 'Not Found');
  };
}

function dvcqgHandler(data: DemoData): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://portal.local');
    const path = url.pathname;
    if (path === '/') {
      res.writeHead(302, { location: dvcqgPaths.lookup });
      return res.end();
    }
    if (path === dvcqgPaths.lookup) return send(res, 200, 'text/html', lookupPage(data, url.searchParams));
    if (nationalDbRoute(data, req, res)) return;
    if (isProcedurePath(path)) {
      const page = procedurePage(data, path, url.searchParams);
      return page ? send(res, 200, 'text/html', page) : send(res, 404, 'text/html', notFoundPage());
    }
    return send(res, 404, 'text/html', notFoundPage());
  };
}

/** Handles each request in a guard so one failure answers 500 instead of ending the server. */
function guarded(handler: (req: IncomingMessage, res: ServerResponse) => void): Server {
  const server = createServer((req, res) => {
    try {
      handler(req, res);
    } catch (error) {
      if (!res.headersSent) send(res, 500, 'text/plain', (error as Error).message);
      else res.end();
    }
  });
  // A client reuses a kept-alive connection; when the server drops it at the very moment the client
  // sends on it (Node's 5 s default, met when a large answer keeps the one event loop busy), the
  // request fails with ECONNRESET. Keeping idle connections longer than any client does (as portals
  // behind nginx do) leaves closing them to the client, which never races itself.
  server.keepAliveTimeout = 65_000;
  return server;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/**
 * Starts both portals. `port` is the iGate port (0: any free one); the national portal takes the
 * next port, or any free one when `port` is 0. `now` is the portal's clock for recent dossiers.
 */
export async function startDemoPortal(opts: { port?: number; host?: string; now?: Date } & GuardOptions = {}): Promise<DemoPortal> {
  const host = opts.host ?? '127.0.0.1';
  const data = generateDemoData({ now: opts.now ?? new Date() });
  const guards = createGuards(opts);
  const igate = guarded(igateHandler(data, guards));
  const dvcqg = guarded(dvcqgHandler(data));
  const igatePort = await listen(igate, opts.port ?? 0, host);
  let dvcqgPort: number;
  try {
    dvcqgPort = await listen(dvcqg, opts.port ? igatePort + 1 : 0, host);
  } catch (error) {
    await closeServer(igate);
    throw error;
  }
  const origin = (port: number) => `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    igateUrl: origin(igatePort),
    dvcqgUrl: origin(dvcqgPort),
    guards,
    close: async () => {
      await Promise.all([closeServer(igate), closeServer(dvcqg)]);
    },
  };
}
