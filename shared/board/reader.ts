// Reads a board out of its Y.Doc for display. Whatever is stored, the reader returns a usable
// board: a malformed entry (an old version's shape, a bug, a hand-edited export) falls back to a
// default and is listed in `problems`, so the officer sees the rest and a report of what was skipped.
import * as Y from 'yjs';
import { t } from '../i18n/i18n.ts';
import {
  ASSIGNEE_PREFIX, LABEL_PREFIX, checklistMap, columnMap, commentMap, fieldMap, splitEntryKey, taskIndex,
} from './layout.ts';
import { AUTOMATIC_TASK_ORDER, compareOrdered, isOrderKey, orderSequence } from './ordering.ts';
import { planTemplate2024, type PlanItem } from './plan-template.ts';
import {
  linksSchema, seedSchema, storedColumnSchema, storedCommentSchema,
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

/** The built-in plan's item a task links to; none for a task seeded from another year's plan, whose ids mean other items. */
export function builtInPlanItemOf(task: Pick<BoardTask, 'links' | 'seed'>): PlanItem | null {
  if (!task.links.planItem) return null;
  if (task.seed?.kind === 'plan-task' && task.seed.year !== planTemplate2024.year) return null;
  return planItem(task.links.planItem);
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

/** A task's stored fields, by name. */
export type FieldGetter = (field: string) => unknown;

/** Everything stored for one task, gathered from the board's keyed maps. */
export interface TaskSource {
  fields: Map<string, unknown>;
  checklist: Map<string, unknown>;
  comments: Set<string>;
}

export function emptySource(): TaskSource {
  return { fields: new Map(), checklist: new Map(), comments: new Set() };
}

/** Every task's stored entries, in one pass over each map. */
export function readSources(doc: Y.Doc): Map<string, TaskSource> {
  const sources = new Map<string, TaskSource>();
  const source = (id: string) => {
    let found = sources.get(id);
    if (!found) sources.set(id, (found = emptySource()));
    return found;
  };
  for (const id of taskIndex(doc).keys()) source(id);
  const each = (map: Y.Map<unknown>, add: (target: TaskSource, part: string, value: unknown, key: string) => void) => {
    for (const [key, value] of map.entries()) {
      const split = splitEntryKey(key);
      if (split && sources.has(split[0])) add(source(split[0]), split[1], value, key);
    }
  };
  each(fieldMap(doc), (target, field, value) => target.fields.set(field, value));
  each(checklistMap(doc), (target, item, value) => target.checklist.set(item, value));
  each(commentMap(doc), (target, _comment, _value, key) => target.comments.add(key));
  return sources;
}

// Hand-written guards for the fields every task has: zod on each of them would dominate opening a
// large board. The rarer shapes (seed, links, columns, comments) go through their zod schemas.
function isPosition(value: unknown): value is { column: string; order: string } {
  const position = value as { column?: unknown; order?: unknown } | null;
  return typeof position === 'object' && position !== null && typeof position.column === 'string' && position.column !== '' && isOrderKey(position.order);
}

function isStamp(value: unknown): value is { by: string; at: string } {
  const stamp = value as { by?: unknown; at?: unknown } | null;
  return typeof stamp === 'object' && stamp !== null && typeof stamp.by === 'string' && typeof stamp.at === 'string';
}

function readSeed(fields: FieldGetter): TaskSeed | null {
  const raw = fields('seed');
  if (raw === undefined) return null;
  const parsed = seedSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

function seedPosition(seed: TaskSeed | null): { column: string; order: string } {
  // Occurrences of a built-in item sit at its place in the plan, in id order (Q1…Q4, Y; M01…M12).
  const builtIn = seed?.kind === 'plan' || (seed?.kind === 'plan-task' && seed.year === planTemplate2024.year);
  if (builtIn) return { column: 'todo', order: planItems.get(seed.item)?.order ?? AUTOMATIC_TASK_ORDER };
  return { column: 'todo', order: AUTOMATIC_TASK_ORDER };
}

/** Where a task sits: its stored position, or the place its seed gives it before anyone moved it. */
export function effectivePosition(fields: FieldGetter): { column: string; order: string } {
  const stored = fields('position');
  if (isPosition(stored)) return stored;
  return seedPosition(readSeed(fields));
}

function seedTitle(seed: TaskSeed | null): string {
  if (!seed) return '';
  switch (seed.kind) {
    case 'plan': return planItems.get(seed.item)?.item.content ?? seed.item;
    case 'plan-task': return seed.title;
    case 'dossier-overdue': return t('board.auto.dossierOverdue', { dossier: seed.dossierCode });
    case 'publication-step': return t('board.auto.publicationStep', { procedure: seed.procedureCode, step: t(`board.step.${seed.step}`) });
  }
}

function seedDue(seed: TaskSeed | null): string | null {
  if (!seed) return null;
  switch (seed.kind) {
    case 'plan': return planItems.get(seed.item)?.item.due ?? null;
    case 'plan-task': return seed.due;
    case 'dossier-overdue': return seed.appointmentOn;
    case 'publication-step': return seed.due;
  }
}

function seedLinks(seed: TaskSeed | null): BoardTask['links'] {
  if (!seed) return {};
  switch (seed.kind) {
    case 'plan':
    case 'plan-task': return { planItem: seed.item };
    case 'dossier-overdue': return seed.procedureCode ? { dossierCode: seed.dossierCode, procedureCode: seed.procedureCode } : { dossierCode: seed.dossierCode };
    case 'publication-step': return { procedureCode: seed.procedureCode };
  }
}

function readChecklist(checklist: Map<string, unknown>, id: string, problems: BoardProblem[]): ChecklistItem[] {
  const items: ChecklistItem[] = [];
  for (const [itemId, value] of checklist) {
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

function readTask(id: string, source: TaskSource, problems: BoardProblem[]): BoardTask {
  const get: FieldGetter = (field) => source.fields.get(field);
  const seed = readSeed(get);
  if (source.fields.has('seed') && !seed) problems.push({ taskId: id, field: 'seed', detail: 'malformed seed' });
  const report = (field: string) => problems.push({ taskId: id, field, detail: `malformed ${field}` });

  const title = get('title');
  if (title !== undefined && typeof title !== 'string') report('title');
  const position = get('position');
  if (position !== undefined && !isPosition(position)) report('position');
  const due = get('due');
  if (due !== undefined && due !== null && !(typeof due === 'string' && isCalendarDate(due))) report('due');
  const links = get('links');
  const parsedLinks = links === undefined ? null : linksSchema.safeParse(links);
  if (parsedLinks && !parsedLinks.success) report('links');
  const created = get('created');
  const updated = get('updated');

  const assignees: string[] = [];
  const labels: string[] = [];
  for (const [key, value] of source.fields) {
    if (value !== true) continue;
    if (key.startsWith(ASSIGNEE_PREFIX)) assignees.push(key.slice(ASSIGNEE_PREFIX.length));
    else if (key.startsWith(LABEL_PREFIX)) labels.push(key.slice(LABEL_PREFIX.length));
  }
  const { column, order } = effectivePosition(get);
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
    created: isStamp(created) ? created : null,
    updated: isStamp(updated) ? updated : isStamp(created) ? created : null,
    archived: get('archived') === true,
    checklist: readChecklist(source.checklist, id, problems),
    commentCount: source.comments.size,
  };
}

export interface TaskEntry { task: BoardTask; problems: BoardProblem[] }

/** One task as stored, with what was wrong in it; every field falls back to a usable default. */
export function readTaskEntry(id: string, indexed: unknown, source: TaskSource): TaskEntry {
  const problems: BoardProblem[] = [];
  if (indexed !== 1) problems.push({ taskId: id, field: 'index', detail: 'malformed index entry' });
  return { task: readTask(id, source, problems), problems };
}

/** Where tasks are shown: active columns in order; a task of an unknown or archived column shows in the first. */
export class Placement {
  readonly active: BoardColumn[];
  readonly hidden: BoardColumn[];
  private readonly known: Set<string>;
  private readonly rank: Map<string, number>;
  private readonly first: string;

  constructor(columns: BoardColumn[]) {
    this.active = columns.filter((c) => !c.archived);
    this.hidden = columns.filter((c) => c.archived);
    this.known = new Set(columns.map((c) => c.id));
    this.rank = new Map(this.active.map((c, i) => [c.id, i]));
    this.first = this.active[0]?.id ?? DEFAULT_COLUMNS[0];
  }

  /** The task as shown, and its problems (an unknown column is one). */
  place(entry: TaskEntry): TaskEntry {
    const { task } = entry;
    const problems = this.known.has(task.column)
      ? entry.problems
      : [...entry.problems, { taskId: task.id, field: 'position', detail: `unknown column ${task.column}` }];
    return { task: this.rank.has(task.column) ? task : { ...task, column: this.first }, problems };
  }

  columnRank(column: string): number {
    return this.rank.get(column) ?? 0;
  }

  compare = (a: BoardTask, b: BoardTask): number => this.columnRank(a.column) - this.columnRank(b.column) || compareOrdered(a, b);
}

/** The board from its columns and tasks: active columns in order, tasks grouped by column in board order. */
export function assembleBoard(read: { columns: BoardColumn[]; problems: BoardProblem[] }, entries: Iterable<TaskEntry>): BoardView {
  const placement = new Placement(read.columns);
  const problems = [...read.problems];
  const tasks: BoardTask[] = [];
  for (const entry of entries) {
    const placed = placement.place(entry);
    problems.push(...placed.problems);
    tasks.push(placed.task);
  }
  tasks.sort(placement.compare);
  return { columns: placement.active, hiddenColumns: placement.hidden, tasks, problems };
}

export function readBoard(doc: Y.Doc): BoardView {
  const index = taskIndex(doc);
  const entries = [...readSources(doc)].map(([id, source]) => readTaskEntry(id, index.get(id), source));
  return assembleBoard(readColumns(doc), entries);
}

/** Comments of one task, oldest first; malformed entries are skipped and reported. */
export function readComments(doc: Y.Doc, id: string): { comments: TaskComment[]; problems: BoardProblem[] } {
  const comments: TaskComment[] = [];
  const problems: BoardProblem[] = [];
  for (const [key, value] of commentMap(doc).entries()) {
    if (splitEntryKey(key)?.[0] !== id) continue;
    const parsed = storedCommentSchema.safeParse(value);
    if (parsed.success) comments.push(parsed.data);
    else problems.push({ taskId: id, field: 'comment', detail: 'malformed comment' });
  }
  comments.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { comments, problems };
}
