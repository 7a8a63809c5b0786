// When the sync server refuses what this replica sent (it closes the connection: 1009 for a message
// over its size limit, or a close code with a reason for a quota or a rate limit), the officer is
// told why and which change it was: the largest edit the server has not acknowledged, named by the
// title of the task it touches.
import * as Y from 'yjs';
import { DESCRIPTION_PREFIX, FIELDS, CHECKLISTS, COMMENTS, TASK_INDEX, splitEntryKey } from '../../shared/board/layout.ts';
import { readBoard } from '../../shared/board/reader.ts';

/** WebSocket close code "Message Too Big" (RFC 6455 §7.4.1), what the server's ws sends past maxPayload. */
const MESSAGE_TOO_BIG = 1009;
const POLICY_VIOLATION = 1008;
const MAX_REASON_CHARS = 120;

export interface Refusal {
  /** "tooLarge", or the server's own reason for a quota or a rate limit. */
  reason: string;
  /** The title of the task the refused change touches; null when it touches none (a column, the board). */
  change: string | null;
}

/** The refusal a close means, or null for an ordinary close (network, restart, token). */
export function refusalReason(close: { code: number; reason: string }): string | null {
  if (close.code === MESSAGE_TOO_BIG) return 'tooLarge';
  const reason = close.reason.trim().slice(0, MAX_REASON_CHARS);
  if (reason === '') return null;
  return close.code === POLICY_VIOLATION || (close.code >= 4000 && close.code < 5000) ? reason : null;
}

/** The ids of the tasks an update writes to (entries of the task index, fields, comments, checklists, descriptions). */
export function touchedTasks(update: Uint8Array): string[] {
  const tasks = new Set<string>();
  for (const struct of Y.decodeUpdate(update).structs) {
    // A decoded item names its top-level type by name (a string); nested ones by an ID.
    const root = struct instanceof Y.Item ? (struct.parent as unknown) : null;
    if (!(struct instanceof Y.Item) || typeof root !== 'string') continue;
    const key = struct.parentSub;
    if (root === TASK_INDEX && key) tasks.add(key);
    else if ((root === FIELDS || root === COMMENTS || root === CHECKLISTS) && key) {
      const entry = splitEntryKey(key);
      if (entry) tasks.add(entry[0]);
    } else if (root.startsWith(DESCRIPTION_PREFIX)) tasks.add(root.slice(DESCRIPTION_PREFIX.length));
  }
  return [...tasks];
}

/** How the officer recognises the change: the title of the first task it touches that the board shows. */
export function describeChange(doc: Y.Doc, update: Uint8Array): string | null {
  const ids = new Set(touchedTasks(update));
  if (ids.size === 0) return null;
  const task = readBoard(doc).tasks.find((t) => ids.has(t.id));
  return task?.title ?? null;
}
