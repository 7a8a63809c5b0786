// The shapes a board operation accepts (zod at the boundary: what the UI, the background or an
// automatic rule hands in) and the shapes the reader gives back.
import { z } from 'zod';
import { CALENDAR_FIRST_YEAR, CALENDAR_LAST_YEAR } from '../calendar/calendar.ts';
import { withoutInvisibleControls } from '../text/invisibles.ts';
import { isCalendarDate, type CalendarDate } from '../time/dates.ts';

const calendarDate = z.string().refine(isCalendarDate, { message: 'board.error.date' });
/** A due date an officer sets: working days are only known inside the calendar's years. */
export const dueDateSchema = calendarDate.refine(
  (date) => date >= `${CALENDAR_FIRST_YEAR}-01-01` && date <= `${CALENDAR_LAST_YEAR}-12-31`,
  { message: 'board.error.dateRange' },
);
// Every bound keeps one operation's update far below the sync server's message limit (4 MiB by
// default): the largest, a task with every field full, is about 40 KB (limits.test.ts).
/** Identifiers and titles: bidi and zero-width controls removed, trimmed, bounded. */
const cleanText = (max: number) => z.string().overwrite(withoutInvisibleControls).trim().min(1).max(max);
/** Free text (comments, checklist items): bounded, kept as typed. */
const text = (max: number) => z.string().trim().min(1).max(max);
const person = cleanText(120);
const label = cleanText(60);
/** No real dossier or procedure code is near this; a longer one is hostile or broken. */
const code = cleanText(200);

/** A task's description (a Y.Text): the side panel's text area stops there. */
export const DESCRIPTION_MAX_CHARS = 20_000;

export const linksSchema = z.object({
  dossierCode: code.optional(),
  procedureCode: code.optional(),
  planItem: cleanText(20).optional(),
});
export type TaskLinks = z.infer<typeof linksSchema>;

export const columnIdSchema = z.string().trim().min(1).max(60);

export const newTaskSchema = z.object({
  id: cleanText(200).optional(),
  title: cleanText(500),
  column: columnIdSchema.optional(),
  due: dueDateSchema.nullable().optional(),
  assignees: z.array(person).max(50).optional(),
  labels: z.array(label).max(50).optional(),
  links: linksSchema.optional(),
});
export type NewTask = z.input<typeof newTaskSchema>;

export const taskChangesSchema = z.object({
  title: cleanText(500).optional(),
  due: dueDateSchema.nullable().optional(),
  links: linksSchema.optional(),
  addLabels: z.array(label).max(50).optional(),
  removeLabels: z.array(label).max(50).optional(),
});
export type TaskChanges = z.input<typeof taskChangesSchema>;

export const moveSchema = z.object({
  column: columnIdSchema,
  /** The task that will sit just above the moved one, or null for the top of the column. */
  afterId: z.string().nullable(),
  /** The task that will sit just below, or null for the bottom. */
  beforeId: z.string().nullable(),
});
export type Move = z.input<typeof moveSchema>;

export const commentSchema = text(5000);
export const checklistTextSchema = text(500);
export const personSchema = person;

export const columnTitleSchema = cleanText(60);

/** Stored values, as read back: anything else in the doc is reported as malformed, never trusted. */
export const storedCommentSchema = z.object({ id: z.string(), author: z.string(), at: z.string(), text: z.string() });
export const storedColumnSchema = z.object({
  title: z.string().nullable(),
  order: z.string().min(1),
  archived: z.boolean(),
});
export const seedSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('plan'), template: cleanText(20), item: cleanText(20) }),
  /** An occurrence of a recurring plan item, or an item of an imported plan: it carries its own title and due date. */
  z.object({ kind: z.literal('plan-task'), year: z.number().int(), item: cleanText(20), occurrence: cleanText(20).nullable(), title: cleanText(500), due: calendarDate.nullable() }),
  z.object({ kind: z.literal('dossier-overdue'), dossierCode: code, procedureCode: code.nullable(), appointmentOn: calendarDate }),
  z.object({ kind: z.literal('publication-step'), procedureCode: code, step: cleanText(40), due: calendarDate }),
]);
export type TaskSeed = z.infer<typeof seedSchema>;

export interface Stamp { by: string; at: string }

export interface ChecklistItem { id: string; text: string; done: boolean; order: string }
export interface TaskComment { id: string; author: string; at: string; text: string }

export interface BoardTask {
  id: string;
  title: string;
  column: string;
  order: string;
  assignees: string[];
  due: CalendarDate | null;
  labels: string[];
  links: TaskLinks;
  seed: TaskSeed | null;
  created: Stamp | null;
  updated: Stamp | null;
  archived: boolean;
  checklist: ChecklistItem[];
  commentCount: number;
}

export interface BoardColumn { id: string; title: string; order: string; archived: boolean }

/** A stored entry the reader could not use; the board still opens and shows the rest. */
export interface BoardProblem { taskId: string | null; field: string; detail: string }

export interface BoardView {
  columns: BoardColumn[];
  /** Columns an officer hid, in board order: listed so they can be shown again. */
  hiddenColumns: BoardColumn[];
  /** Tasks of every column, each column's tasks in board order. */
  tasks: BoardTask[];
  problems: BoardProblem[];
}
