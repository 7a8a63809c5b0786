// Every change to a board goes through these functions: inputs are checked with zod, each runs in
// one transaction tagged with the caller's origin (so Y.UndoManager can undo one's own edits and
// nobody else's), and each stamps who changed the task and when.
import * as Y from 'yjs';
import { z } from 'zod';
import { t } from '../i18n/i18n.ts';
import { BoardInputError } from './errors.ts';
import {
  ASSIGNEE_PREFIX, LABEL_PREFIX, checklistMap, columnMap, commentMap, entryKey, splitEntryKey, taskFields, taskIndex,
  type TaskFields,
} from './layout.ts';
import { compareOrdered, orderBetween, orderForDrop, rekeyAfter, type Ordered } from './ordering.ts';
import {
  checklistTextSchema, columnIdSchema, columnTitleSchema, commentSchema, moveSchema, newTaskSchema, personSchema,
  taskChangesSchema, type Move, type NewTask, type Stamp, type TaskChanges,
} from './schema.ts';
import { effectivePosition, readColumns } from './reader.ts';

export interface EditContext {
  /** The officer's display name or account, as shown to colleagues. */
  user: string;
  /** Instant of the edit, ISO 8601 with offset. */
  at: string;
  /** Transaction origin: one per editing session, the key Y.UndoManager tracks. */
  origin: unknown;
}

const OWN_MESSAGES = new Set(['board.error.date', 'board.error.dateRange']);

/** The officer's name for what was refused: "title", "labels.0" and "links.dossierCode" read as the form's labels. */
function fieldName(path: readonly PropertyKey[], field: string | undefined): string {
  const name = field ?? path.filter((part): part is string => typeof part === 'string').join('.');
  return t(`board.field.${name || 'value'}`);
}

/** Validates an input; a refusal is one sentence naming the field and what to change. */
function parse<T extends z.ZodType>(schema: T, value: unknown, field?: string): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const name = fieldName(issue.path, field);
    if (OWN_MESSAGES.has(issue.message)) throw new BoardInputError(issue.message);
    if (issue.code === 'too_small' && issue.origin === 'string') throw new BoardInputError('board.error.empty', { field: name });
    if (issue.code === 'too_big' && issue.origin === 'string') throw new BoardInputError('board.error.tooLong', { field: name, max: Number(issue.maximum) });
    throw new BoardInputError('board.error.input', { field: name });
  }
  return result.data;
}

function stamp(ctx: EditContext): Stamp {
  return { by: ctx.user, at: ctx.at };
}

export function taskExists(doc: Y.Doc, id: string): boolean {
  return taskIndex(doc).has(id);
}

function requireTask(doc: Y.Doc, id: string): TaskFields {
  if (!taskExists(doc, id)) throw new BoardInputError('board.error.noTask');
  return taskFields(doc, id);
}

function requireColumn(doc: Y.Doc, column: string): void {
  if (!readColumns(doc).columns.some((c) => c.id === column && !c.archived)) throw new BoardInputError('board.error.noColumn');
}

/** Tasks of one column in board order, without `except`. O(tasks): used only when a key must be found. */
function columnOrder(doc: Y.Doc, column: string, except: string | null): Ordered[] {
  const out: Ordered[] = [];
  for (const id of taskIndex(doc).keys()) {
    if (id === except) continue;
    const fields = taskFields(doc, id);
    if (fields.get('archived') === true) continue;
    const position = effectivePosition((field) => fields.get(field));
    if (position.column === column) out.push({ id, order: position.order });
  }
  return out.sort(compareOrdered);
}

function randomId(): string {
  return crypto.randomUUID();
}

export interface Placement {
  /** An order key chosen by the caller (bulk import); otherwise the task goes to the end of its column. */
  order?: string;
}

export function createTask(doc: Y.Doc, input: NewTask, ctx: EditContext, placement: Placement = {}): string {
  const task = parse(newTaskSchema, input);
  const id = task.id ?? randomId();
  if (taskExists(doc, id)) throw new BoardInputError('board.error.exists');
  const column = task.column ?? readColumns(doc).columns[0]!.id;
  requireColumn(doc, column);
  const order = placement.order ?? orderBetween(columnOrder(doc, column, null).at(-1)?.order ?? null, null);
  doc.transact(() => {
    const fields = taskFields(doc, id);
    // Only what differs from the defaults is written (not archived, no due date, no links, updated
    // = created): fewer entries make a large board open faster.
    fields.set('title', task.title);
    fields.set('position', { column, order });
    if (task.due) fields.set('due', task.due);
    if (task.links && Object.keys(task.links).length > 0) fields.set('links', task.links);
    fields.set('created', stamp(ctx));
    for (const person of task.assignees ?? []) fields.set(ASSIGNEE_PREFIX + person, true);
    for (const label of task.labels ?? []) fields.set(LABEL_PREFIX + label, true);
    taskIndex(doc).set(id, 1);
  }, ctx.origin);
  return id;
}

