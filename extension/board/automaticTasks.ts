// Automatic tasks from what the extension captured: each unfinished dossier of the unit past its
// appointment, and each publication step overdue or due within the due-soon threshold. Every
// officer's extension creates them from its own captures; their ids come from the source
// (shared/board/seeding.ts), so the unit's board ends with one task each however many officers
// saw the same dossier or step, online or not.
import type * as Y from 'yjs';
import type { EditContext } from '../../shared/board/operations.ts';
import { ensureDossierOverdueTask, ensurePublicationStepTask } from '../../shared/board/seeding.ts';
import { isStepDueSoon, type PublicationEvaluation } from '../../shared/publication/deadlines.ts';
import { vietnamDateOf, type CalendarDate } from '../../shared/time/dates.ts';
import type { TthcDatabase } from '../db/database.ts';
import { evaluateStoredPublications } from '../db/publications.ts';
import { unitDossierAttention } from '../db/overdue.ts';
import { hasUnit, loadSettings } from '../db/settings.ts';

export interface AutomaticSources {
  overdueDossiers: { code: string; procedureCode: string | null; appointmentOn: CalendarDate }[];
  dueSteps: { procedureCode: string; step: string; due: CalendarDate }[];
}

/**
 * The sources of today's automatic tasks. Dossier tasks come only from dossiers of the unit set in
 * the options: with no unit set, none (a page that posts fake dossiers must not fill the unit's
 * shared board, and without a unit every captured dossier would count).
 */
export async function findAutomaticSources(db: TthcDatabase, today: CalendarDate): Promise<AutomaticSources> {
  const settings = await loadSettings(db);
  const overdue = hasUnit(settings) ? (await unitDossierAttention(db, settings, today)).overdue : [];
  const overdueDossiers = overdue.flatMap((dossier) =>
    dossier.appointmentAt === null ? [] : [{ code: dossier.code, procedureCode: dossier.procedureCode, appointmentOn: vietnamDateOf(dossier.appointmentAt) }]);
  return { overdueDossiers, dueSteps: fallingDueSteps(await evaluateStoredPublications(db, null, today), settings.dueSoonWorkingDays) };
}

/** Publication steps overdue, or pending and due within `dueSoonDays`: one task each. */
export function fallingDueSteps(evaluations: readonly PublicationEvaluation[], dueSoonDays: number): AutomaticSources['dueSteps'] {
  return evaluations.flatMap(({ procedureCode, steps }) => steps
    .filter((step) => step.status === 'overdue' || isStepDueSoon(step, dueSoonDays))
    .flatMap((step) => (step.due === null ? [] : [{ procedureCode, step: step.step, due: step.due }])));
}

/** Creates the tasks; a source that does not fit a task (a code too long) is skipped, the others are made. Returns the skipped count. */
export function applyAutomaticTasks(doc: Y.Doc, sources: AutomaticSources, ctx: EditContext): number {
  let skipped = 0;
  const attempt = (ensure: () => unknown) => {
    try {
      ensure();
    } catch {
      skipped += 1;
    }
  };
  doc.transact(() => {
    for (const dossier of sources.overdueDossiers) attempt(() => ensureDossierOverdueTask(doc, dossier, ctx));
    for (const step of sources.dueSteps) attempt(() => ensurePublicationStepTask(doc, step, ctx));
  }, ctx.origin);
  return skipped;
}
