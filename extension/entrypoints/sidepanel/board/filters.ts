// What the officer chose to see on the board; pure, so the panel and its tests share it.
import type { BoardTask } from '../../../../shared/board/schema.ts';
import { workingDaysPast, type WorkingCalendar } from '../../../../shared/calendar/calendar.ts';
import type { Timeliness } from '../../../../shared/dossier/timeliness.ts';
import type { CalendarDate } from '../../../../shared/time/dates.ts';

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
  return task.due !== null && task.due < today && !isClosed(task);
}

export function matchesFilter(task: BoardTask, filter: BoardFilter, me: string, today: CalendarDate): boolean {
  if (task.archived !== filter.archived) return false;
  if (filter.mine && !task.assignees.includes(me)) return false;
  if (filter.overdue && !isOverdue(task, today)) return false;
  if (filter.section !== null && !(task.links.planItem ?? '').startsWith(`${filter.section}.`)) return false;
  if (filter.label !== null && !task.labels.includes(filter.label)) return false;
  return true;
}

/** True for a task the unit has finished with: its due date no longer counts down. */
export function isClosed(task: BoardTask): boolean {
  return task.column === DONE_COLUMN || task.archived;
}

/**
 * Where an open task stands against its due date, by the rules and in the words of a dossier's
 * appointment (shared/dossier/timeliness.ts, timelinessLabel.ts): working days left, 0 on the due
 * day, and once the day is past, working days late (at least 1). Null without a due date or when
 * the calendar does not cover the dates.
 */
export function dueTimeliness(due: CalendarDate | null, today: CalendarDate, calendar: WorkingCalendar): Timeliness | null {
  if (due === null) return null;
  try {
    if (today > due) return { state: 'overdue', workingDaysLeft: null, workingDaysLate: workingDaysPast(calendar, due, today) };
    return { state: 'pending', workingDaysLeft: calendar.workingDaysBetween(today, due), workingDaysLate: null };
  } catch {
    return null;
  }
}
