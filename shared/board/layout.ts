// Where a board lives inside its Y.Doc. Every task has its own top-level types, named after its
// id, rather than a Y.Map nested in a map of tasks: two officers who create the same task offline
// (a seeded plan item, an automatic task) then write into one shared type instead of two rival
// nested maps of which Yjs would keep one and drop the other's later edits.
import type * as Y from 'yjs';

/** id → 1 for every task ever created: concurrent sets of one id hold the same value. */
export const TASK_INDEX = 'tasks';
/** column id → stored column (overrides of the defaults, or a column added by an officer). */
export const COLUMNS = 'columns';

/** Top-level type names are a prefix and the task id, so a change can be traced back to its task. */
export const FIELDS_PREFIX = 'task:';
export const DESCRIPTION_PREFIX = 'task.description:';
export const COMMENTS_PREFIX = 'task.comments:';
export const CHECKLIST_PREFIX = 'task.checklist:';
const TASK_PREFIXES = [FIELDS_PREFIX, DESCRIPTION_PREFIX, COMMENTS_PREFIX, CHECKLIST_PREFIX];

/** The task a top-level type belongs to, from its name; null for the index and the columns. */
export function taskIdOfTypeName(name: string): string | null {
  const prefix = TASK_PREFIXES.find((p) => name.startsWith(p));
  return prefix ? name.slice(prefix.length) : null;
}

export function taskFields(doc: Y.Doc, id: string): Y.Map<unknown> {
  return doc.getMap(`${FIELDS_PREFIX}${id}`);
}

export function taskDescription(doc: Y.Doc, id: string): Y.Text {
  return doc.getText(`${DESCRIPTION_PREFIX}${id}`);
}

/** Append-only: comments are only ever pushed. */
export function taskComments(doc: Y.Doc, id: string): Y.Array<unknown> {
  return doc.getArray(`${COMMENTS_PREFIX}${id}`);
}

/** item id → Y.Map { text, done, order }; item ids are random, so no two officers create the same one. */
export function taskChecklist(doc: Y.Doc, id: string): Y.Map<unknown> {
  return doc.getMap(`${CHECKLIST_PREFIX}${id}`);
}

export function taskIndex(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(TASK_INDEX);
}

export function columnMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(COLUMNS);
}

/** Sets (assignees, labels) are flag keys on the task's map, so adding two people at once keeps both. */
export const ASSIGNEE_PREFIX = 'assignee:';
export const LABEL_PREFIX = 'label:';
