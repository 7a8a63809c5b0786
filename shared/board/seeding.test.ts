import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { commentOnTask, moveTask, updateTask, type EditContext } from './operations.ts';
import { planTemplate2024 } from './plan-template.ts';
import { readBoard, readComments } from './reader.ts';
import { ensureDossierOverdueTask, ensurePublicationStepTask, planTaskId, seedPlan } from './seeding.ts';

const ctx = (user: string, at = '2024-03-12T08:00:00+07:00'): EditContext => ({ user, at, origin: user });

function merge(docs: Y.Doc[]): void {
  const updates = docs.map((d) => Y.encodeStateAsUpdate(d));
  for (const d of docs) for (const u of updates) Y.applyUpdate(d, u);
}

describe('seeded tasks', () => {
  it('creates one task per plan item and per occurrence of a recurring one, in plan order, with its deadline and section link', () => {
    const doc = new Y.Doc();
    // 56 items; 11 of them recur: II.9 and IX.2 quarterly (4 each), V.4 and V.5 monthly (12 each),
    // VI.3, VI.6, VI.7, IX.1 in two quarters, XI.1–3 each quarter and the year (4 each): 45 + 52.
    expect(seedPlan(doc, planTemplate2024, ctx('lan'))).toBe(97);
    const tasks = readBoard(doc).tasks;
    expect([...new Set(tasks.map((t) => t.links.planItem))]).toEqual(planTemplate2024.sections.flatMap((s) => s.items.map((i) => i.id)));
    expect(tasks[0]).toMatchObject({ title: 'Kế hoạch hoạt động kiểm soát TTHC năm 2024 tỉnh Quảng Nam', due: '2024-03-05', column: 'todo' });
    expect(seedPlan(doc, planTemplate2024, ctx('lan'))).toBe(0);
  });

  it('ends with one task each when two officers seed the plan offline, keeping the edits each made after', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    seedPlan(a, planTemplate2024, ctx('lan'));
    seedPlan(b, planTemplate2024, ctx('minh', '2024-03-12T09:00:00+07:00'));
    const id = planTaskId(planTemplate2024, 'II.4');
    moveTask(a, id, { column: 'doing', afterId: null, beforeId: null }, ctx('lan'));
    updateTask(b, id, { title: 'Niêm yết TTHC mới (Sở Tư pháp)' }, ctx('minh'));
    commentOnTask(b, id, 'Đã nhận tài liệu', ctx('minh'));
    merge([a, b]);
    for (const doc of [a, b]) {
      const tasks = readBoard(doc).tasks;
      expect(tasks).toHaveLength(97);
      expect(tasks.find((t) => t.id === id)).toMatchObject({ column: 'doing', title: 'Niêm yết TTHC mới (Sở Tư pháp)' });
      expect(readComments(doc, id).comments).toHaveLength(1);
    }
    expect(readBoard(a)).toEqual(readBoard(b));
  });

  it('creates one automatic task per overdue dossier and per publication step, whoever sees it first', () => {
    const docs = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
    docs.forEach((doc, i) => {
      ensureDossierOverdueTask(doc, { code: '000.00.53.H48-240312-0001', procedureCode: '1.001612', appointmentOn: '2024-03-20' }, ctx(`o${i}`));
      ensurePublicationStepTask(doc, { procedureCode: '1.001612', step: 'posting', due: '2024-04-03' }, ctx(`o${i}`));
    });
    merge(docs);
    const tasks = readBoard(docs[0]!).tasks;
    expect(tasks.map((t) => t.title)).toEqual(['Hồ sơ 000.00.53.H48-240312-0001 quá hạn', 'Thủ tục 1.001612: niêm yết tại Bộ phận Một cửa']);
    expect(tasks.map((t) => t.due)).toEqual(['2024-03-20', '2024-04-03']);
    expect(readBoard(docs[1]!)).toEqual(readBoard(docs[2]!));
  });
});
