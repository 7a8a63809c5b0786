// Reverting as a new change: the edits bring back what the old state held in any top-level Y.Map,
// Y.Text or Y.Array (and the maps and texts nested in map values), keep what was added since
// unless `exact`, and merge with a replica that never saw them.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { diffSequences, revertTo } from './revert.ts';

/** A document with a nested map, a text and an array, and a copy of it as it is now. */
function scene(): { old: Y.Doc; current: Y.Doc } {
  const current = new Y.Doc();
  const fields = current.getMap('fields');
  fields.set('t1\u0001title', 'Công bố TTHC');
  fields.set('t2\u0001title', 'Rà soát');
  const item = new Y.Map<unknown>();
  item.set('text', 'Gọi Sở Tư pháp');
  item.set('done', false);
  current.getMap('checklists').set('t1\u0001i1', item);
  current.getText('task.description:t1').insert(0, 'Cần đăng trước 👍 thứ Sáu');
  current.getArray('log').push(['a', 'b', 'c']);
  const old = new Y.Doc();
  Y.applyUpdate(old, Y.encodeStateAsUpdate(current));
  return { old, current };
}

/** The mistakes and the later work done after the old moment. */
function damage(current: Y.Doc): void {
  const fields = current.getMap('fields');
  fields.delete('t2\u0001title');
  fields.set('t1\u0001title', 'xoá nhầm');
  fields.set('t3\u0001title', 'Việc mới');
  (current.getMap('checklists').get('t1\u0001i1') as Y.Map<unknown>).set('done', true);
  const text = current.getText('task.description:t1');
  text.delete(0, 9);
  text.insert(text.length, ' (gấp)');
  current.getArray('log').delete(1, 1);
  current.getArray('log').push(['d']);
}

function json(doc: Y.Doc) {
  return {
    fields: doc.getMap('fields').toJSON(),
    checklists: doc.getMap('checklists').toJSON(),
    text: doc.getText('task.description:t1').toString(),
    log: doc.getArray('log').toJSON(),
  };
}

describe('revertTo', () => {
  it('brings back deleted and changed values, text and items, keeping what was added since', () => {
    const { old, current } = scene();
    damage(current);
    const edits = revertTo(current, old, { exact: false });
    expect(edits).toBeGreaterThan(0);
    expect(json(current)).toEqual({
      fields: { 't1\u0001title': 'Công bố TTHC', 't2\u0001title': 'Rà soát', 't3\u0001title': 'Việc mới' },
      checklists: { 't1\u0001i1': { text: 'Gọi Sở Tư pháp', done: false } },
      text: 'Cần đăng trước 👍 thứ Sáu (gấp)',
      log: ['a', 'b', 'c', 'd'],
    });
    // The nested map is edited in place, not replaced: an officer's concurrent edit of it survives.
    expect(current.getMap('checklists').get('t1\u0001i1')).toBeInstanceOf(Y.Map);
  });

  it('with exact, removes what was added since too', () => {
    const { old, current } = scene();
    damage(current);
    revertTo(current, old, { exact: true });
    expect(json(current)).toEqual(json(old));
  });

  it('makes no edit when nothing changed', () => {
    const { old, current } = scene();
    expect(revertTo(current, old, { exact: true })).toBe(0);
  });

  it('rebuilds a map value that was a nested type, and its edit merges into a replica that never saw it', () => {
    const { old, current } = scene();
    const offline = new Y.Doc();
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(current));
    current.getMap('checklists').delete('t1\u0001i1');
    current.getText('task.description:t1').delete(0, current.getText('task.description:t1').length);
    const updates: Uint8Array[] = [];
    current.on('update', (update: Uint8Array) => updates.push(update));
    current.transact(() => revertTo(current, old, { exact: false }));
    // The offline replica made its own edit, then receives the clear and the restore.
    offline.getMap('fields').set('t4\u0001title', 'làm khi mất mạng');
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(current));
    expect(json(offline).checklists).toEqual({ 't1\u0001i1': { text: 'Gọi Sở Tư pháp', done: false } });
    expect(json(offline).text).toBe('Cần đăng trước 👍 thứ Sáu');
    expect(offline.getMap('fields').get('t4\u0001title')).toBe('làm khi mất mạng');
    expect(updates).toHaveLength(1);
  });
});

describe('diffSequences', () => {
  it('splits two sequences into common, removed and added runs', () => {
    const segments = diffSequences([...'abcdef'], [...'abXdfY'], (a, b) => a === b);
    expect(segments.map((s) => [s.side, s.items.join('')])).toEqual([
      ['both', 'ab'],
      ['current', 'X'],
      ['old', 'c'],
      ['both', 'd'],
      ['old', 'e'],
      ['both', 'f'],
      ['current', 'Y'],
    ]);
  });
});
