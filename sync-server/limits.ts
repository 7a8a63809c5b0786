// Abuse limits that need state: connections per IP in a rolling minute, and a byte budget for
// presence traffic per connection.
export class ConnectionRateLimiter {
  readonly #perMinute: number;
  readonly #recent = new Map<string, number[]>();

  constructor(perMinute: number) {
    this.#perMinute = perMinute;
  }

  /** Records an attempt; false when the IP already used its budget for the last minute. */
  admit(ip: string, now = Date.now()): boolean {
    const since = now - 60_000;
    const times = (this.#recent.get(ip) ?? []).filter((time) => time > since);
    const admitted = times.length < this.#perMinute;
    if (admitted) times.push(now);
    this.#recent.set(ip, times);
    return admitted;
  }

  /** Forgets IPs with no attempt in the last minute so the map does not grow forever. */
  sweep(now = Date.now()): void {
    for (const [ip, times] of this.#recent) if (times.every((time) => time <= now - 60_000)) this.#recent.delete(ip);
  }
}

/** A token bucket refilled at `bytesPerSecond`, holding at most one second of budget. */
export class ByteBudget {
  readonly #rate: number;
  #available: number;
  #updatedAt: number;

  constructor(bytesPerSecond: number, now = Date.now()) {
    this.#rate = bytesPerSecond;
    this.#available = bytesPerSecond;
    this.#updatedAt = now;
  }

  spend(bytes: number, now = Date.now()): boolean {
    this.#available = Math.min(this.#rate, this.#available + ((now - this.#updatedAt) / 1000) * this.#rate);
    this.#updatedAt = now;
    if (bytes > this.#available) return false;
    this.#available -= bytes;
    return true;
  }
}
