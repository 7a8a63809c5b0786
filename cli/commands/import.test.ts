// Disaster recovery: a unit exported from one store is imported into an empty one and exports the
// same again; an officer's own copy of the old board then merges without duplicating anything.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addChecklistItem, createTask, type EditContext } from '../../shared/board/operations.ts';
import { taskDescription } from '../../shared/board/layout.ts';
import { readBoard } from '../../shared/board/reader.ts';
import { startSyncServer } from '../../sync-server/server.ts';
import { SqliteStore } from '../../sync-server/sqlite-store.ts';
import { connect, disconnect, tempDir, testSecret, waitFor } from '../../test-support/sync-server.ts';
import { signToken } from '../../sync-server/token.ts';
import { runCommand as run } from '../run-command.ts';

const root = tempDir('import');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const edit: EditContext = { user: 'lan', at: '2026-12-01T09:00:00+07:00', origin: 'lan' };

/** A stored board with a nested checklist item and a description, as officers make them. */
async function storedBoard(dir: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const id = createTask(doc, { title: 'Công bố TTHC mới', labels: ['gấp'] }, edit);
  createTask(doc, { title: 'Rà soát thủ tục' }, edit);
  addChecklistItem(doc, id, 'Gọi Sở Tư pháp', edit);
  taskDescription(doc, id).insert(0, 'Đăng trước thứ Sáu');
  const store = new SqliteStore(dir);
  await store.append([{ room: 'unit-a', update: Y.encodeStateAsUpdate(doc), user: 'lan', at: Date.now() }]);
  await store.close();
  return doc;
}

describe('tthc-desk import', () => {
  it('loads an export into an empty unit that exports the same again, and officers copies merge without duplicates', async () => {
    const source = join(root, 'source');
    const original = await storedBoard(source);
    const exported = await run(['export', '--unit', 'unit-a', '--data', source]);
    expect(exported.code).toBe(0);
    const file = join(root, 'unit-a.json');
    writeFileSync(file, exported.out.join(''));

    const target = join(root, 'target');
    const imported = await run(['import', '--unit', 'unit-a', '--data', target, file]);
    expect(imported.err).toEqual([]);
    expect(imported.code).toBe(0);
    const again = await run(['export', '--unit', 'unit-a', '--data', target]);
    expect(JSON.parse(again.out.join(''))).toEqual(JSON.parse(exported.out.join('')));

    // An officer still holding the board from before the disaster reconnects to the new server.
    const server = await startSyncServer({ port: 0, dataDir: target, secret: testSecret });
    const officer = connect(server.url, 'unit-a', await signToken({ unit: 'unit-a', user: 'lan', role: 'editor' }, testSecret));
    Y.applyUpdate(officer.doc, Y.encodeStateAsUpdate(original));
    await waitFor(() => officer.provider.synced, 'the officer to sync');
    const board = readBoard(officer.doc);
    expect(board.tasks.map((task) => task.title).sort()).toEqual(['Công bố TTHC mới', 'Rà soát thủ tục']);
    expect(board.tasks.find((task) => task.title === 'Công bố TTHC mới')?.checklist.map((item) => item.text)).toEqual(['Gọi Sở Tư pháp']);
    expect(taskDescription(officer.doc, board.tasks[0]!.id).toString() + taskDescription(officer.doc, board.tasks[1]!.id).toString()).toBe('Đăng trước thứ Sáu');
    disconnect(officer);
    await server.close();
  });

  it('refuses a unit that already holds data, and a file that is not an export, exit 2, storing nothing', async () => {
    const dir = join(root, 'full');
    await storedBoard(dir);
    const file = join(root, 'again.json');
    writeFileSync(file, (await run(['export', '--unit', 'unit-a', '--data', dir])).out.join(''));
    const before = readFileSync(join(dir, 'tthc-desk-sync.sqlite'));
    const full = await run(['import', '--unit', 'unit-a', '--data', dir, file]);
    expect([full.code, full.out, full.err.length]).toEqual([2, [], 1]);
    expect(full.err[0]).toContain('Unit unit-a already holds data');

    const notExport = join(root, 'board.json');
    writeFileSync(notExport, JSON.stringify({ unit: 'unit-a', types: {} }));
    const garbage = join(root, 'garbage.json');
    writeFileSync(garbage, JSON.stringify({ state: Buffer.from('không phải Yjs').toString('base64') }));
    mkdirSync(join(root, 'empty'), { recursive: true });
    for (const [argv, message] of [
      [['--unit', 'unit-b', '--data', dir, notExport], 'is not one written by tthc-desk export'],
      [['--unit', 'unit-b', '--data', dir, garbage], 'is not one written by tthc-desk export'],
      [['--unit', 'unit-b', '--data', dir], 'Missing the file to import'],
      [['--unit', 'unit-b', '--data', dir, join(root, 'nowhere.json')], 'nowhere.json'],
      [['--unit', 'unit-b', file], 'Give exactly one source'],
    ] as const) {
      const { code, out, err } = await run(['import', ...argv]);
      expect([code, out, err.length], message).toEqual([2, [], 1]);
      expect(err[0]).toContain(message);
    }
    expect(readFileSync(join(dir, 'tthc-desk-sync.sqlite'))).toEqual(before);
  });
});
