// Point-in-time restore through a running server: a board cleared by mistake comes back to two
// connected stock clients within seconds, work added after the moment stays (unless --exact), and
// a third officer who was offline converges when he reconnects. Plus `history` and bad input.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addChecklistItem, createTask, type EditContext } from '../../shared/board/operations.ts';
import { readBoard } from '../../shared/board/reader.ts';
import { taskDescription } from '../../shared/board/layout.ts';
import { vietnamInstant } from '../../sync-server/history.ts';
import { SqliteStore } from '../../sync-server/sqlite-store.ts';
import { startSyncServer, type RunningSyncServer } from '../../sync-server/server.ts';
import { connectSynced, disconnect, freePort, tempDir, testSecret, waitFor, waitSaved, withSyncServer, type Client } from '../../test-support/sync-server.ts';
import { signToken } from '../../sync-server/token.ts';
import { runCommand as run } from '../run-command.ts';

const unit = 'so-tu-phap';
const dataDir = tempDir('restore');
let server: RunningSyncServer;
withSyncServer(dataDir, (started) => {
  server = started;
});

const day = 24 * 3600 * 1000;

/** A store whose updates of 40 days ago were folded out of a 30-day history. */
async function foldedStore(): Promise<string> {
  const dir = tempDir('restore-folded');
  const doc = new Y.Doc();
  doc.getMap('fields').set('t1', 'cũ');
  const store = new SqliteStore(dir, { historyDays: 30 });
  await store.append([{ room: unit, update: Y.encodeStateAsUpdate(doc), user: 'lan', at: Date.now() - 40 * day }]);
  await store.compact(unit);
  await store.close();
  return dir;
}

const token = (user: string, role: 'editor' | 'viewer' = 'editor', forUnit = unit) => signToken({ unit: forUnit, user, role }, testSecret);
const edit = (user: string): EditContext => ({ user, at: '2026-12-01T09:00:00+07:00', origin: user });
const titles = (client: Client) => readBoard(client.doc).tasks.map((task) => task.title).sort();

/** A buggy client: every entry of every top-level map deleted, every text emptied. */
function clearEverything(doc: Y.Doc): void {
  doc.transact(() => {
    for (const name of ['tasks', 'fields', 'checklists', 'comments']) {
      const map = doc.getMap(name);
      for (const key of [...map.keys()]) map.delete(key);
    }
    for (const name of [...doc.share.keys()].filter((key) => key.startsWith('task.description:'))) {
      const text = doc.getText(name);
      text.delete(0, text.length);
    }
  });
}

