// A recount that follows captures: run once the captures settle, but during a long burst (a period
// collection stores a page every fraction of a second) still at a steady pace, not after every page
// and not only at the end.

export interface SettleTimer {
  /** Something changed: run `work` once things are quiet for `quietMs`, or `maxWaitMs` after the first change not yet run. */
  poke(): void;
}

export function settleTimer(work: () => void, quietMs: number, maxWaitMs: number): SettleTimer {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstPokeAt: number | null = null;
  const run = () => {
    timer = undefined;
    firstPokeAt = null;
    work();
  };
  return {
    poke() {
      const now = Date.now();
      firstPokeAt ??= now;
      clearTimeout(timer);
      timer = setTimeout(run, Math.max(0, Math.min(quietMs, firstPokeAt + maxWaitMs - now)));
    },
  };
}

/** Quiet for a second after the last stored batch, and at least every 3 s through a period collection. */
const AFTER_CAPTURES = { quietMs: 1000, maxWaitMs: 3000 };

/** The pace of every recount that follows captures (the toolbar count, the deadline notification). */
export function afterCapturesTimer(work: () => void): SettleTimer {
  return settleTimer(work, AFTER_CAPTURES.quietMs, AFTER_CAPTURES.maxWaitMs);
}
