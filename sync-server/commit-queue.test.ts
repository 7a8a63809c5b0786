// The commit queue hands each stored batch to its rooms a bounded turn at a time, so the relays
// that arrive meanwhile are not held for the whole batch (the fan-out p99 of bench:sync).
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { CommitQueue, type PendingUpdate } from './commit-queue.ts';
import { SyncMetrics } from './metrics.ts';
import type { Room } from './room.ts';
import { SqliteStore } from './sqlite-store.ts';
import { tempDir } from '../test-support/sync-server.ts';

let dataDir = '';
let store: SqliteStore | null = null;

afterEach(async () => {
  await store?.close();
  store = null;
  rmSync(dataDir, { recursive: true, force: true });
});

/** Only what the queue asks of a room: its name, and being told of what waits for it. */
function room(name: string): Room {
  return { name, queued: () => undefined } as unknown as Room;
}

function update(target: Room): PendingUpdate {
  return { room: target, update: new Uint8Array([0, 0]), sender: { close: () => undefined } as unknown as PendingUpdate['sender'], user: 'officer', at: Date.now(), relayed: true };
}

function busyFor(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

describe('commit queue', () => {
  it('hands a stored batch to its rooms over several turns of the event loop, every room once and in order', async () => {
    dataDir = tempDir('commit-queue');
    store = new SqliteStore(dataDir);
    const events: string[] = [];
    const queue = new CommitQueue(
      store,
      new SyncMetrics(),
      {
        applyStored: (target, batch) => {
          // Each room's share of the batch costs a little: the rooms of one batch take 20 ms together.
          busyFor(0.5);
          events.push(`${target.name}:${batch.length}`);
        },
      },
      (error) => {
        throw error;
      },
    );
    const rooms = Array.from({ length: 40 }, (_, index) => room(`unit-${index}`));
    for (const target of rooms) queue.enqueue(update(target));
    // A relay's turn: whatever the sockets bring between two turns of the hand-over.
    let watching = true;
    const watch = () => {
      if (!watching) return;
      events.push('turn');
      setImmediate(watch);
    };
    setImmediate(watch);
    await queue.drain();
    watching = false;

    expect(events.filter((event) => event !== 'turn')).toEqual(rooms.map((target) => `${target.name}:1`));
    const firstRoom = events.indexOf('unit-0:1');
    const lastRoom = events.indexOf('unit-39:1');
    // The hand-over let other work in between (each turn holds the loop for about a millisecond).
    expect(events.slice(firstRoom, lastRoom).filter((event) => event === 'turn').length).toBeGreaterThanOrEqual(5);
  });
});
