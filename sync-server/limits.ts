// Abuse limits that need state. Admission limits what an attacker does, not what officers do:
// failed upgrades are counted per address (a valid token always passes), connections are capped
// per user, and sockets that have not finished their upgrade are capped per address. Traffic is
// metered per connection with token buckets.

/** Failed upgrades per address in a rolling minute. */
export class FailedUpgrades {
  readonly #perMinute: number;
  readonly #recent = new Map<string, number[]>();

  constructor(perMinute: number) {
    this.#perMinute = perMinute;
  }

  /** Records a failure; true when the address is now past its budget (its failures get 429). */
  record(address: string, now = Date.now()): boolean {
    const times = this.#within(address, now);
    times.push(now);
    this.#recent.set(address, times);
    return times.length > this.#perMinute;
  }

  /** Forgets addresses with no failure in the last minute so the map does not grow forever. */
  sweep(now = Date.now()): void {
    for (const address of this.#recent.keys()) if (this.#within(address, now).length === 0) this.#recent.delete(address);
  }

  // Only the last perMinute + 1 times matter, so a flood from one address costs bounded memory.
  #within(address: string, now: number): number[] {
    const since = now - 60_000;
    return (this.#recent.get(address) ?? []).filter((time) => time > since).slice(-this.#perMinute);
  }
}

/** Open (or opening) connections per key: per user, or unfinished upgrades per address. */
export class Counter {
  readonly #limit: number;
  readonly #counts = new Map<string, number>();

  constructor(limit: number) {
    this.#limit = limit;
  }

  /** Takes one place for `key`; false (nothing taken) when it already holds the limit. */
  take(key: string): boolean {
    const count = this.#counts.get(key) ?? 0;
    if (count >= this.#limit) return false;
    this.#counts.set(key, count + 1);
    return true;
  }

  give(key: string): void {
    const count = (this.#counts.get(key) ?? 0) - 1;
    if (count > 0) this.#counts.set(key, count);
    else this.#counts.delete(key);
  }
}

/** A token bucket refilled at `perSecond`, holding at most `capacity`. */
export class TokenBucket {
  readonly #rate: number;
  readonly #capacity: number;
  #available: number;
  #updatedAt: number;

  constructor(perSecond: number, capacity = perSecond, now = Date.now()) {
    this.#rate = perSecond;
    this.#capacity = capacity;
    this.#available = capacity;
    this.#updatedAt = now;
  }

  /** Takes `amount` when the bucket holds it; false (nothing taken) otherwise. */
  trySpend(amount: number, now = Date.now()): boolean {
    this.#refill(now);
    if (amount > this.#available) return false;
    this.#available -= amount;
    return true;
  }

  /** Takes `amount`, into debt if need be; the seconds until the debt is paid back (0: none). */
  spend(amount: number, now = Date.now()): number {
    this.#refill(now);
    this.#available -= amount;
    return this.#available >= 0 ? 0 : -this.#available / this.#rate;
  }

  /** Whether the bucket is back to its capacity (nothing left to remember). */
  full(now = Date.now()): boolean {
    this.#refill(now);
    return this.#available >= this.#capacity;
  }

  #refill(now: number): void {
    this.#available = Math.min(this.#capacity, this.#available + ((now - this.#updatedAt) / 1000) * this.#rate);
    this.#updatedAt = now;
  }
}

export interface UpdateLimits {
  updatesPerSecond: number;
  updateBurst: number;
  updateBytesPerSecond: number;
  updateBytesBurst: number;
  maxThrottleSeconds: number;
  floodCooldownSeconds: number;
}

interface UserBudget {
  updates: TokenBucket;
  bytes: TokenBucket;
  /** Since when every update of this user had to wait; null while within budget. */
  throttledSince: number | null;
  /** When the user was last closed for flooding. */
  closedAt: number | null;
}

/**
 * Update budgets per user (the token's `sub`), kept across their connections so that reconnecting
 * does not refill them. An update over budget is taken and the connection slowed for the seconds
 * the debt needs; a user slowed without pause for maxThrottleSeconds is a flood: closed, and
 * refused for floodCooldownSeconds, so the stock client's resend of everything it holds comes
 * once, later, rather than after every close.
 */
export class UpdateBudgets {
  readonly #limits: UpdateLimits;
  readonly #users = new Map<string, UserBudget>();

  constructor(limits: UpdateLimits) {
    this.#limits = limits;
  }

  /** Meters one update: the seconds its connection must wait (0: none), or 'flood'. */
  meter(user: string, bytes: number, now = Date.now()): number | 'flood' {
    const budget = this.#budgetOf(user, now);
    const wait = Math.max(budget.updates.spend(1, now), budget.bytes.spend(bytes, now));
    if (wait === 0) {
      budget.throttledSince = null;
      return 0;
    }
    budget.throttledSince ??= now;
    if (now - budget.throttledSince <= this.#limits.maxThrottleSeconds * 1000) return wait;
    budget.closedAt = now;
    budget.throttledSince = null;
    return 'flood';
  }

  /** True while a user closed for flooding is refused. */
  coolingDown(user: string, now = Date.now()): boolean {
    const closedAt = this.#users.get(user)?.closedAt;
    return closedAt != null && now - closedAt < this.#limits.floodCooldownSeconds * 1000;
  }

  /** Forgets users whose budgets are full again and who are not cooling down. */
  sweep(now = Date.now()): void {
    for (const [user, budget] of this.#users) {
      if (budget.updates.full(now) && budget.bytes.full(now) && !this.coolingDown(user, now)) this.#users.delete(user);
    }
  }

  #budgetOf(user: string, now: number): UserBudget {
    let budget = this.#users.get(user);
    if (!budget) {
      const limits = this.#limits;
      budget = {
        updates: new TokenBucket(limits.updatesPerSecond, limits.updateBurst, now),
        bytes: new TokenBucket(limits.updateBytesPerSecond, limits.updateBytesBurst, now),
        throttledSince: null,
        closedAt: null,
      };
      this.#users.set(user, budget);
    }
    return budget;
  }
}
