import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { settleTimer } from './settleTimer.ts';

describe('settleTimer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs once, after the changes settle', () => {
    const work = vi.fn();
    const timer = settleTimer(work, 1000, 3000);
    timer.poke();
    vi.advanceTimersByTime(500);
    timer.poke();
    vi.advanceTimersByTime(999);
    expect(work).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('runs at a steady pace while changes keep coming (a period collection), not only at the end', () => {
    const work = vi.fn();
    const timer = settleTimer(work, 1000, 3000);
    for (let elapsed = 0; elapsed < 10_000; elapsed += 500) {
      timer.poke();
      vi.advanceTimersByTime(500);
    }
    // A page every 500 ms for 10 s: one run every 3 s, not twenty, and none before the first 3 s.
    expect(work).toHaveBeenCalledTimes(3);
    vi.advanceTimersByTime(1000);
    expect(work).toHaveBeenCalledTimes(4);
  });
});
