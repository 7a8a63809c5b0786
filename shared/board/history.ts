// Undo and redo of one's own edits: the UndoManager tracks only the session's origin, so undoing
// never reverts a colleague's change that arrived through sync.
import * as Y from 'yjs';

export function createUndoManager(doc: Y.Doc, origin: unknown): Y.UndoManager {
  return new Y.UndoManager(doc, { trackedOrigins: new Set([origin]), captureTimeout: 400 });
}
