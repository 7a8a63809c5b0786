// The plain HTTP side: readiness, Prometheus metrics, and the token check a browser can read
// (it cannot see the status of a refused websocket upgrade).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { decideAccess, tokenOf } from './auth.ts';
import { vietnamInstant, type Moment } from './history.ts';
import type { SyncMetrics } from './metrics.ts';

export interface HttpContext {
  isReady(): boolean;
  metrics: SyncMetrics;
  secrets: readonly string[];
  /** The unit's kept history as moments (GET /history). */
  history(unit: string): Promise<{ since: number; moments: Moment[] }>;
}

const corsHeaders = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': 'Authorization',
  'Access-Control-Allow-Methods': 'GET, OPTIONS',
};

/** The request's URL; null for a request target no URL parser accepts (a client's mistake, not ours). */
export function requestUrl(request: IncomingMessage): URL | null {
  return URL.parse(request.url ?? '/', 'http://localhost');
}

export async function handleHttp(request: IncomingMessage, response: ServerResponse, context: HttpContext): Promise<void> {
  const url = requestUrl(request);
  if (!url) return json(response, 400, { reason: 'bad_request' });
  if (request.method === 'OPTIONS') return reply(response, 204, corsHeaders);
  if (request.method !== 'GET') return json(response, 405, { reason: 'method_not_allowed' });
  switch (url.pathname) {
    case '/healthz':
      return context.isReady() ? json(response, 200, { status: 'ready' }) : json(response, 503, { status: 'starting' });
    case '/metrics':
      return reply(response, 200, { 'Content-Type': 'text/plain; version=0.0.4' }, context.metrics.render());
    case '/auth/check': {
      const decision = await decideAccess(tokenOf(request, url), url.searchParams.get('unit') ?? '', context.secrets);
      if (decision.ok) return json(response, 200, { unit: decision.claims.unit, sub: decision.claims.sub, user: decision.claims.sub, role: decision.claims.role });
      return json(response, decision.status, { reason: decision.reason });
    }
    case '/history': {
      // Who changed the unit's board and when: for the unit's editors (a lead restores from it).
      const unit = url.searchParams.get('unit') ?? '';
      const decision = await decideAccess(tokenOf(request, url), unit, context.secrets);
      if (!decision.ok) return json(response, decision.status, { reason: decision.reason });
      if (decision.claims.role !== 'editor') return json(response, 403, { reason: 'not_editor' });
      const { since, moments } = await context.history(unit);
      return json(response, 200, { unit, since: vietnamInstant(since), moments: moments.map((moment) => ({ ...moment, at: vietnamInstant(moment.at) })) });
    }
    default:
      return json(response, 404, { reason: 'not_found' });
  }
}

function json(response: ServerResponse, status: number, body: unknown): void {
  reply(response, status, { 'Content-Type': 'application/json' }, JSON.stringify(body));
}

function reply(response: ServerResponse, status: number, headers: Record<string, string>, body?: string): void {
  response.writeHead(status, { ...corsHeaders, ...headers });
  response.end(body);
}