export function updateTask(doc: Y.Doc, id: string, input: TaskChanges, ctx: EditContext): void {
  const changes = parse(taskChangesSchema, input);
  const fields = requireTask(doc, id);
  doc.transact(() => {
    if (changes.title !== undefined) fields.set('title', changes.title);
    if (changes.due !== undefined) fields.set('due', changes.due);
    if (changes.links !== undefined) fields.set('links', changes.links);
    for (const label of changes.addLabels ?? []) fields.set(LABEL_PREFIX + label, true);
    for (const label of changes.removeLabels ?? []) fields.set(LABEL_PREFIX + label, false);
    fields.set('updated', stamp(ctx));
  }, ctx.origin);
}

export function moveTask(doc: Y.Doc, id: string, input: Move, ctx: EditContext): void {
  const move = parse(moveSchema, input);
  const fields = requireTask(doc, id);
  requireColumn(doc, move.column);
  const neighbour = (other: string | null): Ordered | null => {
    if (other === null || other === id || !taskExists(doc, other)) return null;
    const fields = taskFields(doc, other);
    const position = effectivePosition((field) => fields.get(field));
    return position.column === move.column ? { id: other, order: position.order } : null;
  };
  const previous = neighbour(move.afterId);
  const next = neighbour(move.beforeId);
  const fits = previous === null || next === null || compareOrdered(previous, next) < 0;
  const order = fits ? orderForDrop(previous, next, id) : null;
  doc.transact(() => {
    if (order !== null) {
      fields.set('position', { column: move.column, order });
    } else {
      // The neighbours tie (or the UI's view was stale): re-key the moved task and the tied tail.
      const column = columnOrder(doc, move.column, id);
      const start = previous ? column.findIndex((task) => task.id === previous.id) + 1 : 0;
      const tail = column.slice(start);
      const [own, ...rest] = rekeyAfter(previous, tail);
      fields.set('position', { column: move.column, order: own! });
      rest.forEach((key, i) => {
        const tied = tail[i]!;
        taskFields(doc, tied.id).set('position', { column: move.column, order: key });
      });
    }
    fields.set('updated', stamp(ctx));
  }, ctx.origin);
}

export function assignTask(doc: Y.Doc, id: string, person: string, assigned: boolean, ctx: EditContext): void {
  const who = parse(personSchema, person, 'person');
  const fields = requireTask(doc, id);
  doc.transact(() => {
    fields.set(ASSIGNEE_PREFIX + who, assigned);
    fields.set('updated', stamp(ctx));
  }, ctx.origin);
}

export function commentOnTask(doc: Y.Doc, id: string, text: string, ctx: EditContext): string {
  const body = parse(commentSchema, text, 'comment');
  requireTask(doc, id);
  const commentId = randomId();
  doc.transact(() => {
    commentMap(doc).set(entryKey(id, commentId), { id: commentId, author: ctx.user, at: ctx.at, text: body });
  }, ctx.origin);
  return commentId;
}

function setArchived(doc: Y.Doc, id: string, archived: boolean, ctx: EditContext): void {
  const fields = requireTask(doc, id);
  doc.transact(() => {
    fields.set('archived', archived);
    fields.set('updated', stamp(ctx));
  }, ctx.origin);
}

export function archiveTask(doc: Y.Doc, id: string, ctx: EditContext): void {
  setArchived(doc, id, true, ctx);
}

export function restoreTask(doc: Y.Doc, id: string, ctx: EditContext): void {
  setArchived(doc, id, false, ctx);
}

