// Ping/pong liveness for every connection, spread over the interval. Pinging every connection in
// one timer turn writes a frame to each socket at once: with 1,000 officers connected that turn
// took about 25 ms in bench:sync, and every update relayed meanwhile waited (the stock clients
// then answer with 1,000 pongs at once). Here each connection gets a fixed slot, and each tick
// checks one slot's connections, so every connection is still checked once per interval, exactly
// an interval apart, and a tick's work is about 1/slots of the whole.

export interface Checked {
  /** Drops the connection if it missed the last ping, else pings it. */
  checkAlive(): void;
}

/** Ticks no closer than this: a short interval (tests) gets fewer slots, not a busier timer. */
const minTickMs = 25;
const maxSlots = 30;

export class Heartbeat<T extends Checked> {
  readonly #slots: Set<T>[];
  readonly #slotOf = new Map<T, Set<T>>();
  readonly #timer: NodeJS.Timeout;
  #nextSlot = 0;
  #tick = 0;

  /** `everyInterval` runs once per interval too (sweeps of per-address and per-user tables). */
  constructor(intervalMs: number, everyInterval: () => void = () => undefined) {
    const slots = Math.max(1, Math.min(maxSlots, Math.floor(intervalMs / minTickMs)));
    this.#slots = Array.from({ length: slots }, () => new Set<T>());
    this.#timer = setInterval(() => {
      const slot = this.#slots[this.#tick]!;
      this.#tick = (this.#tick + 1) % slots;
      // checkAlive may terminate a connection, whose close handler calls delete(): iterate a copy.
      for (const connection of [...slot]) connection.checkAlive();
      if (this.#tick === 0) everyInterval();
    }, intervalMs / slots);
    this.#timer.unref();
  }

  get slots(): number {
    return this.#slots.length;
  }

  /** Into the emptiest slot (from a rotating start, so joins in a row spread), so slots stay even as officers come and go. */
  add(connection: T): void {
    if (this.#slotOf.has(connection)) return;
    let slot = this.#slots[this.#nextSlot]!;
    for (let i = 1; i < this.#slots.length; i += 1) {
      const candidate = this.#slots[(this.#nextSlot + i) % this.#slots.length]!;
      if (candidate.size < slot.size) slot = candidate;
    }
    this.#nextSlot = (this.#nextSlot + 1) % this.#slots.length;
    slot.add(connection);
    this.#slotOf.set(connection, slot);
  }

  delete(connection: T): void {
    this.#slotOf.get(connection)?.delete(connection);
    this.#slotOf.delete(connection);
  }

  stop(): void {
    clearInterval(this.#timer);
  }
}
