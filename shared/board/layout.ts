// Where a board lives inside its Y.Doc. A handful of top-level types hold every task, each entry
// keyed by task id and what it is ("<id>\u0001title"): a task is never a nested Y.Map, because two
// officers who create the same task offline (a seeded plan item, an automatic task) would create
// two rival nested maps, of which Yjs keeps one and drops the other together with the edits made
// in it. With flat keys their writes land on the same keys and merge field by field. (Top-level
// types per task would merge too, but Yjs looks a top-level type's name up by scanning every
// top-level type when it encodes, which is quadratic on a board of thousands of tasks.)
import type * as Y from 'yjs';

/** id → 1 for every task ever created: concurrent sets of one id hold the same value. */
export const TASK_INDEX = 'tasks';
/** column id → stored column (overrides of the defaults, or a column added by an officer). */
export const COLUMNS = 'columns';
/** "<task>\u0001<field>" → value: title, position, due, archived, links, seed, created, updated, assignee:<who>, label:<name>. */
export const FIELDS = 'fields';
/** "<task>\u0001<item>" → Y.Map { text, done, order }; item ids are random, so no two officers create the same one. */
export const CHECKLISTS = 'checklists';
/** "<task>\u0001<comment>" → { id, author, at, text }: append-only, comment ids are random. */
export const COMMENTS = 'comments';
/** A task's description is a top-level Y.Text, created only when someone first writes one. */
export const DESCRIPTION_PREFIX = 'task.description:';

const SEPARATOR = '\u0001';

export const ASSIGNEE_PREFIX = 'assignee:';
export const LABEL_PREFIX = 'label:';

export function entryKey(taskId: string, part: string): string {
  return `${taskId}${SEPARATOR}${part}`;
}

/** [task id, part] of an entry key; null for a key that is not one. */
export function splitEntryKey(key: string): [string, string] | null {
  const at = key.indexOf(SEPARATOR);
  return at < 0 ? null : [key.slice(0, at), key.slice(at + 1)];
}

export function taskIndex(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(TASK_INDEX);
}

export function columnMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(COLUMNS);
}

export function fieldMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(FIELDS);
}

export function checklistMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(CHECKLISTS);
}

export function commentMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(COMMENTS);
}

/** One task's fields, read and written through the shared field map. */
export class TaskFields {
  private readonly map: Y.Map<unknown>;
  private readonly id: string;
  constructor(doc: Y.Doc, id: string) {
    this.map = fieldMap(doc);
    this.id = id;
  }
  get(field: string): unknown {
    return this.map.get(entryKey(this.id, field));
  }
  has(field: string): boolean {
    return this.map.has(entryKey(this.id, field));
  }
  set(field: string, value: unknown): void {
    this.map.set(entryKey(this.id, field), value);
  }
}

export function taskFields(doc: Y.Doc, id: string): TaskFields {
  return new TaskFields(doc, id);
}

export function taskDescription(doc: Y.Doc, id: string): Y.Text {
  return doc.getText(`${DESCRIPTION_PREFIX}${id}`);
}
