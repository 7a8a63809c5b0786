// What the officer chose to see on the board; pure, so the panel and its tests share it.
import type { BoardTask } from '../../shared/board/schema.ts';
import type { WorkingCalendar } from '../../shared/calendar/calendar.ts';
import type { CalendarDate } from '../../shared/time/dates.ts';

export interface BoardFilter {
  mine: boolean;
  overdue: boolean;
  /** Plan section numeral ("II"), or null for all. */
  section: string | null;
  label: string | null;
  archived: boolean;
}

export const noFilter: BoardFilter = { mine: false, overdue: false, section: null, label: null, archived: false };

const DONE_COLUMN = 'done';

export function isOverdue(task: BoardTask, today: CalendarDate): boolean {
  return task.due !== null && task.due < today && task.column !== DONE_COLUMN && !task.archived;
}

export function matchesFilter(task: BoardTask, filter: BoardFilter, me: string, today: CalendarDate): boolean {
  if (task.archived !== filter.archived) return false;
  if (filter.mine && !task.assignees.includes(me)) return false;
  if (filter.overdue && !isOverdue(task, today)) return false;
  if (filter.section !== null && !(task.links.planItem ?? '').startsWith(`${filter.section}.`)) return false;
  if (filter.label !== null && !task.labels.includes(filter.label)) return false;
  return true;
}

/** Working days from today to the due date: positive left, 0 due today, negative late; null when unknown. */
export function workingDaysLeft(due: CalendarDate | null, today: CalendarDate, calendar: WorkingCalendar): number | null {
  if (due === null) return null;
  try {
    return calendar.workingDaysBetween(today, due);
  } catch {
    return null;
  }
}
