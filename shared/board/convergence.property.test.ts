// Replicas of one board apply random operations while partitioned into random groups that merge
// among themselves; after a final merge every replica must show the same board, holding every task
// any replica created exactly once and every comment posted.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { taskDescription } from './layout.ts';
import {
  addChecklistItem, addColumn, archiveTask, assignTask, commentOnTask, createTask, moveTask, renameColumn, restoreTask, setChecklistItemDone,
  updateTask, type EditContext,
} from './operations.ts';
import { planTemplate2024 } from './plan-template.ts';
import { readBoard, readComments } from './reader.ts';
import { ensureDossierOverdueTask, plannedTasks, seedPlan } from './seeding.ts';
import { compareOrdered } from './ordering.ts';
import { LiveBoard } from './live-board.ts';

const COLUMNS = ['todo', 'doing', 'waiting', 'done'];
const PEOPLE = ['lan', 'minh', 'hoa'];
const DOSSIERS = ['000.00.53.H48-240312-0001', '000.00.53.H48-240312-0002'];

type Op =
  | { kind: 'create'; title: string }
  | { kind: 'seedPlan' }
  | { kind: 'overdue'; dossier: number }
  | { kind: 'move'; task: number; column: number; slot: number }
  | { kind: 'assign'; task: number; person: number; on: boolean }
  | { kind: 'comment'; task: number }
  | { kind: 'rename'; task: number; title: string }
  | { kind: 'describe'; task: number; at: number; text: string }
  | { kind: 'archive'; task: number; archived: boolean }
  | { kind: 'renameColumn'; column: number; title: string }
  | { kind: 'addColumn'; title: string }
  | { kind: 'check'; task: number; item: number; done: boolean };



const pick = fc.nat(1000);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('create' as const), title: fc.string({ minLength: 1, maxLength: 6 }).filter((s) => s.trim() !== '') }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'seedPlan' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('overdue' as const), dossier: fc.nat(DOSSIERS.length - 1) }) },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('move' as const), task: pick, column: fc.nat(COLUMNS.length - 1), slot: pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('assign' as const), task: pick, person: fc.nat(PEOPLE.length - 1), on: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('comment' as const), task: pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('rename' as const), task: pick, title: fc.constantFrom('A', 'B', 'C') }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('describe' as const), task: pick, at: pick, text: fc.constantFrom('x', 'yz', 'đơn') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('archive' as const), task: pick, archived: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('renameColumn' as const), column: fc.nat(COLUMNS.length - 1), title: fc.constantFrom('Việc gấp', 'Chờ Sở') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('addColumn' as const), title: fc.constantFrom('Theo dõi', 'Tạm dừng') }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('check' as const), task: pick, item: pick, done: fc.boolean() }) },
);

const scenarioArb = fc.integer({ min: 3, max: 5 }).chain((replicas) =>
  fc.record({
    replicas: fc.constant(replicas),
    steps: fc.array(
      fc.oneof(
        { weight: 4, arbitrary: fc.record({ kind: fc.constant('op' as const), replica: fc.nat(replicas - 1), op: opArb }) },
        // A random partition: each replica gets a group number; replicas in one group merge.
        { weight: 1, arbitrary: fc.record({ kind: fc.constant('merge' as const), groups: fc.array(fc.nat(2), { minLength: replicas, maxLength: replicas }) }) },
      ),
      { minLength: 1, maxLength: 24 },
    ),
  }),
);

function mergeAll(docs: Y.Doc[]): void {
  const updates = docs.map((doc) => Y.encodeStateAsUpdate(doc));
  for (const doc of docs) Y.applyUpdate(doc, Y.mergeUpdates(updates));
}

interface Ledger { tasks: Set<string>; comments: Map<string, number> }

