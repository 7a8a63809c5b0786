// Who gets to upgrade, limiting what an attacker does and never what officers do: hundreds of
// officers share one NAT or proxy address and all reconnect after a restart.
// - Failed upgrades (no, bad or expired token, other unit, bad room) are counted per address;
//   past the budget that address's failures are answered 429. A valid token is always checked
//   and admitted, so refused attempts never lock an office out.
// - Connections are capped per user (the token's `sub`), not per address.
// - Sockets that have not finished their upgrade are capped per address (and their headers must
//   arrive within headersTimeoutMs, see server.ts), so half-open sockets cannot pile up.
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { SyncServerConfig } from './config.ts';
import { Counter, FailedUpgrades } from './limits.ts';
import type { SyncMetrics } from './metrics.ts';

export class Admission {
  readonly #trustProxy: ReadonlySet<string>;
  readonly #metrics: SyncMetrics;
  readonly #failures: FailedUpgrades;
  readonly #users: Counter;
  readonly #pending: Counter;
  /** Sockets still counted as unfinished, with the address they count against. */
  readonly #pendingSockets = new WeakMap<Socket, string>();

  constructor(config: SyncServerConfig, metrics: SyncMetrics) {
    this.#trustProxy = new Set(config.trustProxy);
    this.#metrics = metrics;
    this.#failures = new FailedUpgrades(config.limits.failedUpgradesPerMinute);
    this.#users = new Counter(config.limits.connectionsPerUser);
    this.#pending = new Counter(config.limits.pendingSocketsPerAddress);
  }

  /** Every new TCP socket: closed at once when its address holds too many unfinished ones. */
  opened(socket: Socket): void {
    const address = socket.remoteAddress ?? 'unknown';
    // A trusted proxy carries every client; its own limits apply in front of it.
    if (this.#trustProxy.has(address)) return;
    if (!this.#pending.take(address)) {
      this.#metrics.droppedPendingSockets += 1;
      socket.destroy();
      return;
    }
    this.#pendingSockets.set(socket, address);
    socket.once('close', () => this.#finished(socket));
  }

  /** The socket became a websocket: it no longer counts as unfinished. */
  upgraded(socket: Socket): void {
    this.#finished(socket);
  }

  /** The client's address: the socket's, or behind a trusted proxy the last one it forwarded. */
  addressOf(request: IncomingMessage): string {
    const peer = request.socket.remoteAddress ?? 'unknown';
    if (!this.#trustProxy.has(peer)) return peer;
    const forwarded = request.headers['x-forwarded-for'];
    const last = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? '')).split(',').at(-1)?.trim();
    return last || peer;
  }

  /** Records a failed upgrade; true when the address is past its budget (answer 429). */
  failed(address: string): boolean {
    return this.#failures.record(address);
  }

  /** Takes a connection place for the user; false when they hold connectionsPerUser already. */
  takeUser(sub: string): boolean {
    return this.#users.take(sub);
  }

  releaseUser(sub: string): void {
    this.#users.give(sub);
  }

  sweep(): void {
    this.#failures.sweep();
  }

  #finished(socket: Socket): void {
    const address = this.#pendingSockets.get(socket);
    if (address === undefined) return;
    this.#pendingSockets.delete(socket);
    this.#pending.give(address);
  }
}