export function addChecklistItem(doc: Y.Doc, id: string, text: string, ctx: EditContext): string {
  const body = parse(checklistTextSchema, text, 'checklist');
  requireTask(doc, id);
  const checklist = checklistMap(doc);
  const last = [...checklist.entries()]
    .filter(([key]) => splitEntryKey(key)?.[0] === id)
    .map(([, item]) => (item instanceof Y.Map ? item.get('order') : null))
    .filter((order): order is string => typeof order === 'string')
    .sort()
    .at(-1);
  const itemId = randomId();
  doc.transact(() => {
    const item = new Y.Map<unknown>();
    checklist.set(entryKey(id, itemId), item);
    item.set('text', body);
    item.set('done', false);
    item.set('order', orderBetween(last ?? null, null));
    taskFields(doc, id).set('updated', stamp(ctx));
  }, ctx.origin);
  return itemId;
}

export function setChecklistItemDone(doc: Y.Doc, id: string, itemId: string, done: boolean, ctx: EditContext): void {
  requireTask(doc, id);
  const item = checklistMap(doc).get(entryKey(id, itemId));
  if (!(item instanceof Y.Map)) throw new BoardInputError('board.error.noChecklistItem');
  doc.transact(() => {
    item.set('done', done);
    taskFields(doc, id).set('updated', stamp(ctx));
  }, ctx.origin);
}

export function removeChecklistItem(doc: Y.Doc, id: string, itemId: string, ctx: EditContext): void {
  requireTask(doc, id);
  const checklist = checklistMap(doc);
  if (!checklist.has(entryKey(id, itemId))) throw new BoardInputError('board.error.noChecklistItem');
  doc.transact(() => {
    checklist.delete(entryKey(id, itemId));
    taskFields(doc, id).set('updated', stamp(ctx));
  }, ctx.origin);
}

/** A column title that is not empty and not the name of another shown column (compared as officers read them). */
function columnTitle(doc: Y.Doc, title: string, except: string | null): string {
  const name = parse(columnTitleSchema, title, 'columnTitle');
  const key = (value: string) => value.normalize('NFC').trim().toLocaleLowerCase('vi');
  const clash = readColumns(doc).columns.find((c) => !c.archived && c.id !== except && key(c.title) === key(name));
  if (clash) throw new BoardInputError('board.error.columnExists', { title: clash.title });
  return name;
}

/** Adds a column after the last one. */
export function addColumn(doc: Y.Doc, title: string, ctx: EditContext): string {
  const name = columnTitle(doc, title, null);
  const last = readColumns(doc).columns.at(-1)?.order ?? null;
  const id = randomId();
  doc.transact(() => {
    columnMap(doc).set(id, { title: name, order: orderBetween(last, null), archived: false });
  }, ctx.origin);
  return id;
}

function writeColumn(doc: Y.Doc, column: string, change: { title?: string; archived?: boolean }, ctx: EditContext): void {
  const id = parse(columnIdSchema, column, 'column');
  const current = readColumns(doc).columns.find((c) => c.id === id);
  if (!current) throw new BoardInputError('board.error.noColumn');
  const stored = columnMap(doc).get(id) as { title?: unknown } | undefined;
  doc.transact(() => {
    columnMap(doc).set(id, {
      title: change.title ?? (typeof stored?.title === 'string' ? stored.title : null),
      order: current.order,
      archived: change.archived ?? current.archived,
    });
  }, ctx.origin);
}

export function renameColumn(doc: Y.Doc, column: string, title: string, ctx: EditContext): void {
  writeColumn(doc, column, { title: columnTitle(doc, title, column) }, ctx);
}

/**
 * Hides an empty column. One that still holds tasks is refused: the officer moves them first, so no
 * task changes column unseen. (A task moved into it concurrently shows in the first column.)
 */
export function archiveColumn(doc: Y.Doc, column: string, ctx: EditContext): void {
  const shown = readColumns(doc).columns.filter((c) => !c.archived);
  if (shown.length <= 1) throw new BoardInputError('board.error.lastColumn');
  const held = columnOrder(doc, column, null).length;
  const title = shown.find((c) => c.id === column)?.title;
  if (held > 0 && title !== undefined) throw new BoardInputError('board.error.columnNotEmpty', { title, count: held });
  writeColumn(doc, column, { archived: true }, ctx);
}

/** Shows a hidden column again in its old place; refused when a shown column has taken its name meanwhile. */
export function restoreColumn(doc: Y.Doc, column: string, ctx: EditContext): void {
  const id = parse(columnIdSchema, column, 'column');
  const hidden = readColumns(doc).columns.find((c) => c.id === id);
  if (!hidden) throw new BoardInputError('board.error.noColumn');
  columnTitle(doc, hidden.title, id);
  writeColumn(doc, id, { archived: false }, ctx);
}

