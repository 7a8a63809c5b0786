// The side panel's board tab: sync state, who is online, filters, the columns (drag and drop, or
// Alt+arrows on a focused card), and the open task. At the side panel's own width (under 600 px)
// one column shows at a time, chosen with the column switcher. The board itself lives in the offscreen
// document; this tab edits a replica of it (see panelReplica.ts).
import { DndContext, PointerSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { useEffect, useMemo, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import type * as Y from 'yjs';
import { t } from '../../../../shared/i18n/i18n.ts';
import { addColumn, archiveColumn, createTask, moveTask, renameColumn, restoreColumn } from '../../../../shared/board/operations.ts';
import { planTemplate2024 } from '../../../../shared/board/plan-template.ts';
import type { BoardTask } from '../../../../shared/board/schema.ts';
import { todayInVietnam } from '../../../../shared/time/dates.ts';
import { BoardColumn } from './BoardColumn.tsx';
import { editorsOf, type Peer } from '../../../board/channel.ts';
import { matchesFilter, noFilter, type BoardFilter } from './filters.ts';
import { PresenceBar, SyncBadge } from './SyncBadge.tsx';
import { TaskDetail } from './TaskDetail.tsx';
import { UnitHistoryList } from './UnitHistory.tsx';
import { PlanImport } from './PlanImport.tsx';
import { boardDatabaseName } from '../../../board/boardSettings.ts';
import { useSettings } from '../../../ui/useSettings.ts';
import { useBoardSession, usePanelReplica } from './useBoard.ts';
import './board.css';

export function BoardPanel() {
  const { settings: { board: settings }, loaded } = useSettings();
  const { replica, state } = usePanelReplica(loaded ? boardDatabaseName(settings) : null);
  return (
    <div className="board">
      <SyncBadge status={state.status} />
      <PresenceBar peers={state.peers} me={state.user} name={settings.name} />
      <UnitHistoryList settings={settings} board={state.doc ?? null} />
      {state.doc
        ? <Board key={state.board} doc={state.doc} me={state.user?.sub ?? settings.name} peers={state.peers} onEditing={replica.setEditing} />
        : <p className="muted">…</p>}
    </div>
  );
}

// dnd-kit describes each card with its own English space-bar instructions and reads task ids out
// during a drag; cards here move by mouse or by Alt+arrows, announced by the board itself.
const silent = () => undefined;
const dragAccessibility = {
  screenReaderInstructions: { get draggable() { return t('board.moveHint'); } },
  announcements: { onDragStart: silent, onDragOver: silent, onDragEnd: silent, onDragCancel: silent },
};

/** Below this width the columns do not fit side by side: one column at a time. */
const NARROW = '(max-width: 599px)';
/** How long a new task stays highlighted. */
const HIGHLIGHT_MS = 3000;

function useNarrow(): boolean {
  return useSyncExternalStore(
    (notify) => {
      const query = matchMedia(NARROW);
      query.addEventListener('change', notify);
      return () => query.removeEventListener('change', notify);
    },
    () => matchMedia(NARROW).matches,
  );
}

export interface BoardProps {
  doc: Y.Doc;
  me: string;
  peers: Peer[];
  onEditing: (ids: string[]) => void;
}

/** The board itself, given its doc: also rendered alone by the benchmark (bench/board.bench.ts). */
export function Board({ doc, me, peers, onEditing }: BoardProps) {
  const session = useBoardSession(doc, me);
  const { view } = session;
  const [filter, setFilter] = useState<BoardFilter>(noFilter);
  const [open, setOpen] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [newTitle, setNewTitle] = useState('');
  const [newColumn, setNewColumn] = useState('');
  const [focus, setFocus] = useState<{ id: string; column: string } | null>(null);
  const narrow = useNarrow();
  const [shownColumn, setShownColumn] = useState<string | null>(null);
  /** The task just added: scrolled to, focused, highlighted, and confirmed in words. */
  const [added, setAdded] = useState<{ id: string; text: string } | null>(null);
  // What a keyboard move did, read out by screen readers (the card moves away from under them).
  const [announcement, setAnnouncement] = useState('');
  const today = todayInVietnam();
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }));
  const height = Math.max(240, window.innerHeight - 260);

  useEffect(() => onEditing(open ? [open] : []), [open, onEditing]);
  useEffect(() => {
    if (!added) return undefined;
    const timer = setTimeout(() => setAdded((current) => (current === added ? { ...current, id: '' } : current)), HIGHLIGHT_MS);
    return () => clearTimeout(timer);
  }, [added]);
  // A moved card is redrawn (a new element once it changes column), which drops the focus: give it
  // back once the card shows in its new column, so the officer can keep moving it. Held until the
  // officer focuses or clicks something else, as the board may redraw more than once.
  useEffect(() => {
    if (!focus) return;
    const moved = document.querySelector<HTMLElement>(`[data-column-id="${CSS.escape(focus.column)}"] [data-task-id="${CSS.escape(focus.id)}"]`);
    if (moved && document.activeElement !== moved) moved.focus();
  });
  useEffect(() => {
    const release = (event: Event) => {
      const id = event.target instanceof HTMLElement ? event.target.closest<HTMLElement>('[data-task-id]')?.dataset.taskId : undefined;
      setFocus((current) => (current && current.id === id ? current : null));
    };
    addEventListener('focusin', release);
    addEventListener('pointerdown', release);
    return () => {
      removeEventListener('focusin', release);
      removeEventListener('pointerdown', release);
    };
  }, []);
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== 'z') return;
      if (event.target instanceof HTMLTextAreaElement || event.target instanceof HTMLInputElement) return;
      event.preventDefault();
      if (event.shiftKey) session.undo.redo();
      else session.undo.undo();
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [session.undo]);

  const run = (edit: () => void): boolean => {
    try {
      edit();
      setError(null);
      return true;
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
      return false;
    }
  };

  const byColumn = useMemo(() => {
    const columns = new Map(view.columns.map((c) => [c.id, [] as BoardTask[]]));
    for (const task of view.tasks) columns.get(task.column)?.push(task);
    return columns;
  }, [view]);
  const visible = (id: string) => (byColumn.get(id) ?? []).filter((task) => matchesFilter(task, filter, me, today));
  const labels = useMemo(() => [...new Set(view.tasks.flatMap((task) => task.labels))].sort(), [view]);

  const moveTo = (task: BoardTask, column: string, beforeId: string | null) => {
    const list = (byColumn.get(column) ?? []).filter((other) => other.id !== task.id);
    const index = beforeId === null ? list.length : list.findIndex((other) => other.id === beforeId);
    return run(() => moveTask(doc, task.id, { column, afterId: list[index - 1]?.id ?? null, beforeId: list[index]?.id ?? null }, session.context()));
  };

  const announceMove = (task: BoardTask, column: string, position: number) => {
    const title = view.columns.find((c) => c.id === column)?.title ?? column;
    const count = (byColumn.get(column) ?? []).filter((other) => other.id !== task.id).length + 1;
    setAnnouncement(t('board.moved', { title: task.title, column: title, position, count }));
  };

  const onDragEnd = (event: DragEndEvent) => {
    const task = view.tasks.find((candidate) => candidate.id === event.active.id);
    const target = event.over ? String(event.over.id) : null;
    if (!task || !target) return;
    if (target.startsWith('end:')) return moveTo(task, target.slice(4), null);
    const before = view.tasks.find((candidate) => candidate.id === target.slice('before:'.length));
    if (before && before.id !== task.id) moveTo(task, before.column, before.id);
  };

  const onKeyMove = (task: BoardTask, event: KeyboardEvent) => {
    if (!event.altKey) return;
    const columns = view.columns.map((c) => c.id);
    const list = byColumn.get(task.column) ?? [];
    const index = list.findIndex((other) => other.id === task.id);
    const key = event.key;
    let target: { column: string; position: number } | null = null;
    if (key === 'ArrowLeft' || key === 'ArrowRight') {
      const next = columns[columns.indexOf(task.column) + (key === 'ArrowLeft' ? -1 : 1)];
      if (next !== undefined && moveTo(task, next, byColumn.get(next)?.[0]?.id ?? null)) target = { column: next, position: 1 };
    } else if (key === 'ArrowUp' && index > 0) {
      if (moveTo(task, task.column, list[index - 1]!.id)) target = { column: task.column, position: index };
    } else if (key === 'ArrowDown' && index < list.length - 1) {
      if (moveTo(task, task.column, list[index + 2]?.id ?? null)) target = { column: task.column, position: index + 2 };
    } else {
      return;
    }
    event.preventDefault();
    if (target) {
      announceMove(task, target.column, target.position);
      setFocus({ id: task.id, column: target.column });
      setShownColumn(target.column);
    }
  };

  const addTask = () => {
    run(() => {
      const id = createTask(doc, { title: newTitle }, session.context());
      const column = view.columns[0]!;
      setNewTitle('');
      setShownColumn(column.id);
      setFocus({ id, column: column.id });
      setAdded({ id, text: t('board.added', { title: newTitle.trim(), column: column.title }) });
    });
  };

  const shown = view.columns.find((column) => column.id === shownColumn) ?? view.columns[0];
  const columnsInView = narrow && shown ? [shown] : view.columns;

  const openTask = open ? view.tasks.find((task) => task.id === open) : undefined;

  return (
    <>
      <div className="board-toolbar row">
        <label><input type="checkbox" checked={filter.mine} onChange={(e) => setFilter({ ...filter, mine: e.target.checked })} /> {t('board.filter.mine')}</label>
        <label><input type="checkbox" checked={filter.overdue} onChange={(e) => setFilter({ ...filter, overdue: e.target.checked })} /> {t('board.filter.overdue')}</label>
        <select aria-label={t('board.filter.section')} value={filter.section ?? ''} onChange={(e) => setFilter({ ...filter, section: e.target.value || null })}>
          <option value="">{t('board.filter.section')}: {t('board.filter.all')}</option>
          {planTemplate2024.sections.map((section) => <option key={section.number} value={section.number}>{section.number}. {section.title}</option>)}
        </select>
        <select aria-label={t('board.filter.label')} value={filter.label ?? ''} onChange={(e) => setFilter({ ...filter, label: e.target.value || null })}>
          <option value="">{t('board.filter.label')}: {t('board.filter.all')}</option>
          {labels.map((label) => <option key={label} value={label}>{label}</option>)}
        </select>
        <button type="button" onClick={() => session.undo.undo()}>{t('board.undo')}</button>
        <button type="button" onClick={() => session.undo.redo()}>{t('board.redo')}</button>
      </div>
      <form className="board-new row" onSubmit={(event) => {
        event.preventDefault();
        addTask();
      }}>
        <input aria-label={t('board.newTask.placeholder')} placeholder={t('board.newTask.placeholder')} value={newTitle} onChange={(e) => setNewTitle(e.target.value)} />
        <button type="submit" className="primary">{t('board.newTask')}</button>
      </form>
      <PlanImport doc={doc} context={session.context} run={run} />
      {error && <p className="board-error" role="alert">{error}</p>}
      <p className="board-added" role="status" data-testid="board-added">{!error && added ? added.text : ''}</p>
      {view.hiddenColumns.length > 0 && (
        <details className="board-hidden-columns">
          <summary>{t('board.hiddenColumns', { count: view.hiddenColumns.length })}</summary>
          <ul>
            {view.hiddenColumns.map((column) => (
              <li key={column.id}>
                {column.title}{' '}
                <button type="button" aria-label={t('board.restoreColumnNamed', { title: column.title })}
                  onClick={() => run(() => restoreColumn(doc, column.id, session.context()))}>{t('board.restoreColumn')}</button>
              </li>
            ))}
          </ul>
        </details>
      )}
      {view.problems.length > 0 && <p className="muted">{t('board.problems', { count: view.problems.length })}</p>}
      <p className="visually-hidden" aria-live="polite" data-testid="board-announcement">{announcement}</p>
      <DndContext sensors={sensors} onDragEnd={onDragEnd} accessibility={dragAccessibility}>
        {narrow && (
          <div className="board-switcher" role="group" aria-label={t('board.columnSwitcher')}>
            {view.columns.map((column) => (
              <button key={column.id} type="button" aria-pressed={column.id === shown?.id} onClick={() => setShownColumn(column.id)}>
                {column.title} <span className="muted">({visible(column.id).length})</span>
              </button>
            ))}
          </div>
        )}
        <div className={`board-columns${narrow ? ' narrow' : ''}`}>
          {columnsInView.map((column) => (
            <BoardColumn key={column.id} column={column} tasks={visible(column.id)} height={height} today={today}
              peers={peers} onOpen={setOpen} onKeyMove={onKeyMove} reveal={added?.id || null}
              onRename={(title) => run(() => renameColumn(doc, column.id, title, session.context()))}
              onArchive={() => run(() => archiveColumn(doc, column.id, session.context()))} />
          ))}
          <form className="board-add-column" onSubmit={(event) => {
            event.preventDefault();
            run(() => {
              addColumn(doc, newColumn, session.context());
              setNewColumn('');
            });
          }}>
            <input aria-label={t('board.addColumn')} placeholder={t('board.addColumn')} value={newColumn} onChange={(e) => setNewColumn(e.target.value)} />
          </form>
        </div>
      </DndContext>
      {openTask && (
        <TaskDetail key={openTask.id} doc={doc} task={openTask} editors={editorsOf(peers, openTask.id)} me={me}
          context={session.context} run={run} onClose={() => setOpen(null)} />
      )}
    </>
  );
}