describe('tthc-desk restore', () => {
  it('brings a cleared board back to connected and offline officers, keeping later work unless --exact', async () => {
    const lan = await connectSynced(server.url, unit, await token('lan'), { ack: '1' });
    const binh = await connectSynced(server.url, unit, await token('binh'), { ack: '1' });
    const chi = await connectSynced(server.url, unit, await token('chi'), { ack: '1' });
    const planned = ['Công bố TTHC mới', 'Rà soát thủ tục', 'Báo cáo quý'];
    const ids = planned.map((title) => createTask(lan.doc, { title }, edit('lan')));
    addChecklistItem(lan.doc, ids[0]!, 'Gọi Sở Tư pháp', edit('lan'));
    taskDescription(lan.doc, ids[0]!).insert(0, 'Đăng trước thứ Sáu');
    await waitSaved(lan);
    await waitFor(() => titles(binh).length === 3 && titles(chi).length === 3, 'colleagues to see the tasks');
    const beforeMistake = Date.now();
    await waitFor(() => Date.now() > beforeMistake, 'the clock to move past the moment');

    // Chi goes offline; Binh's client clears the board; Lan adds a task after the mistake.
    chi.provider.disconnect();
    clearEverything(binh.doc);
    await waitSaved(binh);
    await waitFor(() => titles(lan).length === 0, 'the clear to reach Lan');
    createTask(lan.doc, { title: 'Việc thêm sau' }, edit('lan'));
    createTask(chi.doc, { title: 'Làm khi mất mạng' }, edit('chi'));
    await waitSaved(lan);

    const restored = await run(['restore', '--unit', unit, '--data', dataDir, '--at', vietnamInstant(beforeMistake), '--url', server.url, '--token', await token('truong-phong')]);
    expect(restored.err).toEqual([]);
    expect(restored.code).toBe(0);
    expect(restored.out[0]).toContain(`Restored unit ${unit}`);
    const expected = [...planned, 'Việc thêm sau'].sort();
    await waitFor(() => titles(lan).join() === expected.join() && titles(binh).join() === expected.join(), 'both connected officers to see the board back', 5000);
    const restoredTask = readBoard(binh.doc).tasks.find((task) => task.id === ids[0]);
    expect(restoredTask?.checklist.map((item) => item.text)).toEqual(['Gọi Sở Tư pháp']);
    expect(taskDescription(binh.doc, ids[0]!).toString()).toBe('Đăng trước thứ Sáu');

    chi.provider.connect();
    const everything = [...expected, 'Làm khi mất mạng'].sort();
    await waitFor(() => titles(chi).join() === everything.join() && titles(lan).join() === everything.join(), 'the offline officer to converge');

    // --exact: what was added after the moment goes too.
    const exact = await run(['restore', '--unit', unit, '--data', dataDir, '--at', vietnamInstant(beforeMistake), '--url', server.url, '--token', await token('truong-phong'), '--exact']);
    expect(exact.code).toBe(0);
    await waitFor(() => [lan, binh, chi].every((client) => titles(client).join() === [...planned].sort().join()), 'everyone to see exactly the old board');

    const history = await run(['history', '--unit', unit, '--data', dataDir, '--json']);
    expect(history.code).toBe(0);
    const moments = JSON.parse(history.out.join('')) as { at: string; user: string; updates: number }[];
    // Chi's offline task reached the server only when he reconnected, after the first restore.
    expect(moments.map((moment) => moment.user)).toEqual(['lan', 'binh', 'lan', 'truong-phong', 'chi', 'truong-phong']);
    expect(moments.every((moment) => !Number.isNaN(Date.parse(moment.at)) && moment.updates > 0)).toBe(true);
    disconnect(lan, binh, chi);
  }, 60_000);

  it('lists the moments as text, newest last', async () => {
    const { code, out } = await run(['history', '--unit', unit, '--data', dataDir]);
    expect(code).toBe(0);
    expect(out[0]).toMatch(/^Lịch sử thay đổi của đơn vị so-tu-phap/);
    expect(out[0]).toMatch(/\+07:00 {2}truong-phong {2}\d+ cập nhật \/ \d+ updates$/);
  });

  it('GET /history gives the same moments to an editor of the unit, and refuses viewers and others', async () => {
    const base = server.url.replace(/^ws/, 'http');
    const get = async (unitName: string, bearer?: string) => {
      const response = await fetch(`${base}/history?unit=${unitName}`, bearer ? { headers: { Authorization: `Bearer ${bearer}` } } : {});
      return { status: response.status, body: (await response.json()) as { moments?: unknown; reason?: string } };
    };
    const cli = JSON.parse((await run(['history', '--unit', unit, '--data', dataDir, '--json'])).out.join(''));
    const editor = await get(unit, await token('truong-phong'));
    expect(editor.status).toBe(200);
    expect(editor.body.moments).toEqual(cli);
    expect(await get(unit, await token('xem', 'viewer'))).toEqual({ status: 403, body: { reason: 'not_editor' } });
    expect(await get(unit, await token('lan', 'editor', 'khac'))).toEqual({ status: 403, body: { reason: 'wrong_unit' } });
    expect(await get(unit)).toEqual({ status: 401, body: { reason: 'missing' } });
  });

  it('GET /history/document gives an editor the board at a moment; a bad time is 400, a moment before the history 409', async () => {
    const folded = await startSyncServer({ port: 0, dataDir: await foldedStore(), secret: testSecret, historyDays: 30 });
    try {
      const base = folded.url.replace(/^ws/, 'http');
      const get = async (at: string, bearer: string) =>
        fetch(`${base}/history/document?unit=${unit}&at=${encodeURIComponent(at)}`, { headers: { Authorization: `Bearer ${bearer}` } });
      const lead = await token('truong-phong');
      const now = await get(vietnamInstant(Date.now()), lead);
      expect(now.status).toBe(200);
      const board = new Y.Doc();
      Y.applyUpdate(board, new Uint8Array(await now.arrayBuffer()));
      expect(board.getMap('fields').get('t1')).toBe('cũ');
      const badTime = await get('hôm qua', lead);
      expect({ status: badTime.status, body: await badTime.json() }).toEqual({ status: 400, body: { reason: 'bad_time' } });
      const beforeHistory = await get(vietnamInstant(Date.now() - 50 * day), lead);
      expect(beforeHistory.status).toBe(409);
      expect(await beforeHistory.json()).toEqual({ reason: 'before_history', since: expect.stringMatching(/\+07:00$/) });
      const viewer = await get(vietnamInstant(Date.now()), await token('xem', 'viewer'));
      expect({ status: viewer.status, body: await viewer.json() }).toEqual({ status: 403, body: { reason: 'not_editor' } });
    } finally {
      await folded.close();
    }
  });

  it('refuses each bad input in one sentence, exit 2, storing nothing', async () => {
    const now = vietnamInstant(Date.now());
    const editor = await token('lan');
    const cases: [string[], string][] = [
      [['--at', 'hôm qua', '--url', server.url, '--token', editor, '--data', dataDir], 'Time "hôm qua" is not valid'],
      [['--at', '2026-02-30T10:00', '--url', server.url, '--token', editor, '--data', dataDir], 'is not valid'],
      [['--at', vietnamInstant(Date.now() - 45 * day), '--url', server.url, '--token', editor, '--data', await foldedStore()], 'the history is kept only since'],
      [['--at', now, '--url', 'http://localhost:1', '--token', editor, '--data', dataDir], 'Server address "http://localhost:1" is not valid'],
      [['--at', now, '--url', server.url, '--token', await token('xem', 'viewer'), '--data', dataDir], 'A restore needs an editor token'],
      [['--at', now, '--url', server.url, '--token', await token('lan', 'editor', 'khac'), '--data', dataDir], 'The token is not for unit'],
      [['--at', now, '--url', server.url, '--token', 'not-a-token', '--data', dataDir], 'refused the token: it is not valid'],
      [['--at', now, '--url', `ws://127.0.0.1:${await freePort()}`, '--token', editor, '--data', dataDir], 'Cannot reach server'],
      [['--at', now, '--url', server.url, '--token', editor], 'Give exactly one source'],
    ];
    const stored = async () => JSON.parse((await run(['history', '--unit', unit, '--data', dataDir, '--json'])).out.join('')) as unknown[];
    const before = await stored();
    for (const [argv, message] of cases) {
      const { code, out, err } = await run(['restore', '--unit', unit, ...argv]);
      expect([code, out, err.length], message).toEqual([2, [], 1]);
      expect(err[0]).toContain(message);
    }
    expect(await stored()).toEqual(before);
    const unknown = await run(['history', '--unit', 'khong-co', '--data', dataDir]);
    expect([unknown.code, unknown.err.length]).toEqual([2, 1]);
    expect(unknown.err[0]).toContain(unit);
  });
});
