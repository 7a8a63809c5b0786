// The address a connection comes from, as the per-address limits count it. Behind a reverse proxy
// every socket comes from the proxy: only a proxy named in --trust-proxy may say who its client
// is (X-Forwarded-For); from anyone else the header is ignored, so a client cannot pick an address.
import type { IncomingMessage } from 'node:http';

export function clientAddress(request: IncomingMessage, trustProxy: readonly string[]): string {
  const peer = request.socket.remoteAddress ?? 'unknown';
  if (!trustProxy.includes(peer)) return peer;
  const forwarded = request.headers['x-forwarded-for'];
  // The proxy appends the address it saw last; what comes before it the client may have written.
  const last = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? '')).split(',').at(-1)?.trim();
  return last || peer;
}