function apply(doc: Y.Doc, replica: number, op: Op, ledger: Ledger, clock: number): void {
  const ctx: EditContext = { user: PEOPLE[replica % PEOPLE.length]!, at: new Date(Date.UTC(2024, 2, 12, 1, 0, clock)).toISOString(), origin: replica };
  const view = readBoard(doc).tasks;
  const task = 'task' in op && view.length > 0 ? view[op.task % view.length]! : null;
  switch (op.kind) {
    case 'create':
      ledger.tasks.add(createTask(doc, { title: op.title }, ctx));
      return;
    case 'seedPlan':
      seedPlan(doc, planTemplate2024, ctx);
      for (const task of plannedTasks(planTemplate2024)) ledger.tasks.add(task.id);
      return;
    case 'overdue':
      ledger.tasks.add(ensureDossierOverdueTask(doc, { code: DOSSIERS[op.dossier]!, procedureCode: null, appointmentOn: '2024-03-20' }, ctx));
      return;
    // Column names are unique per step: a replica refuses a name another shown column has.
    case 'renameColumn':
      renameColumn(doc, COLUMNS[op.column]!, `${op.title} ${clock}`, ctx);
      return;
    case 'addColumn':
      addColumn(doc, `${op.title} ${clock}`, ctx);
      return;
  }
  if (!task) return;
  switch (op.kind) {
    case 'move': {
      const column = COLUMNS[op.column]!;
      const others = view.filter((t) => t.column === column && t.id !== task.id && !t.archived);
      const slot = op.slot % (others.length + 1);
      moveTask(doc, task.id, { column, afterId: others[slot - 1]?.id ?? null, beforeId: others[slot]?.id ?? null }, ctx);
      return;
    }
    case 'assign': assignTask(doc, task.id, PEOPLE[op.person]!, op.on, ctx); return;
    case 'comment':
      commentOnTask(doc, task.id, `c${clock}`, ctx);
      ledger.comments.set(task.id, (ledger.comments.get(task.id) ?? 0) + 1);
      return;
    case 'rename': updateTask(doc, task.id, { title: op.title }, ctx); return;
    case 'describe': {
      const text = taskDescription(doc, task.id);
      doc.transact(() => text.insert(op.at % (text.length + 1), op.text), ctx.origin);
      return;
    }
    case 'archive': (op.archived ? archiveTask : restoreTask)(doc, task.id, ctx); return;
    case 'check': {
      // Adds an item, or ticks one already there: the live view must follow changes inside items.
      const items = task.checklist;
      if (items.length === 0 || op.item % 2 === 0) addChecklistItem(doc, task.id, `m${clock}`, ctx);
      else setChecklistItemDone(doc, task.id, items[op.item % items.length]!.id, op.done, ctx);
      return;
    }
  }
}

describe('board convergence under partitions', () => {
  it('3 to 5 replicas converge to one board, with no task lost or duplicated, and the live view matches (1,000 runs)', () => {
    fc.assert(
      fc.property(scenarioArb, ({ replicas, steps }) => {
        const docs = Array.from({ length: replicas }, () => new Y.Doc());
        const live = new LiveBoard(docs[0]!);
        const ledger: Ledger = { tasks: new Set(), comments: new Map() };
        steps.forEach((step, clock) => {
          if (step.kind === 'op') {
            apply(docs[step.replica]!, step.replica, step.op, ledger, clock);
          } else {
            for (const group of new Set(step.groups)) mergeAll(docs.filter((_, i) => step.groups[i] === group));
          }
        });
        mergeAll(docs);

        const views = docs.map((doc) => readBoard(doc));
        for (const view of views.slice(1)) expect(view).toEqual(views[0]);
        expect(live.view()).toEqual(views[0]);
        for (const doc of docs.slice(1)) expect(doc.getMap('tasks').toJSON()).toEqual(docs[0]!.getMap('tasks').toJSON());
        const board = views[0]!;
        expect(board.problems).toEqual([]);
        const ids = board.tasks.map((t) => t.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(new Set(ids)).toEqual(ledger.tasks);
        for (const column of board.columns) {
          const inColumn = board.tasks.filter((t) => t.column === column.id);
          for (let i = 1; i < inColumn.length; i++) expect(compareOrdered(inColumn[i - 1]!, inColumn[i]!)).toBeLessThan(0);
        }
        for (const [id, count] of ledger.comments) {
          for (const doc of docs) expect(readComments(doc, id).comments).toHaveLength(count);
        }
        for (const id of ids) {
          const texts = docs.map((doc) => taskDescription(doc, id).toString());
          expect(new Set(texts).size).toBe(1);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
