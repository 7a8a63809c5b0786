// A board view kept up to date as the doc changes: after each transaction only the tasks it
// touched are read again, so a move on a 10,000-task board costs one task read and one sort,
// not a read of the whole board.
import type * as Y from 'yjs';
import { COLUMNS, TASK_INDEX, taskIdOfTypeName, taskIndex } from './layout.ts';
import { assembleBoard, readColumns, readTaskEntry, type TaskEntry } from './reader.ts';
import type { BoardView } from './schema.ts';

type AnyType = Y.AbstractType<unknown>;

export class LiveBoard {
  private readonly doc: Y.Doc;
  private readonly entries = new Map<string, TaskEntry>();
  private columns: ReturnType<typeof readColumns>;
  private names = new Map<AnyType, string>();
  private cached: BoardView | null = null;
  private readonly listeners = new Set<(view: BoardView) => void>();
  private readonly onTransaction = (transaction: Y.Transaction) => this.apply(transaction);

  constructor(doc: Y.Doc) {
    this.doc = doc;
    this.columns = readColumns(doc);
    for (const id of taskIndex(doc).keys()) this.entries.set(id, readTaskEntry(doc, id));
    doc.on('afterTransaction', this.onTransaction);
  }

  view(): BoardView {
    this.cached ??= assembleBoard(this.columns, this.entries.values());
    return this.cached;
  }

  /** Called after each change of the board with the new view. */
  subscribe(listener: (view: BoardView) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  destroy(): void {
    this.doc.off('afterTransaction', this.onTransaction);
    this.listeners.clear();
  }

  /** Top-level types have no name of their own; the doc's share map names them (re-read once per transaction). */
  private rootName(type: AnyType, refresh: { done: boolean }): string | undefined {
    let root = type;
    while (root._item !== null) root = root._item.parent as AnyType;
    let name = this.names.get(root);
    if (name === undefined && !refresh.done) {
      refresh.done = true;
      this.names = new Map([...this.doc.share.entries()].map(([key, value]) => [value as AnyType, key]));
      name = this.names.get(root);
    }
    return name;
  }

  private apply(transaction: Y.Transaction): void {
    const dirty = new Set<string>();
    let columnsChanged = false;
    const refresh = { done: false };
    for (const [type, keys] of transaction.changed) {
      const name = this.rootName(type as AnyType, refresh);
      if (name === undefined) continue;
      if (name === COLUMNS) {
        columnsChanged = true;
      } else if (name === TASK_INDEX) {
        for (const key of keys) if (key !== null) dirty.add(key);
      } else {
        const id = taskIdOfTypeName(name);
        if (id !== null) dirty.add(id);
      }
    }
    if (!columnsChanged && dirty.size === 0) return;
    if (columnsChanged) this.columns = readColumns(this.doc);
    const index = taskIndex(this.doc);
    for (const id of dirty) {
      if (index.has(id)) this.entries.set(id, readTaskEntry(this.doc, id));
    }
    this.cached = null;
    if (this.listeners.size === 0) return;
    const view = this.view();
    for (const listener of this.listeners) listener(view);
  }
}
