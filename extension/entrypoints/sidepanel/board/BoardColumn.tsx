// One column of the board. Only the cards in view are rendered (a column may hold thousands of
// tasks), each a drag source and a drop target ("drop before this card"); the column's tail is the
// target for "drop at the end".
import { useDraggable, useDroppable } from '@dnd-kit/core';
import { useState, type KeyboardEvent } from 'react';
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
}

/** The dossier list's wording ("Quá hạn 3 ngày làm việc"); a finished task shows only its date. */
function dueText(task: BoardTask, today: CalendarDate): string | null {
  if (task.due === null) return null;
  const timeliness = isClosed(task) ? null : dueTimeliness(task.due, today, vietnamCalendar);
  return timeliness ? timelinessLabel(timeliness) : t('board.due', { date: task.due });
}

function TaskCard({ task, today, editors, onOpen, onKeyMove }: CardProps) {
  const drag = useDraggable({ id: task.id });
  const drop = useDroppable({ id: `before:${task.id}` });
  const due = dueText(task, today);
  const done = task.checklist.filter((i) => i.done).length;
  return (
    <div ref={drop.setNodeRef} className={`board-slot${drop.isOver ? ' drop-over' : ''}`} style={{ height: CARD_HEIGHT }}>
      <div
        ref={drag.setNodeRef}
        {...drag.listeners}
        {...drag.attributes}
        role="button"
        tabIndex={0}
        aria-roledescription="task"
        data-task-id={task.id}
        className={`board-card${isOverdue(task, today) ? ' overdue' : ''}${drag.isDragging ? ' dragging' : ''}`}
        onClick={() => onOpen(task.id)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') onOpen(task.id);
          else onKeyMove(task, event);
        }}
      >
        <span className="board-card-title ellipsis">{task.title}</span>
        <span className="board-card-meta muted ellipsis">
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
}

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
  return (
    <h3 className="row">
      <span className="ellipsis">{column.title}</span> <span className="muted">({count})</span>
      {onRename && <button type="button" className="link" aria-label={t('board.renameColumn')} title={t('board.renameColumn')} onClick={() => setEditing(column.title)}>✎</button>}
      {onArchive && <button type="button" className="link" aria-label={t('board.archiveColumn')} title={t('board.archiveColumn')} onClick={onArchive}>⊘</button>}
    </h3>
  );
}

export function BoardColumn({ column, tasks, height, today, peers, onOpen, onKeyMove, onRename, onArchive }: ColumnProps) {
  const [scrollTop, setScrollTop] = useState(0);
  const end = useDroppable({ id: `end:${column.id}` });
  const first = Math.max(0, Math.floor(scrollTop / CARD_HEIGHT) - OVERSCAN);
  const last = Math.min(tasks.length, Math.ceil((scrollTop + height) / CARD_HEIGHT) + OVERSCAN);
  return (
    <section className="board-column" aria-label={column.title} data-column-id={column.id}>
      <ColumnHeading column={column} count={tasks.length} onRename={onRename} onArchive={onArchive} />
      <div className="board-column-body" style={{ height }} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
        <div style={{ height: tasks.length * CARD_HEIGHT, position: 'relative' }}>
          <div style={{ position: 'absolute', top: first * CARD_HEIGHT, left: 0, right: 0 }}>
            {tasks.slice(first, last).map((task) => (
              <TaskCard key={task.id} task={task} today={today} editors={editorsOf(peers, task.id)} onOpen={onOpen} onKeyMove={onKeyMove} />
            ))}
          </div>
        </div>
        <div ref={end.setNodeRef} className={`board-column-end${end.isOver ? ' drop-over' : ''}`}>
          {tasks.length === 0 && <span className="muted">{t('board.empty')}</span>}
        </div>
      </div>
    </section>
  );
}
