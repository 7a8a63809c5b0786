// Automatic tasks from what the extension captured: each unfinished dossier of the unit past its
// appointment, and each publication step overdue or due within the due-soon threshold. Every
// officer's extension creates them from its own captures; their ids come from the source
// (shared/board/seeding.ts), so the unit's board ends with one task each however many officers
// saw the same dossier or step, online or not.
import type * as Y from 'yjs';
import type { EditContext } from '../../shared/board/operations.ts';
import { ensureDossierOverdueTask, ensurePublicationStepTask } from '../../shared/board/seeding.ts';
import { dossierTimeliness } from '../../shared/dossier/timeliness.ts';
import { isStepDueSoon, type PublicationEvaluation } from '../../shared/publication/deadlines.ts';
import { addDays, vietnamDateOf, type CalendarDate } from '../../shared/time/dates.ts';
import type { TthcDatabase } from '../db/database.ts';
import { evaluateStoredPublications } from '../db/publications.ts';
import { isOfUnit, loadSettings, phaseRulesOf } from '../db/settings.ts';

export interface AutomaticSources {
  overdueDossiers: { code: string; procedureCode: string | null; appointmentOn: CalendarDate }[];
  dueSteps: { procedureCode: string; step: string; due: CalendarDate }[];
}

export async function findAutomaticSources(db: TthcDatabase, today: CalendarDate): Promise<AutomaticSources> {
  const settings = await loadSettings(db);
  const phaseRules = phaseRulesOf(settings);
  const candidates = await db.dossiers.where('openAppointmentAt').below(`${addDays(today, 1)}T00:00:00+07:00`).toArray();
  const overdueDossiers = candidates
    .filter((dossier) => dossier.returnedAt === null && dossier.appointmentAt !== null && isOfUnit(dossier, settings))
    .filter((dossier) => dossierTimeliness(dossier, { today, dueSoonWorkingDays: settings.dueSoonWorkingDays, phaseRules }).state === 'overdue')
    .map((dossier) => ({ code: dossier.code, procedureCode: dossier.procedureCode, appointmentOn: vietnamDateOf(dossier.appointmentAt!) }));
  return { overdueDossiers, dueSteps: fallingDueSteps(await evaluateStoredPublications(db, null, today), settings.dueSoonWorkingDays) };
}

/** Publication steps overdue, or pending and due within `dueSoonDays`: one task each. */
export function fallingDueSteps(evaluations: readonly PublicationEvaluation[], dueSoonDays: number): AutomaticSources['dueSteps'] {
  return evaluations.flatMap(({ procedureCode, steps }) => steps
    .filter((step) => step.status === 'overdue' || isStepDueSoon(step, dueSoonDays))
    .flatMap((step) => (step.due === null ? [] : [{ procedureCode, step: step.step, due: step.due }])));
}

export function applyAutomaticTasks(doc: Y.Doc, sources: AutomaticSources, ctx: EditContext): void {
  doc.transact(() => {
    for (const dossier of sources.overdueDossiers) ensureDossierOverdueTask(doc, dossier, ctx);
    for (const step of sources.dueSteps) ensurePublicationStepTask(doc, step, ctx);
  }, ctx.origin);
}
