import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Heartbeat } from './heartbeat.ts';

class FakeConnection {
  readonly checkedAt: number[] = [];
  checkAlive(): void {
    this.checkedAt.push(Date.now());
  }
}

describe('Heartbeat', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('checks a slice of the connections per tick, each connection once per interval and exactly an interval apart', () => {
    const heartbeat = new Heartbeat<FakeConnection>(30_000);
    const connections = Array.from({ length: 1000 }, () => new FakeConnection());
    for (const connection of connections) heartbeat.add(connection);
    expect(heartbeat.slots).toBe(30);

    let checkedBefore = 0;
    let largestTick = 0;
    for (let tick = 0; tick < 60; tick += 1) {
      vi.advanceTimersByTime(1000);
      const checked = connections.reduce((sum, c) => sum + c.checkedAt.length, 0);
      largestTick = Math.max(largestTick, checked - checkedBefore);
      checkedBefore = checked;
    }
    // 1,000 over 30 slots: no tick pings more than its share (the old sweep pinged all 1,000 at once).
    expect(largestTick).toBeLessThanOrEqual(34);
    for (const connection of connections) {
      expect(connection.checkedAt).toHaveLength(2);
      expect(connection.checkedAt[1]! - connection.checkedAt[0]!).toBe(30_000);
    }
    heartbeat.stop();
  });

  it('fills the emptiest slot, so slots stay even as connections come and go', () => {
    const heartbeat = new Heartbeat<FakeConnection>(100);
    expect(heartbeat.slots).toBe(4);
    const first = Array.from({ length: 8 }, () => new FakeConnection());
    for (const connection of first) heartbeat.add(connection);
    // Every connection of two slots leaves; the next four must go to those two slots.
    for (const connection of first.filter((_, i) => i % 4 < 2)) heartbeat.delete(connection);
    const next = Array.from({ length: 4 }, () => new FakeConnection());
    for (const connection of next) heartbeat.add(connection);
    const kept = [...first.filter((_, i) => i % 4 >= 2), ...next];
    vi.advanceTimersByTime(25);
    const perTick = [kept.filter((c) => c.checkedAt.length === 1).length];
    for (let tick = 1; tick < 4; tick += 1) {
      const before = kept.reduce((sum, c) => sum + c.checkedAt.length, 0);
      vi.advanceTimersByTime(25);
      perTick.push(kept.reduce((sum, c) => sum + c.checkedAt.length, 0) - before);
    }
    expect(perTick).toEqual([2, 2, 2, 2]);
    expect(first.filter((_, i) => i % 4 < 2).every((c) => c.checkedAt.length === 0)).toBe(true);
    heartbeat.stop();
  });

  it('runs the once-an-interval sweep once per interval, and a connection that leaves during a tick is not checked again', () => {
    const sweeps: number[] = [];
    const heartbeat = new Heartbeat<FakeConnection>(1500, () => sweeps.push(Date.now()));
    const leaving = new FakeConnection();
    leaving.checkAlive = () => {
      leaving.checkedAt.push(Date.now());
      heartbeat.delete(leaving); // as a terminated socket's close handler does
    };
    heartbeat.add(leaving);
    vi.advanceTimersByTime(4500);
    expect(sweeps).toEqual([1500, 3000, 4500]);
    expect(leaving.checkedAt).toHaveLength(1);
    heartbeat.stop();
  });
});
