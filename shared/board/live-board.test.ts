// The live view follows deletions too: a task whose entries a colleague, a buggy client or an undone
// creation removed leaves the view, and one brought back (a restore) returns, as a fresh read shows.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LiveBoard } from './live-board.ts';
import { createUndoManager } from './history.ts';
import { addColumn, createTask } from './operations.ts';
import { readBoard } from './reader.ts';

const ctx = (origin: object = {}) => ({ user: 'lan', at: '2026-12-01T09:00:00+07:00', origin });
const titles = (view: { tasks: { title: string }[] }) => view.tasks.map((task) => task.title).sort();

/** Removes every key of every top-level map, as a buggy client would. */
function emptyMaps(doc: Y.Doc): void {
  doc.transact(() => {
    for (const name of [...doc.share.keys()]) {
      const map = doc.getMap(name);
      for (const key of [...map.keys()]) map.delete(key);
    }
  });
}

describe('the live board view', () => {
  it('drops the tasks a remote change deleted and shows them again when they come back', () => {
    const doc = new Y.Doc();
    createTask(doc, { title: 'Công bố' }, ctx());
    createTask(doc, { title: 'Rà soát' }, ctx());
    const live = new LiveBoard(doc);
    const before = Y.encodeStateAsUpdate(doc);
    const remote = new Y.Doc();
    Y.applyUpdate(remote, before);
    emptyMaps(remote);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(doc)));
    expect(readBoard(doc).tasks).toEqual([]);
    expect(titles(live.view())).toEqual([]);
    expect(live.view()).toEqual(readBoard(doc));

    createTask(doc, { title: 'Rà soát' }, ctx());
    expect(titles(live.view())).toEqual(['Rà soát']);
    expect(live.view()).toEqual(readBoard(doc));
    live.destroy();
  });

  it('drops an undone creation, also when the same change touched the columns', () => {
    const doc = new Y.Doc();
    const origin = { session: 'lan' };
    const undo = createUndoManager(doc, origin);
    const live = new LiveBoard(doc);
    createTask(doc, { title: 'Báo cáo tháng' }, ctx(origin));
    undo.stopCapturing();
    doc.transact(() => {
      addColumn(doc, 'Chờ ký', ctx(origin));
      createTask(doc, { title: 'Trình ký' }, ctx(origin));
    }, origin);
    expect(titles(live.view())).toEqual(['Báo cáo tháng', 'Trình ký']);
    undo.undo();
    expect(titles(live.view())).toEqual(['Báo cáo tháng']);
    expect(live.view()).toEqual(readBoard(doc));
    undo.undo();
    expect(titles(live.view())).toEqual([]);
    live.destroy();
  });
});
