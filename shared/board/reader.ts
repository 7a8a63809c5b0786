// Reads a board out of its Y.Doc for display. Whatever is stored, the reader returns a usable
// board: a malformed entry (an old version's shape, a bug, a hand-edited export) falls back to a
// default and is listed in `problems`, so the officer sees the rest and a report of what was skipped.
import * as Y from 'yjs';
import { t } from '../i18n/i18n.ts';
import { ASSIGNEE_PREFIX, LABEL_PREFIX, columnMap, taskChecklist, taskComments, taskFields, taskIndex } from './layout.ts';
import { AUTOMATIC_TASK_ORDER, compareOrdered, isOrderKey, orderSequence } from './ordering.ts';
import { planTemplate2024, type PlanItem } from './plan-template.ts';
import {
  linksSchema, seedSchema, storedColumnSchema, storedCommentSchema, storedPositionSchema, storedStampSchema,
  type BoardColumn, type BoardProblem, type BoardTask, type BoardView, type ChecklistItem, type TaskComment,
  type TaskSeed,
} from './schema.ts';
import { isCalendarDate } from '../time/dates.ts';

/** The four columns every board starts with; stored entries only override or add to them. */
export const DEFAULT_COLUMNS = ['todo', 'doing', 'waiting', 'done'] as const;
const defaultColumnOrders = orderSequence(DEFAULT_COLUMNS.length);

const planItems = new Map<string, { item: PlanItem; order: string }>();
{
  const items = planTemplate2024.sections.flatMap((section) => section.items);
  const orders = orderSequence(items.length);
  items.forEach((item, i) => planItems.set(item.id, { item, order: orders[i]! }));
}

export function planItem(id: string): PlanItem | null {
  return planItems.get(id)?.item ?? null;
}

export function readColumns(doc: Y.Doc): { columns: BoardColumn[]; problems: BoardProblem[] } {
  const problems: BoardProblem[] = [];
  const byId = new Map<string, BoardColumn>();
  DEFAULT_COLUMNS.forEach((id, i) => {
    byId.set(id, { id, title: t(`board.column.${id}`), order: defaultColumnOrders[i]!, archived: false });
  });
  for (const [id, value] of columnMap(doc).entries()) {
    const stored = storedColumnSchema.safeParse(value);
    if (!stored.success || !isOrderKey(stored.data.order)) {
      problems.push({ taskId: null, field: `column ${id}`, detail: 'malformed column' });
      continue;
    }
    const fallback = byId.get(id)?.title ?? id;
    byId.set(id, { id, title: stored.data.title ?? fallback, order: stored.data.order, archived: stored.data.archived });
  }
  const columns = [...byId.values()].sort((a, b) => compareOrdered(a, b));
  return { columns, problems };
}

function readSeed(fields: Y.Map<unknown>): TaskSeed | null {
  const parsed = seedSchema.safeParse(fields.get('seed'));
  return parsed.success ? parsed.data : null;
}

function seedPosition(seed: TaskSeed | null): { column: string; order: string } {
  if (seed?.kind === 'plan') return { column: 'todo', order: planItems.get(seed.item)?.order ?? AUTOMATIC_TASK_ORDER };
  return { column: 'todo', order: AUTOMATIC_TASK_ORDER };
}

/** Where a task sits: its stored position, or the place its seed gives it before anyone moved it. */
export function effectivePosition(_id: string, fields: Y.Map<unknown>): { column: string; order: string } {
  const stored = storedPositionSchema.safeParse(fields.get('position'));
  if (stored.success && isOrderKey(stored.data.order)) return stored.data;
  return seedPosition(readSeed(fields));
}

function seedTitle(seed: TaskSeed | null): string {
  if (!seed) return '';
  switch (seed.kind) {
    case 'plan': return planItems.get(seed.item)?.item.content ?? seed.item;
    case 'dossier-overdue': return t('board.auto.dossierOverdue', { dossier: seed.dossierCode });
    case 'publication-step': return t('board.auto.publicationStep', { procedure: seed.procedureCode, step: t(`board.step.${seed.step}`) });
  }
}

function seedDue(seed: TaskSeed | null): string | null {
  if (!seed) return null;
  switch (seed.kind) {
    case 'plan': return planItems.get(seed.item)?.item.due ?? null;
    case 'dossier-overdue': return seed.appointmentOn;
    case 'publication-step': return seed.due;
  }
}

function seedLinks(seed: TaskSeed | null): BoardTask['links'] {
  if (!seed) return {};
  switch (seed.kind) {
    case 'plan': return { planItem: seed.item };
    case 'dossier-overdue': return seed.procedureCode ? { dossierCode: seed.dossierCode, procedureCode: seed.procedureCode } : { dossierCode: seed.dossierCode };
    case 'publication-step': return { procedureCode: seed.procedureCode };
  }
}

