// Tasks that come from a source rather than from an officer: the year's plan, a dossier that
// turned overdue, a publication step falling due. Their id is derived from the source, and
// creating one writes only that source (identical on every replica) and a creation stamp (which
// of two concurrent stamps survives does not matter); title, due date and place on the board are
// derived from the source until someone edits them. So two officers who create the same task
// offline at the same time end with one task, and neither loses an edit made after creating it.
import type * as Y from 'yjs';
import { taskFields, taskIndex } from './layout.ts';
import type { EditContext } from './operations.ts';
import { occurrencesOf, unitRole, type PlanUnit } from './plan-schedule.ts';
import { planTemplate2024, type PlanItem, type PlanTemplate } from './plan-template.ts';
import { seedSchema, type TaskSeed } from './schema.ts';

/** plan:2024:II.4 for a one-off item, plan:2024:XI.2:Q1 for one occurrence of a recurring one. */
export function planTaskId(template: Pick<PlanTemplate, 'year'>, itemId: string, occurrence: string | null = null): string {
  return occurrence === null ? `plan:${template.year}:${itemId}` : `plan:${template.year}:${itemId}:${occurrence}`;
}

export function dossierOverdueTaskId(dossierCode: string): string {
  return `dossier-overdue:${dossierCode}`;
}

export function publicationStepTaskId(procedureCode: string, step: string): string {
  return `publication:${procedureCode}:${step}`;
}

/**
 * Creates the task unless it exists (also when archived: a closed automatic task is not reopened).
 * The id is made from the checked seed, so a code with invisible controls names the same task as
 * the clean one; a seed that does not fit (a code of 1 MB) throws before anything is written.
 */
function ensureSeeded<S extends TaskSeed>(doc: Y.Doc, idOf: (seed: S) => string, seed: S, ctx: EditContext): string {
  const parsed = seedSchema.parse(seed) as S;
  const id = idOf(parsed);
  if (taskIndex(doc).has(id)) return id;
  doc.transact(() => {
    const fields = taskFields(doc, id);
    fields.set('seed', parsed);
    fields.set('created', { by: ctx.user, at: ctx.at });
    taskIndex(doc).set(id, 1);
  }, ctx.origin);
  return id;
}

export interface PlannedTask {
  id: string;
  seed: TaskSeed;
  item: PlanItem;
  role: 'lead' | 'coordinating' | null;
}

/**
 * The tasks a plan gives: one per item, or one per occurrence of a recurring item
 * (plan-schedule.ts). With a unit, only the items where it or its kind leads or coordinates;
 * without one, the whole plan. Pure and deterministic: the preview before seeding shows this list.
 */
export function plannedTasks(template: PlanTemplate, unit: PlanUnit | null = null): readonly PlannedTask[] {
  if (unit !== null) return planTasksOf(template, unit);
  let whole = wholePlans.get(template);
  if (whole === undefined) {
    whole = planTasksOf(template, null);
    wholePlans.set(template, whole);
  }
  return whole;
}

/** The whole plan's tasks, read once per template: seeding runs each time a board opens. */
const wholePlans = new WeakMap<PlanTemplate, readonly PlannedTask[]>();

function planTasksOf(template: PlanTemplate, unit: PlanUnit | null): PlannedTask[] {
  // The built-in plan's one-off items keep the seed boards already hold; the reader knows their text.
  const builtIn = template.source === planTemplate2024.source && template.year === planTemplate2024.year;
  return template.sections.flatMap((section) => section.items.flatMap((item) => {
    const role = unit === null ? null : unitRole(item, unit);
    if (unit !== null && role === null) return [];
    return occurrencesOf(item, template.year).map((occurrence): PlannedTask => {
      const seed: TaskSeed = builtIn && occurrence.key === null
        ? { kind: 'plan', template: String(template.year), item: item.id }
        : {
          kind: 'plan-task', year: template.year, item: item.id, occurrence: occurrence.key,
          title: occurrence.label === null ? item.content : `${item.content} (${occurrence.label})`, due: occurrence.due,
        };
      return { id: planTaskId(template, item.id, occurrence.key), seed, item, role };
    });
  }));
}

/** Seeds the plan's tasks (see plannedTasks); returns how many were new on this replica. */
export function seedPlan(doc: Y.Doc, template: PlanTemplate, ctx: EditContext, unit: PlanUnit | null = null): number {
  let created = 0;
  doc.transact(() => {
    for (const task of plannedTasks(template, unit)) {
      if (taskIndex(doc).has(task.id)) continue;
      ensureSeeded(doc, () => task.id, task.seed, ctx);
      created += 1;
    }
  }, ctx.origin);
  return created;
}

export function ensureDossierOverdueTask(
  doc: Y.Doc,
  dossier: { code: string; procedureCode: string | null; appointmentOn: string },
  ctx: EditContext,
): string {
  const seed = { kind: 'dossier-overdue' as const, dossierCode: dossier.code, procedureCode: dossier.procedureCode, appointmentOn: dossier.appointmentOn };
  return ensureSeeded(doc, (checked) => dossierOverdueTaskId(checked.dossierCode), seed, ctx);
}

export function ensurePublicationStepTask(
  doc: Y.Doc,
  step: { procedureCode: string; step: string; due: string },
  ctx: EditContext,
): string {
  const seed = { kind: 'publication-step' as const, procedureCode: step.procedureCode, step: step.step, due: step.due };
  return ensureSeeded(doc, (checked) => publicationStepTaskId(checked.procedureCode, checked.step), seed, ctx);
}
