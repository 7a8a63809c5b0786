import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardInputError } from './errors.ts';
import { createUndoManager } from './history.ts';
import { taskDescription, taskFields, taskIndex, columnMap } from './layout.ts';
import {
  addChecklistItem, addColumn, archiveColumn, archiveTask, assignTask, commentOnTask, createTask, moveTask,
  renameColumn, restoreColumn, restoreTask, setChecklistItemDone, updateTask, type EditContext,
} from './operations.ts';
import { readBoard, readComments } from './reader.ts';

const at = '2024-03-12T08:15:30+07:00';
const ctx = (user = 'lan', origin: unknown = user): EditContext => ({ user, at, origin });

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

const titles = (doc: Y.Doc, column: string) => readBoard(doc).tasks.filter((t) => t.column === column).map((t) => t.title);

describe('board operations', () => {
  it('creates a task in the first column with who and when', () => {
    const doc = new Y.Doc();
    const id = createTask(doc, { title: 'Rà soát TTHC lĩnh vực đất đai', due: '2024-03-29', assignees: ['lan'], labels: ['II'] }, ctx());
    const [task] = readBoard(doc).tasks;
    expect(task).toMatchObject({ id, title: 'Rà soát TTHC lĩnh vực đất đai', column: 'todo', due: '2024-03-29', assignees: ['lan'], labels: ['II'], archived: false });
    expect(task!.created).toEqual({ by: 'lan', at });
  });

  it('refuses bad input with one sentence and changes nothing', () => {
    const doc = new Y.Doc();
    expect(() => createTask(doc, { title: '   ' }, ctx())).toThrow(BoardInputError);
    expect(() => createTask(doc, { title: 'x', due: '2024-02-30' }, ctx())).toThrow(/Ngày không hợp lệ/);
    expect(() => createTask(doc, { title: 'x', column: 'nowhere' }, ctx())).toThrow(/Không có cột/);
    expect(() => moveTask(doc, 'missing', { column: 'todo', afterId: null, beforeId: null }, ctx())).toThrow(/Không còn việc/);
    expect(readBoard(doc).tasks).toEqual([]);
  });

  it('moves between neighbours and to other columns, keeping the order everyone sees', () => {
    const doc = new Y.Doc();
    const [a, b, c] = ['A', 'B', 'C'].map((title) => createTask(doc, { title }, ctx()));
    moveTask(doc, c!, { column: 'todo', afterId: a!, beforeId: b! }, ctx());
    expect(titles(doc, 'todo')).toEqual(['A', 'C', 'B']);
    moveTask(doc, a!, { column: 'doing', afterId: null, beforeId: null }, ctx());
    expect(titles(doc, 'todo')).toEqual(['C', 'B']);
    expect(titles(doc, 'doing')).toEqual(['A']);
  });

  it('places a task between two tasks that tie on their key by re-keying the tie', () => {
    const doc = new Y.Doc();
    const [a, b, c] = ['A', 'B', 'C'].map((title, i) => createTask(doc, { id: `t${i}`, title }, ctx(), { order: 'a0' }));
    expect(titles(doc, 'todo')).toEqual(['A', 'B', 'C']);
    const d = createTask(doc, { id: 't9', title: 'D' }, ctx());
    moveTask(doc, d, { column: 'todo', afterId: a!, beforeId: b! }, ctx());
    expect(titles(doc, 'todo')).toEqual(['A', 'D', 'B', 'C']);
    expect(c).toBe('t2');
  });

  it('keeps both people when two officers assign different people at once', () => {
    const a = new Y.Doc();
    const id = createTask(a, { title: 'Niêm yết' }, ctx());
    const b = new Y.Doc();
    sync(a, b);
    assignTask(a, id, 'lan', true, ctx('lan'));
    assignTask(b, id, 'minh', true, ctx('minh'));
    sync(a, b);
    expect(readBoard(a).tasks[0]!.assignees).toEqual(['lan', 'minh']);
  });

  it('keeps every comment, with author and time, when two officers comment offline', () => {
    const a = new Y.Doc();
    const id = createTask(a, { title: 'Báo cáo quý' }, ctx());
    const b = new Y.Doc();
    sync(a, b);
    commentOnTask(a, id, 'Đã gửi bản nháp', ctx('lan'));
    commentOnTask(b, id, 'Cần số liệu tháng 3', ctx('minh'));
    sync(a, b);
    const comments = readComments(a, id).comments;
    expect(comments.map((c) => c.author).sort()).toEqual(['lan', 'minh']);
    expect(readComments(b, id).comments).toEqual(comments);
  });

  it('updates title, due date, labels and links; archives and restores', () => {
    const doc = new Y.Doc();
    const id = createTask(doc, { title: 'x', labels: ['old'] }, ctx());
    updateTask(doc, id, { title: 'Cập nhật CSDL quốc gia', due: '2024-04-05', addLabels: ['II'], removeLabels: ['old'], links: { procedureCode: '1.001612' } }, ctx('minh'));
    archiveTask(doc, id, ctx());
    let task = readBoard(doc).tasks[0]!;
    expect(task).toMatchObject({ title: 'Cập nhật CSDL quốc gia', due: '2024-04-05', labels: ['II'], links: { procedureCode: '1.001612' }, archived: true });
    restoreTask(doc, id, ctx());
    task = readBoard(doc).tasks[0]!;
    expect(task.archived).toBe(false);
  });

  it('keeps a checklist in order with its done marks', () => {
    const doc = new Y.Doc();
    const id = createTask(doc, { title: 'x' }, ctx());
    const first = addChecklistItem(doc, id, 'Dự thảo', ctx());
    addChecklistItem(doc, id, 'Trình ký', ctx());
    setChecklistItemDone(doc, id, first, true, ctx());
    expect(readBoard(doc).tasks[0]!.checklist.map((i) => [i.text, i.done])).toEqual([['Dự thảo', true], ['Trình ký', false]]);
  });

  it('has editable columns: defaults, renamed, added, hidden (a task moved into it meanwhile shows in the first column)', () => {
    const doc = new Y.Doc();
    const colleague = new Y.Doc();
    expect(readBoard(doc).columns.map((c) => c.title)).toEqual(['Cần làm', 'Đang làm', 'Chờ phối hợp', 'Hoàn thành']);
    renameColumn(doc, 'waiting', 'Chờ Sở TT&TT', ctx());
    const extra = addColumn(doc, 'Theo dõi', ctx());
    const id = createTask(doc, { title: 'x' }, ctx());
    expect(readBoard(doc).columns.map((c) => c.title)).toEqual(['Cần làm', 'Đang làm', 'Chờ Sở TT&TT', 'Hoàn thành', 'Theo dõi']);
    sync(doc, colleague);
    moveTask(colleague, id, { column: extra, afterId: null, beforeId: null }, ctx('minh'));
    archiveColumn(doc, extra, ctx());
    sync(doc, colleague);
    const view = readBoard(doc);
    expect(view.columns).toHaveLength(4);
    expect(view.tasks.find((t) => t.id === id)!.column).toBe('todo');
  });

  it('refuses to hide a column that still holds tasks, and keeps column and tasks as they were', () => {
    const doc = new Y.Doc();
    const extra = addColumn(doc, 'Theo dõi', ctx());
    const id = createTask(doc, { title: 'x', column: extra }, ctx());
    expect(() => archiveColumn(doc, extra, ctx())).toThrow('Cột "Theo dõi" còn 1 việc: chuyển các việc sang cột khác rồi mới ẩn cột.');
    expect(() => archiveColumn(doc, 'todo', ctx())).not.toThrow();
    const view = readBoard(doc);
    expect(view.columns.map((c) => c.id)).toEqual(['doing', 'waiting', 'done', extra]);
    expect(view.tasks.find((t) => t.id === id)!.column).toBe(extra);
  });

  it('lists hidden columns and shows one again in its old place, undoably; refused when its name was taken meanwhile', () => {
    const doc = new Y.Doc();
    const undo = createUndoManager(doc, 'lan');
    archiveColumn(doc, 'waiting', ctx());
    const extra = addColumn(doc, 'Theo dõi', ctx());
    archiveColumn(doc, extra, ctx());
    expect(readBoard(doc).hiddenColumns.map((c) => c.title)).toEqual(['Chờ phối hợp', 'Theo dõi']);
    undo.stopCapturing();
    restoreColumn(doc, 'waiting', ctx());
    expect(readBoard(doc).columns.map((c) => c.title)).toEqual(['Cần làm', 'Đang làm', 'Chờ phối hợp', 'Hoàn thành']);
    expect(readBoard(doc).hiddenColumns.map((c) => c.title)).toEqual(['Theo dõi']);
    undo.undo();
    expect(readBoard(doc).hiddenColumns.map((c) => c.title)).toEqual(['Chờ phối hợp', 'Theo dõi']);
    addColumn(doc, 'theo dõi', ctx());
    expect(() => restoreColumn(doc, extra, ctx())).toThrow('Đã có cột "theo dõi": chọn tên khác.');
    expect(() => restoreColumn(doc, 'no-such-column', ctx())).toThrow('Không có cột này trên bảng.');
    expect(readBoard(doc).hiddenColumns.map((c) => c.title)).toEqual(['Chờ phối hợp', 'Theo dõi']);
  });

  it('refuses an empty column name or one another shown column already has', () => {
    const doc = new Y.Doc();
    const extra = addColumn(doc, 'Theo dõi', ctx());
    expect(() => addColumn(doc, '   ', ctx())).toThrow('Mục "Tên cột" không được để trống.');
    expect(() => addColumn(doc, ' đang LÀM ', ctx())).toThrow('Đã có cột "Đang làm": chọn tên khác.');
    expect(() => renameColumn(doc, extra, 'Cần làm', ctx())).toThrow('Đã có cột "Cần làm": chọn tên khác.');
    expect(() => renameColumn(doc, 'todo', '', ctx())).toThrow('Mục "Tên cột" không được để trống.');
    renameColumn(doc, extra, 'theo dõi', ctx());
    expect(readBoard(doc).columns.map((c) => c.title)).toEqual(['Cần làm', 'Đang làm', 'Chờ phối hợp', 'Hoàn thành', 'theo dõi']);
  });

  it('names the field and the fix when a title is empty or too long, and stores nothing', () => {
    const doc = new Y.Doc();
    const id = createTask(doc, { title: 'Rà soát' }, ctx());
    expect(() => createTask(doc, { title: ' \n\t ' }, ctx())).toThrow('Mục "Tên việc" không được để trống.');
    expect(() => createTask(doc, { title: 'x'.repeat(10_000) }, ctx())).toThrow('Mục "Tên việc" dài quá 500 ký tự.');
    expect(() => updateTask(doc, id, { title: 'x'.repeat(10_000) }, ctx())).toThrow('Mục "Tên việc" dài quá 500 ký tự.');
    expect(() => commentOnTask(doc, id, '', ctx())).toThrow('Mục "Trao đổi" không được để trống.');
    expect(() => updateTask(doc, id, { addLabels: [' '] }, ctx())).toThrow('Mục "Nhãn" không được để trống.');
    expect(readBoard(doc).tasks.map((t) => t.title)).toEqual(['Rà soát']);
  });

  it('refuses a due date the working-day calendar (1990–2100) cannot count', () => {
    const doc = new Y.Doc();
    const id = createTask(doc, { title: 'x', due: '2024-03-29' }, ctx());
    for (const due of ['0999-05-01', '1989-12-31', '2101-01-01']) {
      expect(() => updateTask(doc, id, { due }, ctx()), due).toThrow('Hạn phải nằm trong các năm 1990–2100 (lịch ngày làm việc).');
    }
    for (const due of ['20245-01-01', '2024-02-30']) expect(() => updateTask(doc, id, { due }, ctx()), due).toThrow(/^Ngày không hợp lệ/);
    expect(readBoard(doc).tasks[0]!.due).toBe('2024-03-29');
    updateTask(doc, id, { due: '2100-12-31' }, ctx());
    expect(readBoard(doc).tasks[0]!.due).toBe('2100-12-31');
  });

  it('undoes and redoes only my own edits, not a colleague\'s that arrived meanwhile', () => {
    const mine = new Y.Doc();
    const theirs = new Y.Doc();
    const id = createTask(mine, { title: 'Kế hoạch' }, ctx('lan', 'setup'));
    sync(mine, theirs);
    const origin = { session: 'lan' };
    const undo = createUndoManager(mine, origin);
    updateTask(mine, id, { title: 'Kế hoạch 2024' }, ctx('lan', origin));
    undo.stopCapturing();
    commentOnTask(theirs, id, 'Đồng ý', ctx('minh'));
    taskDescription(theirs, id).insert(0, 'Ghi chú của Minh');
    sync(mine, theirs);
    undo.undo();
    expect(readBoard(mine).tasks[0]!.title).toBe('Kế hoạch');
    expect(readComments(mine, id).comments).toHaveLength(1);
    expect(taskDescription(mine, id).toString()).toBe('Ghi chú của Minh');
    undo.redo();
    expect(readBoard(mine).tasks[0]!.title).toBe('Kế hoạch 2024');
  });

  it('undoes a move of a task created after the undo manager started', () => {
    const doc = new Y.Doc();
    const origin = {};
    const undo = createUndoManager(doc, origin);
    const id = createTask(doc, { title: 'x' }, ctx('lan', 'other'));
    moveTask(doc, id, { column: 'done', afterId: null, beforeId: null }, ctx('lan', origin));
    undo.undo();
    expect(readBoard(doc).tasks[0]!.column).toBe('todo');
  });
});

describe('the reader', () => {
  it('opens a board with malformed entries, reporting each instead of crashing', () => {
    const doc = new Y.Doc();
    const good = createTask(doc, { title: 'Tốt' }, ctx());
    taskIndex(doc).set('broken', 1);
    const broken = taskFields(doc, 'broken');
    broken.set('title', 42);
    broken.set('position', { column: 'todo', order: '' });
    broken.set('due', '31/12/2024');
    broken.set('links', 'x');
    taskIndex(doc).set('odd', 'yes');
    taskFields(doc, 'odd').set('position', { column: 'vanished', order: 'a5' });
    columnMap(doc).set('bad', { title: 3 });
    const view = readBoard(doc);
    expect(view.tasks.map((t) => t.id).sort()).toEqual(['broken', 'odd', good].sort());
    const fields = view.problems.map((p) => `${p.taskId}:${p.field}`);
    expect(fields).toEqual(expect.arrayContaining(['broken:title', 'broken:position', 'broken:due', 'broken:links', 'odd:index', 'odd:position', 'null:column bad']));
    expect(view.tasks.find((t) => t.id === 'odd')!.column).toBe('todo');
  });
});