function readChecklist(doc: Y.Doc, id: string, problems: BoardProblem[]): ChecklistItem[] {
  const items: ChecklistItem[] = [];
  for (const [itemId, value] of taskChecklist(doc, id).entries()) {
    const text = value instanceof Y.Map ? value.get('text') : undefined;
    const order = value instanceof Y.Map ? value.get('order') : undefined;
    if (typeof text !== 'string' || !isOrderKey(order)) {
      problems.push({ taskId: id, field: 'checklist', detail: `malformed item ${itemId}` });
      continue;
    }
    items.push({ id: itemId, text, done: (value as Y.Map<unknown>).get('done') === true, order });
  }
  return items.sort(compareOrdered);
}

function readTask(doc: Y.Doc, id: string, problems: BoardProblem[]): BoardTask {
  const fields = taskFields(doc, id);
  const seed = readSeed(fields);
  if (fields.has('seed') && !seed) problems.push({ taskId: id, field: 'seed', detail: 'malformed seed' });
  const report = (field: string) => problems.push({ taskId: id, field, detail: `malformed ${field}` });

  const title = fields.get('title');
  if (title !== undefined && typeof title !== 'string') report('title');
  const position = fields.get('position');
  if (position !== undefined && !(storedPositionSchema.safeParse(position).success && isOrderKey((position as { order: unknown }).order))) report('position');
  const due = fields.get('due');
  if (due !== undefined && due !== null && !(typeof due === 'string' && isCalendarDate(due))) report('due');
  const links = fields.get('links');
  const parsedLinks = links === undefined ? null : linksSchema.safeParse(links);
  if (parsedLinks && !parsedLinks.success) report('links');
  const created = storedStampSchema.safeParse(fields.get('created'));
  const updated = storedStampSchema.safeParse(fields.get('updated'));

  const assignees: string[] = [];
  const labels: string[] = [];
  for (const [key, value] of fields.entries()) {
    if (value !== true) continue;
    if (key.startsWith(ASSIGNEE_PREFIX)) assignees.push(key.slice(ASSIGNEE_PREFIX.length));
    else if (key.startsWith(LABEL_PREFIX)) labels.push(key.slice(LABEL_PREFIX.length));
  }
  const { column, order } = effectivePosition(id, fields);
  return {
    id,
    title: typeof title === 'string' ? title : seedTitle(seed),
    column,
    order,
    assignees: assignees.sort(),
    due: typeof due === 'string' && isCalendarDate(due) ? due : due === null ? null : seedDue(seed),
    labels: labels.sort(),
    links: parsedLinks?.success ? parsedLinks.data : seedLinks(seed),
    seed,
    created: created.success ? created.data : null,
    updated: updated.success ? updated.data : null,
    archived: fields.get('archived') === true,
    checklist: readChecklist(doc, id, problems),
    commentCount: taskComments(doc, id).length,
  };
}

export interface TaskEntry { task: BoardTask; problems: BoardProblem[] }

/** One task as stored, with what was wrong in it; every field falls back to a usable default. */
export function readTaskEntry(doc: Y.Doc, id: string): TaskEntry {
  const problems: BoardProblem[] = [];
  const indexed = taskIndex(doc).get(id);
  if (indexed !== 1) problems.push({ taskId: id, field: 'index', detail: 'malformed index entry' });
  return { task: readTask(doc, id, problems), problems };
}

/**
 * The board from its columns and tasks: active columns in order, and tasks grouped by column in
 * board order. A task whose column is unknown or archived shows in the first active column
 * (unknown ones reported).
 */
export function assembleBoard(read: { columns: BoardColumn[]; problems: BoardProblem[] }, entries: Iterable<TaskEntry>): BoardView {
  const problems = [...read.problems];
  const active = read.columns.filter((c) => !c.archived);
  const known = new Set(read.columns.map((c) => c.id));
  const columnRank = new Map(active.map((c, i) => [c.id, i]));
  const first = active[0]?.id ?? DEFAULT_COLUMNS[0];
  const tasks: BoardTask[] = [];
  for (const entry of entries) {
    problems.push(...entry.problems);
    const { task } = entry;
    if (!known.has(task.column)) problems.push({ taskId: task.id, field: 'position', detail: `unknown column ${task.column}` });
    tasks.push(columnRank.has(task.column) ? task : { ...task, column: first });
  }
  tasks.sort((a, b) => (columnRank.get(a.column) ?? 0) - (columnRank.get(b.column) ?? 0) || compareOrdered(a, b));
  return { columns: active, tasks, problems };
}

export function readBoard(doc: Y.Doc): BoardView {
  const ids = [...taskIndex(doc).keys()];
  return assembleBoard(readColumns(doc), ids.map((id) => readTaskEntry(doc, id)));
}

/** Comments of one task, oldest first; malformed entries are skipped and reported. */
export function readComments(doc: Y.Doc, id: string): { comments: TaskComment[]; problems: BoardProblem[] } {
  const comments: TaskComment[] = [];
  const problems: BoardProblem[] = [];
  for (const value of taskComments(doc, id).toArray()) {
    const parsed = storedCommentSchema.safeParse(value);
    if (parsed.success) comments.push(parsed.data);
    else problems.push({ taskId: id, field: 'comment', detail: 'malformed comment' });
  }
  return { comments, problems };
}
