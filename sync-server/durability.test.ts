// Nothing acknowledged is ever lost, and nothing relayed is lost while an officer who received
// it comes back: a real server process is killed with SIGKILL in the middle of a burst of edits;
// everything the writer was told was saved must be in the store afterwards, and once the
// colleague who watched the burst reconnects, everything he had received. (Edits are relayed on
// receipt, before they are stored: room.ts.) Then a restart (after SIGKILL, and after SIGTERM)
// must bring back every room.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { SqliteStore } from './sqlite-store.ts';
import { applyStoredUpdate } from './store.ts';
import { connect, connectSynced, covers, disconnect, spawnServer, tempDir, testSecret, waitFor, waitSaved } from '../test-support/sync-server.ts';
import { signToken } from './token.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const editorToken = (unit: string) => signToken({ unit, user: 'writer', role: 'editor' }, testSecret);
const viewerToken = (unit: string) => signToken({ unit, user: 'watcher', role: 'viewer' }, testSecret);
const colleagueToken = (unit: string) => signToken({ unit, user: 'colleague', role: 'editor' }, testSecret);

async function storedDoc(dataDir: string, unit: string): Promise<Y.Doc> {
  const store = new SqliteStore(dataDir, { readOnly: true });
  const doc = new Y.Doc();
  for (const update of await store.load(unit)) applyStoredUpdate(doc, update);
  await store.close();
  return doc;
}

describe('SIGKILL during a burst of updates', () => {
  // Each round: a fresh server process, a writer pushing 5 items a millisecond and asking for
  // "saved" acknowledgements, a colleague (an editor too) watching; SIGKILL once the colleague
  // has seen a random number of items, then a restart on the same data.
  const repetitions = 20;
  it(`loses nothing acknowledged, and gets back what a colleague received once he reconnects (${repetitions} kills at random moments)`, async () => {
    for (let round = 0; round < repetitions; round += 1) {
      const dataDir = tempDir('kill');
      dirs.push(dataDir);
      const server = await spawnServer(dataDir);
      const writer = await connectSynced(server.url, 'unit-k', await editorToken('unit-k'), { ack: '1' });
      const colleague = await connectSynced(server.url, 'unit-k', await colleagueToken('unit-k'));
      const received = colleague.doc.getArray<number>('burst');
      const killAfter = 5 + Math.floor(Math.random() * 60);
      let sent = 0;
      const burst = setInterval(() => {
        for (let i = 0; i < 5; i += 1) writer.doc.getArray<number>('burst').push([sent++]);
      }, 1);
      await waitFor(() => received.length >= killAfter, `colleague to receive ${killAfter} updates`);
      server.child.kill('SIGKILL');
      await server.exited;
      clearInterval(burst);
      await waitFor(() => !colleague.provider.wsconnected, 'colleague to notice the dead server');
      const acknowledged = writer.saved();
      const seen = received.toArray();
      disconnect(writer);
      colleague.provider.destroy();

      // What the restarted server serves is what it stored: at least everything acknowledged.
      const restarted = await spawnServer(dataDir);
      const reader = await connectSynced(restarted.url, 'unit-k', await viewerToken('unit-k'));
      expect(covers(Y.decodeStateVector(Y.encodeStateVector(reader.doc)), acknowledged)).toBe(true);
      expect(seen.length).toBeGreaterThanOrEqual(killAfter);
      // The colleague comes back with what he received; the server stores it and relays it.
      const back = new WebsocketProvider(restarted.url, 'unit-k', colleague.doc, {
        params: { token: await colleagueToken('unit-k') },
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
      });
      const stored = reader.doc.getArray<number>('burst');
      await waitFor(() => stored.length >= seen.length, 'the reader to get back what the colleague had received');
      expect(stored.toArray().slice(0, seen.length)).toEqual(seen);
      back.destroy();
      colleague.doc.destroy();
      disconnect(reader);
      restarted.child.kill('SIGTERM');
      await restarted.exited;
      expect((await storedDoc(dataDir, 'unit-k')).getArray<number>('burst').toArray()).toEqual(stored.toArray());
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
