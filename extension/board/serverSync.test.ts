// The board's connection to the real sync server (Node has WebSocket, fetch and BroadcastChannel):
// "saved" only on the server's acknowledgement, remote edits count as saved, a token of another
// unit reads as refused, a server that is down reads as offline, and backoff has jitter.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { startSyncServer, type RunningSyncServer } from '../../sync-server/server.ts';
import { HeldStore, waitFor as until } from '../../test-support/sync-server.ts';
import { signToken } from '../../sync-server/token.ts';
import { entryKey, fieldMap } from '../../shared/board/layout.ts';
import { createTask } from '../../shared/board/operations.ts';
import { readBoard } from '../../shared/board/reader.ts';
import { ServerSync, retryDelay } from './serverSync.ts';
import { checkToken, tokenUnit } from './tokenCheck.ts';
import { refusalReason, touchedTasks } from './refusedChange.ts';
import type { BoardSettings } from './boardSettings.ts';

const secret = 'server-sync-test-secret-0123456789';
const ctx = (user: string) => ({ user, at: '2024-03-12T08:00:00+07:00', origin: user });

describe('the board connection to the sync server', () => {
  let server: RunningSyncServer;
  let dataDir: string;
  const open: ServerSync[] = [];

  const replica = async (unit: string, unitOfToken = unit) => {
    const doc = new Y.Doc();
    const settings: BoardSettings = { server: server.url, unit, token: await signToken({ unit: unitOfToken, user: 'u', role: 'editor' }, secret), name: 'u' };
    const sync = new ServerSync(doc, new Awareness(doc), settings, () => undefined);
    open.push(sync);
    return { doc, sync, settings };
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tthc-server-sync-'));
    server = await startSyncServer({ port: 0, dataDir, secret });
  });
  afterAll(async () => {
    for (const sync of open) sync.destroy();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('reads "saved" once the server acknowledged, also for edits received from a colleague', async () => {
    const lan = await replica('unit-a');
    const minh = await replica('unit-a');
    await until(() => lan.sync.status().state === 'saved' && minh.sync.status().state === 'saved', 'both saved');
    createTask(lan.doc, { title: 'Báo cáo quý I' }, ctx('lan'));
    expect(lan.sync.status().state).toBe('saving');
    await until(() => readBoard(minh.doc).tasks.length === 1, 'the task at the colleague');
    // Later updates start past clock 0: they count as stored too.
    createTask(lan.doc, { title: 'Niêm yết' }, ctx('lan'));
    createTask(lan.doc, { title: 'Cập nhật CSDL' }, ctx('lan'));
    await until(() => readBoard(minh.doc).tasks.length === 3, 'the later tasks at the colleague');
    await until(() => lan.sync.status().state === 'saved', 'the author saved');
    await until(() => minh.sync.status().state === 'saved', 'the colleague saved');
  });

  it('reads "saved" when its own edit is acknowledged before a colleague edit it already received is stored', async () => {
    // The server relays an edit before storing it: Minh's acknowledgement can state less than
    // what Minh already holds from Lan. Appends are held here to make that order certain.
    const heldDir = mkdtempSync(join(tmpdir(), 'tthc-server-sync-held-'));
    const store = new HeldStore(heldDir, { holding: false });
    const held = await startSyncServer({ port: 0, dataDir: heldDir, secret }, { store });
    const at = async (user: string) => {
      const doc = new Y.Doc();
      const settings: BoardSettings = { server: held.url, unit: 'unit-h', token: await signToken({ unit: 'unit-h', user, role: 'editor' }, secret), name: user };
      return { doc, sync: new ServerSync(doc, new Awareness(doc), settings, () => undefined) };
    };
    const lan = await at('lan');
    const minh = await at('minh');
    try {
      await until(() => lan.sync.status().state === 'saved' && minh.sync.status().state === 'saved', 'both saved');
      store.hold();
      const before = store.appends;
      createTask(minh.doc, { title: 'Của Minh' }, ctx('minh'));
      await until(() => store.appends > before, 'Minh’s edit to be held at the store');
      createTask(lan.doc, { title: 'Của Lan' }, ctx('lan'));
      await until(() => readBoard(minh.doc).tasks.length === 2, 'Lan’s task at Minh, unstored');
      expect(minh.sync.status().state).toBe('saving');
      store.release();
      await until(() => minh.sync.status().state === 'saved' && lan.sync.status().state === 'saved', 'both saved again');
    } finally {
      lan.sync.destroy();
      minh.sync.destroy();
      await held.close();
      rmSync(heldDir, { recursive: true, force: true });
    }
  });

  it("learns from /auth/check whom the token names: the author of this officer's edits", async () => {
    const lan = await replica('unit-a');
    expect(await checkToken(lan.settings)).toEqual({ accepted: true, unit: 'unit-a', user: { sub: 'u', role: 'editor' } });
    await until(() => lan.sync.identity() !== null, 'the identity learned');
    expect(lan.sync.identity()).toEqual({ sub: 'u', role: 'editor' });
  });

  it('reads "refused" for a token of another unit, and /auth/check gives the reason', async () => {
    const intruder = await replica('unit-a', 'unit-b');
    await until(() => intruder.sync.status().state === 'refused', 'refused');
    expect(intruder.sync.status()).toEqual({ state: 'refused', reason: 'wrong_unit' });
    expect(await checkToken(intruder.settings)).toEqual({ accepted: false, reason: 'wrong_unit' });
    expect(tokenUnit(intruder.settings.token)).toBe('unit-b');
  });

  it('reads "offline" (not refused) when the server cannot be reached', async () => {
    const doc = new Y.Doc();
    const settings: BoardSettings = { server: 'ws://127.0.0.1:9', unit: 'unit-a', token: 'x', name: 'u' };
    const sync = new ServerSync(doc, new Awareness(doc), settings, () => undefined);
    open.push(sync);
    await until(() => sync.status().reason === 'unreachable', 'offline, no server at the address');
    expect(sync.status()).toEqual({ state: 'offline', reason: 'unreachable' });
    expect(await checkToken(settings)).toEqual({ unreachable: true });
  });

  it('says which change the server refused as too large, backs off further at each refusal, and recovers once the change is undone', async () => {
    const smallDir = mkdtempSync(join(tmpdir(), 'tthc-server-sync-small-'));
    const small = await startSyncServer({ port: 0, dataDir: smallDir, secret, limits: { maxMessageBytes: 16 * 1024 } });
    try {
      const doc = new Y.Doc();
      const settings: BoardSettings = { server: small.url, unit: 'unit-a', token: await signToken({ unit: 'unit-a', user: 'u', role: 'editor' }, secret), name: 'u' };
      const sync = new ServerSync(doc, new Awareness(doc), settings, () => undefined);
      open.push(sync);
      await until(() => sync.status().state === 'saved', 'saved at first');
      const id = createTask(doc, { title: 'Báo cáo quý I' }, ctx('lan'));
      await until(() => sync.status().state === 'saved', 'the task saved');
      // A change past the server's limit (as an older version could make): written under the operations' bounds.
      fieldMap(doc).set(entryKey(id, 'note'), 'x'.repeat(64 * 1024));
      await until(() => sync.status().rejected !== undefined, 'the refusal shown');
      expect(sync.status().rejected).toEqual({ reason: 'tooLarge', change: 'Báo cáo quý I' });
      // Each reconnection is refused again: the backoff grows instead of starting over.
      await until(() => sync.failedAttempts >= 3, 'three refusals in a row', 20_000);
      expect(sync.status().rejected?.reason).toBe('tooLarge');
      // Undone (Yjs keeps only the length of deleted content), the board is saved again.
      fieldMap(doc).delete(entryKey(id, 'note'));
      await until(() => sync.status().state === 'saved' && sync.status().rejected === undefined, 'saved after undoing', 40_000);
      expect(sync.failedAttempts).toBe(0);
    } finally {
      await small.close();
      rmSync(smallDir, { recursive: true, force: true });
    }
  }, 60_000);

  it('reads a close as a refusal only for a message too big or a reason the server gives', () => {
    expect(refusalReason({ code: 1009, reason: '' })).toBe('tooLarge');
    expect(refusalReason({ code: 4429, reason: 'rate limit' })).toBe('rate limit');
    expect(refusalReason({ code: 1008, reason: 'room quota' })).toBe('room quota');
    expect(refusalReason({ code: 1006, reason: '' })).toBeNull();
    expect(refusalReason({ code: 1001, reason: 'going away' })).toBeNull();
  });

  it('finds the tasks an update touches', () => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    const id = createTask(doc, { title: 'Niêm yết' }, ctx('lan'));
    expect(touchedTasks(updates[0]!)).toEqual([id]);
  });

  it('backs off exponentially with jitter, capped at 30 s', () => {
    expect(retryDelay(0, () => 0)).toBe(250);
    expect(retryDelay(0, () => 1)).toBe(500);
    expect(retryDelay(3, () => 0.5)).toBe(3000);
    expect(retryDelay(20, () => 1)).toBe(30_000);
  });
});
