// What a real portal's API does to a client beyond answering searches, so the period collector's
// stops can be proved: a sign-in check on the Authorization header, a rate limit, and a switch
// that makes the server fail. Each is its own function; all are off unless a test or
// `npm run portal -- --auth --rate-limit N` turns them on.
import type { IncomingMessage } from 'node:http';
import type { ApiAnswer } from './api.ts';

/** The header the demo front end sends, as an iGate front end sends its Keycloak token. */
export const DEMO_AUTHORIZATION = 'Bearer demo-officer';

export interface GuardOptions {
  /** Refuse API requests without the demo sign-in header (401). */
  requireAuth?: boolean;
  /** At most this many API requests per second (429 beyond); 0 or absent: no limit. */
  rateLimitPerSecond?: number;
}

export interface DemoGuards {
  /** Signs every officer out: requests with the header are refused from now on (401). */
  revokeAuth(): void;
  /** Accepts the sign-in header again. */
  restoreAuth(): void;
  setRateLimit(perSecond: number): void;
  /** Every API request fails with this status from now on; null to stop failing. */
  failWith(status: number | null): void;
  /** The first refusal for this request, or null to let it through. */
  check(req: IncomingMessage): ApiAnswer | null;
}

function authCheck(req: IncomingMessage, required: boolean, revoked: boolean): ApiAnswer | null {
  if (!required) return null;
  if (req.headers.authorization === DEMO_AUTHORIZATION && !revoked) return null;
  return { status: 401, body: { error: 'Unauthorized', message: 'sign in again' } };
}

/** A sliding one-second window over the API requests of every client together. */
function rateCheck(times: number[], perSecond: number, now: number): ApiAnswer | null {
  if (perSecond <= 0) return null;
  while (times.length > 0 && times[0]! <= now - 1000) times.shift();
  if (times.length >= perSecond) return { status: 429, body: { error: 'Too Many Requests', message: `at most ${perSecond} requests per second` } };
  times.push(now);
  return null;
}

function failureCheck(status: number | null): ApiAnswer | null {
  return status === null ? null : { status, body: { error: 'Server Error', message: 'the demo portal was told to fail' } };
}

export function createGuards(options: GuardOptions = {}): DemoGuards {
  let revoked = false;
  let perSecond = options.rateLimitPerSecond ?? 0;
  let failing: number | null = null;
  const times: number[] = [];
  return {
    revokeAuth: () => {
      revoked = true;
    },
    restoreAuth: () => {
      revoked = false;
    },
    setRateLimit: (value) => {
      perSecond = value;
    },
    failWith: (status) => {
      failing = status;
    },
    check: (req) => failureCheck(failing) ?? authCheck(req, options.requireAuth ?? false, revoked) ?? rateCheck(times, perSecond, performance.now()),
  };
}
