// Tasks that come from a source rather than from an officer: the year's plan, a dossier that
// turned overdue, a publication step falling due. Their id is derived from the source, and
// creating one writes only that source (identical on every replica) and a creation stamp (which
// of two concurrent stamps survives does not matter); title, due date and place on the board are
// derived from the source until someone edits them. So two officers who create the same task
// offline at the same time end with one task, and neither loses an edit made after creating it.
import type * as Y from 'yjs';
import { taskFields, taskIndex } from './layout.ts';
import type { EditContext } from './operations.ts';
import type { PlanTemplate } from './plan-template.ts';
import { seedSchema, type TaskSeed } from './schema.ts';

export function planTaskId(template: PlanTemplate, itemId: string): string {
  return `plan:${template.year}:${itemId}`;
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

/** One task per plan item; returns how many were new on this replica. */
export function seedPlan(doc: Y.Doc, template: PlanTemplate, ctx: EditContext): number {
  let created = 0;
  doc.transact(() => {
    for (const section of template.sections) {
      for (const item of section.items) {
        const id = planTaskId(template, item.id);
        if (taskIndex(doc).has(id)) continue;
        ensureSeeded(doc, () => id, { kind: 'plan', template: String(template.year), item: item.id }, ctx);
        created += 1;
      }
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
