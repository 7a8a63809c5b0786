// The plain HTTP side: readiness, Prometheus metrics, and the token check a browser can read
// (it cannot see the status of a refused websocket upgrade).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { decideAccess, tokenOf } from './auth.ts';
import { BeforeHistoryError, parseInstant, vietnamInstant, type Moment } from './history.ts';
import type { SyncMetrics } from './metrics.ts';

export interface HttpContext {
  isReady(): boolean;
  metrics: SyncMetrics;
  secrets: readonly string[];
  /** The unit's kept history as moments (GET /history). */
  history(unit: string): Promise<{ since: number; moments: Moment[] }>;
  /** The unit's document as it was at `at` (ms), as one Yjs update (GET /history/document); throws BeforeHistoryError. */
  documentAt(unit: string, at: number): Promise<Uint8Array>;
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
      const refusal = await refuseUnlessEditor(request, url, unit, context.secrets);
      if (refusal) return json(response, refusal.status, { reason: refusal.reason });
      const { since, moments } = await context.history(unit);
      return json(response, 200, { unit, since: vietnamInstant(since), moments: moments.map((moment) => ({ ...moment, at: vietnamInstant(moment.at) })) });
    }
    case '/history/document': {
      // The unit's board as it was at a moment, read only: the lead's own client makes the edits
      // that bring it back (shared/sync/revert.ts), so they travel and merge like any edit.
      const unit = url.searchParams.get('unit') ?? '';
      const refusal = await refuseUnlessEditor(request, url, unit, context.secrets);
      if (refusal) return json(response, refusal.status, { reason: refusal.reason });
      const at = parseInstant(url.searchParams.get('at') ?? '');
      if (Number.isNaN(at)) return json(response, 400, { reason: 'bad_time' });
      try {
        return reply(response, 200, { 'Content-Type': 'application/octet-stream' }, await context.documentAt(unit, at));
      } catch (error) {
        if (error instanceof BeforeHistoryError) return json(response, 409, { reason: 'before_history', since: vietnamInstant(error.since) });
        throw error;
      }
    }
    default:
      return json(response, 404, { reason: 'not_found' });
  }
}

/** Why the request may not read the unit's history (only its editors may); null when it may. */
async function refuseUnlessEditor(request: IncomingMessage, url: URL, unit: string, secrets: readonly string[]): Promise<{ status: number; reason: string } | null> {
  const decision = await decideAccess(tokenOf(request, url), unit, secrets);
  if (!decision.ok) return { status: decision.status, reason: decision.reason };
  return decision.claims.role === 'editor' ? null : { status: 403, reason: 'not_editor' };
}

function json(response: ServerResponse, status: number, body: unknown): void {
  reply(response, status, { 'Content-Type': 'application/json' }, JSON.stringify(body));
}

function reply(response: ServerResponse, status: number, headers: Record<string, string>, body?: string | Uint8Array): void {
  response.writeHead(status, { ...corsHeaders, ...headers });
  response.end(body);
}
