// Nothing relayed is ever lost: a real server process is killed with SIGKILL in the middle of a
// burst of edits, and everything an observer had received must be in the store afterwards. Then
// a restart (after SIGKILL, and after SIGTERM) must bring back every room.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SqliteStore } from './sqlite-store.ts';
import { applyStoredUpdate } from './store.ts';
import { connect, connectSynced, disconnect, spawnServer, tempDir, testSecret, waitFor, waitSaved } from '../test-support/sync-server.ts';
import { signToken } from './token.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const editorToken = (unit: string) => signToken({ unit, user: 'writer', role: 'editor' }, testSecret);
const viewerToken = (unit: string) => signToken({ unit, user: 'watcher', role: 'viewer' }, testSecret);

async function storedDoc(dataDir: string, unit: string): Promise<Y.Doc> {
  const store = new SqliteStore(dataDir, { readOnly: true });
  const doc = new Y.Doc();
  for (const update of await store.load(unit)) applyStoredUpdate(doc, update);
  await store.close();
  return doc;
}

describe('SIGKILL during a burst of updates', () => {
  // Each round: a fresh server process, a writer pushing 5 items a millisecond, a viewer watching;
  // SIGKILL once the viewer has seen a random number of items, then a restart on the same data.
  const repetitions = 20;
  it(`loses nothing an observer received, as the restarted server shows (${repetitions} kills at random moments)`, async () => {
    for (let round = 0; round < repetitions; round += 1) {
      const dataDir = tempDir('kill');
      dirs.push(dataDir);
      const server = await spawnServer(dataDir);
      const writer = await connectSynced(server.url, 'unit-k', await editorToken('unit-k'));
      const observer = await connectSynced(server.url, 'unit-k', await viewerToken('unit-k'));
      const received = observer.doc.getArray<number>('burst');
      const killAfter = 5 + Math.floor(Math.random() * 60);
      let sent = 0;
      const burst = setInterval(() => {
        for (let i = 0; i < 5; i += 1) writer.doc.getArray<number>('burst').push([sent++]);
      }, 1);
      await waitFor(() => received.length >= killAfter, `observer to receive ${killAfter} updates`);
      server.child.kill('SIGKILL');
      await server.exited;
      clearInterval(burst);
      await waitFor(() => !observer.provider.wsconnected, 'observer to notice the dead server');
      const seen = received.toArray();
      disconnect(writer, observer);

      // What the restarted server serves is what it stored.
      const restarted = await spawnServer(dataDir);
      const reader = await connectSynced(restarted.url, 'unit-k', await viewerToken('unit-k'));
      const stored = reader.doc.getArray<number>('burst').toArray();
      disconnect(reader);
      restarted.child.kill('SIGKILL');
      await restarted.exited;
      expect(seen.length).toBeGreaterThanOrEqual(killAfter);
      expect(stored.slice(0, seen.length)).toEqual(seen);
      expect((await storedDoc(dataDir, 'unit-k')).getArray<number>('burst').toArray()).toEqual(stored);
    }
  }, 120_000);
});

describe('restart', () => {
  const units = ['unit-r1', 'unit-r2', 'unit-r3', 'unit-r4', 'unit-r5'];

  async function writeRooms(url: string): Promise<void> {
    for (const unit of units) {
      const editor = await connectSynced(url, unit, await editorToken(unit), { ack: '1' });
      editor.doc.getMap('board').set('unit', unit);
      editor.doc.getText('notes').insert(0, `ghi chú của ${unit}`);
      await waitSaved(editor);
      disconnect(editor);
    }
  }

  async function expectRooms(url: string): Promise<void> {
    for (const unit of units) {
      const reader = await connectSynced(url, unit, await viewerToken(unit));
      expect(reader.doc.getMap('board').get('unit')).toBe(unit);
      expect(reader.doc.getText('notes').toString()).toBe(`ghi chú của ${unit}`);
      disconnect(reader);
    }
  }

  it('brings back every room after SIGKILL', async () => {
    const dataDir = tempDir('restart-kill');
    dirs.push(dataDir);
    const first = await spawnServer(dataDir);
    await writeRooms(first.url);
    first.child.kill('SIGKILL');
    await first.exited;
    const second = await spawnServer(dataDir);
    await expectRooms(second.url);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });

  it('stores everything and exits 0 on SIGTERM, then brings back every room', async () => {
    const dataDir = tempDir('restart-term');
    dirs.push(dataDir);
    const first = await spawnServer(dataDir);
    const editor = connect(first.url, 'unit-r1', await editorToken('unit-r1'));
    await waitFor(() => editor.provider.synced, 'editor to sync');
    await writeRooms(first.url);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    disconnect(editor);
    const second = await spawnServer(dataDir);
    await expectRooms(second.url);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });
});
