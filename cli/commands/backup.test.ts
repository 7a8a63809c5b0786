// An online backup taken while a real server process stores a stream of edits: the copy opens
// as a store and holds every update the server had acknowledged before the backup began.
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SqliteStore } from '../../sync-server/sqlite-store.ts';
import { applyStoredUpdate } from '../../sync-server/store.ts';
import { connectSynced, covers, disconnect, spawnServer, tempDir, testSecret, waitFor } from '../../test-support/sync-server.ts';
import { signToken } from '../../sync-server/token.ts';
import { runCommand as run } from '../run-command.ts';

const root = tempDir('backup');
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('tthc-desk backup', () => {
  it('copies the store while the server writes, holding every acknowledged update', async () => {
    const dataDir = join(root, 'data');
    const server = await spawnServer(dataDir);
    const writer = await connectSynced(server.url, 'unit-b', await signToken({ unit: 'unit-b', user: 'lan', role: 'editor' }, testSecret), { ack: '1' });
    const items = writer.doc.getArray<number>('burst');
    let sent = 0;
    const burst = setInterval(() => {
      for (let i = 0; i < 5; i += 1) items.push([sent++]);
    }, 2);
    try {
      await waitFor(() => (writer.saved().get(writer.doc.clientID) ?? 0) >= 200, 'the server to acknowledge 200 updates');
      const acknowledged = new Map(writer.saved());
      const out = join(root, 'copy');
      const { code, out: printed, err } = await run(['backup', '--data', dataDir, out]);
      expect(err).toEqual([]);
      expect(code).toBe(0);
      expect(printed[0]).toContain(join(out, 'tthc-desk-sync.sqlite'));
      // Writes went on during the copy.
      const later = sent;
      await waitFor(() => (writer.saved().get(writer.doc.clientID) ?? 0) > (acknowledged.get(writer.doc.clientID) ?? 0) && sent > later, 'writes to go on');

      const copy = new SqliteStore(out, { readOnly: true });
      const doc = new Y.Doc();
      for (const update of await copy.load('unit-b')) applyStoredUpdate(doc, update);
      await copy.close();
      expect(covers(Y.decodeStateVector(Y.encodeStateVector(doc)), acknowledged)).toBe(true);
      const copied = doc.getArray<number>('burst').toArray();
      expect(copied).toEqual(items.toArray().slice(0, copied.length));
    } finally {
      clearInterval(burst);
      disconnect(writer);
      server.child.kill('SIGTERM');
      await server.exited;
    }
  }, 60_000);

  it('refuses a missing store, a target file, and an existing backup, exit 2, overwriting nothing', async () => {
    const dataDir = join(root, 'data');
    const file = join(root, 'notes.txt');
    writeFileSync(file, 'ghi chú');
    for (const [argv, message] of [
      [['--data', join(root, 'nowhere'), join(root, 'x')], 'holds no sync store'],
      [['--data', dataDir, file], 'is a file; a backup needs a directory'],
      [['--data', dataDir, join(root, 'copy')], 'already exists'],
      [['--data', dataDir], 'Missing the directory'],
    ] as const) {
      const { code, out, err } = await run(['backup', ...argv]);
      expect([code, out, err.length], message).toEqual([2, [], 1]);
      expect(err[0]).toContain(message);
    }
    expect(existsSync(join(root, 'x'))).toBe(false);
  });
});
