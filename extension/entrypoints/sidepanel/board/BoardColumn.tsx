// One column of the board. Only the cards in view are rendered (a column may hold thousands of
// tasks), each a drag source and a drop target ("drop before this card"); the column's tail is the
// target for "drop at the end". A card shows its whole title, wrapped.
import { useDraggable, useDroppable } from '@dnd-kit/core';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { t } from '../../../../shared/i18n/i18n.ts';
import type { BoardColumn as Column, BoardTask } from '../../../../shared/board/schema.ts';
import type { CalendarDate } from '../../../../shared/time/dates.ts';
import { vietnamCalendar } from '../../../../shared/calendar/calendar.ts';
import { timelinessLabel } from '../../../../shared/dossier/timelinessLabel.ts';
import { dueTimeliness, isClosed, isOverdue } from './filters.ts';
import { editorsOf, type Peer } from '../../../board/channel.ts';

export const CARD_HEIGHT = 64;
const OVERSCAN = 6;

export interface CardProps {
  task: BoardTask;
  today: CalendarDate;
  editors: string[];
  onOpen: (id: string) => void;
  onKeyMove: (task: BoardTask, event: KeyboardEvent) => void;
  /** Just added: drawn highlighted for a moment so the officer's eye finds it. */
  highlighted?: boolean;
}

/** The dossier list's wording ("Quá hạn 3 ngày làm việc"); a finished task shows only its date. */
function dueText(task: BoardTask, today: CalendarDate): string | null {
  if (task.due === null) return null;
  const timeliness = isClosed(task) ? null : dueTimeliness(task.due, today, vietnamCalendar);
  return timeliness ? timelinessLabel(timeliness) : t('board.due', { date: task.due });
}

function TaskCard({ task, today, editors, onOpen, onKeyMove, highlighted = false }: CardProps) {
  const drag = useDraggable({ id: task.id });
  const drop = useDroppable({ id: `before:${task.id}` });
  const due = dueText(task, today);
  // A task just added takes the focus once it is drawn (the column scrolls it into view first).
  const element = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    if (highlighted) element.current?.focus();
  }, [highlighted]);
  const done = task.checklist.filter((i) => i.done).length;
  return (
    <div ref={drop.setNodeRef} className={`board-slot${drop.isOver ? ' drop-over' : ''}`} style={{ minHeight: CARD_HEIGHT }}>
      <div
        ref={(node) => {
          drag.setNodeRef(node);
          element.current = node;
        }}
        {...drag.listeners}
        {...drag.attributes}
        role="button"
        tabIndex={0}
        aria-roledescription="task"
        data-task-id={task.id}
        className={`board-card${isOverdue(task, today) ? ' overdue' : ''}${drag.isDragging ? ' dragging' : ''}${highlighted ? ' just-added' : ''}`}
        onClick={() => onOpen(task.id)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') onOpen(task.id);
          else onKeyMove(task, event);
        }}
      >
        <span className="board-card-title">{task.title}</span>
        <span className="board-card-meta muted">
          {task.links.planItem && <span>{task.links.planItem}</span>}
          {due && <span className={isOverdue(task, today) ? 'late' : ''}>{due}</span>}
          {task.checklist.length > 0 && <span>☑ {done}/{task.checklist.length}</span>}
          {task.assignees.length > 0 && <span>👤 {task.assignees.join(', ')}</span>}
          {editors.length > 0 && <span className="editing">✎ {t('board.editing', { name: editors.join(', ') })}</span>}
        </span>
      </div>
    </div>
  );
}

export interface ColumnProps {
  column: Column;
  tasks: BoardTask[];
  height: number;
  today: CalendarDate;
  peers: Peer[];
  onOpen: (id: string) => void;
  onKeyMove: (task: BoardTask, event: KeyboardEvent) => void;
  /** False when the new name was refused: the field stays open with what was typed. */
  onRename?: (title: string) => boolean;
  onArchive?: () => void;
  /** A task to scroll into view (one just added), shown highlighted. */
  reveal?: string | null;
}

/** Column actions in words, each naming its column for screen readers, with the same words as a tooltip. */
function ColumnHeading({ column, count, onRename, onArchive }: { column: Column; count: number; onRename?: (title: string) => boolean; onArchive?: () => void }) {
  const [editing, setEditing] = useState<string | null>(null);
  if (editing !== null && onRename) {
    return (
      <form className="row" onSubmit={(event) => {
        event.preventDefault();
        if (onRename(editing)) setEditing(null);
      }}>
        <input aria-label={t('board.renameColumn')} value={editing} autoFocus onChange={(e) => setEditing(e.target.value)} onBlur={() => setEditing(null)} />
      </form>
    );
  }
  const rename = t('board.renameColumnNamed', { title: column.title });
  const archive = t('board.archiveColumnNamed', { title: column.title });
  return (
    <div className="board-column-head">
      <h2><span>{column.title}</span> <span className="muted">({count})</span></h2>
      <span className="row">
        {onRename && <button type="button" className="small" aria-label={rename} title={rename} onClick={() => setEditing(column.title)}>{t('board.rename')}</button>}
        {onArchive && <button type="button" className="small" aria-label={archive} title={archive} onClick={onArchive}>{t('board.archive')}</button>}
      </span>
    </div>
  );
}

export function BoardColumn({ column, tasks, height, today, peers, onOpen, onKeyMove, onRename, onArchive, reveal = null }: ColumnProps) {
  const body = useRef<HTMLDivElement>(null);
  const end = useDroppable({ id: `end:${column.id}` });
  // Cards grow with their title (it wraps, never cut), so each is measured once drawn. The first
  // drawing assumes the column's known height, so cards are there before the body is measured.
  const virtualizer = useVirtualizer({
    count: tasks.length,
    getScrollElement: () => body.current,
    estimateSize: () => CARD_HEIGHT,
    getItemKey: (index) => tasks[index]!.id,
    initialRect: { width: 0, height },
    overscan: OVERSCAN,
  });
  const revealIndex = reveal === null ? -1 : tasks.findIndex((task) => task.id === reveal);
  useEffect(() => {
    if (revealIndex >= 0) virtualizer.scrollToIndex(revealIndex, { align: 'center' });
  }, [revealIndex, virtualizer]);
  return (
    <section className="board-column" aria-label={column.title} data-column-id={column.id}>
      <ColumnHeading column={column} count={tasks.length} onRename={onRename} onArchive={onArchive} />
      <div ref={body} className="board-column-body" style={{ height }}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const task = tasks[item.index]!;
            return (
              <div key={task.id} ref={virtualizer.measureElement} data-index={item.index}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` }}>
                <TaskCard task={task} today={today} editors={editorsOf(peers, task.id)} onOpen={onOpen} onKeyMove={onKeyMove} highlighted={task.id === reveal} />
              </div>
            );
          })}
        </div>
        <div ref={end.setNodeRef} className={`board-column-end${end.isOver ? ' drop-over' : ''}`}>
          {tasks.length === 0 && <span className="muted">{t('board.empty')}</span>}
        </div>
      </div>
    </section>
  );
}
