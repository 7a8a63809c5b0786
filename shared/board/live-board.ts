// A board view kept up to date as the doc changes: after each transaction only the entries it
// touched are gathered again, only their tasks re-read, and each moved task is taken out of and put
// back into its column's sorted list by binary search, so a move on a 10,000-task board costs one
// task read and two searches, not a read and sort of the whole board.
import type * as Y from 'yjs';
import { CHECKLISTS, COLUMNS, COMMENTS, FIELDS, TASK_INDEX, splitEntryKey, taskIndex } from './layout.ts';
import {
  Placement, emptySource, readColumns, readSources, readTaskEntry, type TaskEntry, type TaskSource,
} from './reader.ts';
import type { BoardTask, BoardView } from './schema.ts';

type AnyType = Y.AbstractType<unknown>;

/** Index of the first element not before `task` in a list sorted by `compare`. */
function lowerBound(list: BoardTask[], task: BoardTask, compare: (a: BoardTask, b: BoardTask) => number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (compare(list[mid]!, task) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

export class LiveBoard {
  private readonly doc: Y.Doc;
  private readonly sources: Map<string, TaskSource>;
  /** Each task as shown (placed in its display column), in index order. */
  private readonly placed = new Map<string, TaskEntry>();
  private readonly roots: Map<AnyType, string>;
  private readonly maps: Map<string, Y.Map<unknown>>;
  private columns: ReturnType<typeof readColumns>;
  private placement: Placement;
  /** One sorted list per displayed column. */
  private lists = new Map<string, BoardTask[]>();
  private cached: BoardView | null = null;
  private readonly listeners = new Set<(view: BoardView) => void>();
  private readonly onTransaction = (transaction: Y.Transaction) => this.apply(transaction);

  constructor(doc: Y.Doc) {
    this.doc = doc;
    this.maps = new Map([TASK_INDEX, COLUMNS, FIELDS, CHECKLISTS, COMMENTS].map((name) => [name, doc.getMap(name)]));
    this.roots = new Map([...this.maps].map(([name, map]) => [map as AnyType, name]));
    this.columns = readColumns(doc);
    this.placement = new Placement(this.columns.columns);
    this.sources = readSources(doc);
    const index = taskIndex(doc);
    for (const [id, source] of this.sources) this.placed.set(id, this.placement.place(readTaskEntry(id, index.get(id), source)));
    this.rebuildLists();
    doc.on('afterTransaction', this.onTransaction);
  }

  view(): BoardView {
    if (!this.cached) {
      const problems = [...this.columns.problems];
      for (const entry of this.placed.values()) if (entry.problems.length > 0) problems.push(...entry.problems);
      const tasks = this.placement.active.flatMap((column) => this.lists.get(column.id) ?? []);
      this.cached = { columns: this.placement.active, hiddenColumns: this.placement.hidden, tasks, problems };
    }
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

  private rebuildLists(): void {
    this.lists = new Map(this.placement.active.map((column) => [column.id, [] as BoardTask[]]));
    for (const { task } of this.placed.values()) this.lists.get(task.column)?.push(task);
    for (const list of this.lists.values()) list.sort(this.placement.compare);
  }

  private source(id: string): TaskSource {
    let found = this.sources.get(id);
    if (!found) this.sources.set(id, (found = emptySource()));
    return found;
  }

  /** The root map a changed type sits in, and the root key it sits under (for a nested type). */
  private locate(type: AnyType): { root: string; key: string | null } | null {
    let child: AnyType = type;
    let key: string | null = null;
    while (child._item !== null) {
      key = child._item.parentSub;
      child = child._item.parent as AnyType;
    }
    const root = this.roots.get(child);
    return root === undefined ? null : { root, key };
  }

  private gather(transaction: Y.Transaction): { dirty: Set<string>; columnsChanged: boolean } {
    const dirty = new Set<string>();
    let columnsChanged = false;
    for (const [type, keys] of transaction.changed) {
      const place = this.locate(type as AnyType);
      if (!place) continue;
      if (place.root === COLUMNS) {
        columnsChanged = true;
        continue;
      }
      if (place.key !== null) {
        // A change inside a checklist item: its task must be re-read.
        const split = splitEntryKey(place.key);
        if (split) dirty.add(split[0]);
        continue;
      }
      const map = this.maps.get(place.root)!;
      for (const key of keys) {
        if (key === null) continue;
        if (place.root === TASK_INDEX) {
          this.source(key);
          dirty.add(key);
          continue;
        }
        const split = splitEntryKey(key);
        if (!split) continue;
        const [id, part] = split;
        const source = this.source(id);
        const present = map.has(key);
        if (place.root === FIELDS) {
          if (present) source.fields.set(part, map.get(key));
          else source.fields.delete(part);
        } else if (place.root === CHECKLISTS) {
          if (present) source.checklist.set(part, map.get(key));
          else source.checklist.delete(part);
        } else if (present) {
          source.comments.add(key);
        } else {
          source.comments.delete(key);
        }
        dirty.add(id);
      }
    }
    return { dirty, columnsChanged };
  }

  private apply(transaction: Y.Transaction): void {
    const { dirty, columnsChanged } = this.gather(transaction);
    if (!columnsChanged && dirty.size === 0) return;
    const index = taskIndex(this.doc);
    if (columnsChanged) {
      this.columns = readColumns(this.doc);
      this.placement = new Placement(this.columns.columns);
      for (const [id, source] of this.sources) {
        if (index.has(id)) this.placed.set(id, this.placement.place(readTaskEntry(id, index.get(id), source)));
        else this.placed.delete(id);
      }
      this.rebuildLists();
    } else {
      for (const id of dirty) {
        const before = this.placed.get(id);
        if (before) {
          const list = this.lists.get(before.task.column);
          const at = list ? lowerBound(list, before.task, this.placement.compare) : -1;
          if (list && list[at]?.id === id) list.splice(at, 1);
        }
        // A task gone from the index (an undone creation, a colleague's or a client's deletion) leaves the view.
        if (!index.has(id)) {
          this.placed.delete(id);
          continue;
        }
        const entry = this.placement.place(readTaskEntry(id, index.get(id), this.source(id)));
        this.placed.set(id, entry);
        const list = this.lists.get(entry.task.column);
        if (list) list.splice(lowerBound(list, entry.task, this.placement.compare), 0, entry.task);
      }
    }
    this.cached = null;
    if (this.listeners.size === 0) return;
    const view = this.view();
    for (const listener of this.listeners) listener(view);
  }
}
