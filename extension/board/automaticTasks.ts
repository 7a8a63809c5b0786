// Automatic tasks from what the extension captured: each unfinished dossier of the unit past its
// appointment, and each publication step overdue or due within the due-soon threshold. Every
// officer's extension creates them from its own captures; their ids come from the source
// (shared/board/seeding.ts), so the unit's board ends with one task each however many officers
// saw the same dossier or step, online or not.
import type * as Y from 'yjs';
import type { EditContext } from '../../shared/board/operations.ts';
import { ensureDossierOverdueTask, ensurePublicationStepTask } from '../../shared/board/seeding.ts';
import { dossierTimeliness } from '../../shared/dossier/timeliness.ts';
import { evaluatePublication } from '../../shared/publication/deadlines.ts';
import { publicationRecordSchema } from '../../shared/schemas/publication.ts';
import { addDays, vietnamDateOf, type CalendarDate } from '../../shared/time/dates.ts';
import type { TthcDatabase } from '../db/database.ts';
import { isOfUnit, loadSettings } from '../db/settings.ts';

export interface AutomaticSources {
  overdueDossiers: { code: string; procedureCode: string | null; appointmentOn: CalendarDate }[];
  dueSteps: { procedureCode: string; step: string; due: CalendarDate }[];
}

export async function findAutomaticSources(db: TthcDatabase, today: CalendarDate): Promise<AutomaticSources> {
  const settings = await loadSettings(db);
  const candidates = await db.dossiers.where('openAppointmentAt').below(`${addDays(today, 1)}T00:00:00+07:00`).toArray();
  const overdueDossiers = candidates
    .filter((dossier) => dossier.returnedAt === null && dossier.appointmentAt !== null && isOfUnit(dossier, settings))
    .filter((dossier) => dossierTimeliness(dossier, { today, dueSoonWorkingDays: settings.dueSoonWorkingDays }).state === 'overdue')
    .map((dossier) => ({ code: dossier.code, procedureCode: dossier.procedureCode, appointmentOn: vietnamDateOf(dossier.appointmentAt!) }));
  const dueSteps: AutomaticSources['dueSteps'] = [];
  for (const stored of await db.publications.toArray()) {
    const parsed = publicationRecordSchema.safeParse(stored.record);
    if (!parsed.success) continue;
    const { procedureCode, steps } = evaluatePublication(parsed.data, { today });
    for (const step of steps) {
      const falling = step.status === 'overdue' || (step.status === 'pending' && step.left !== null && step.left <= settings.dueSoonWorkingDays);
      if (falling && step.due !== null) dueSteps.push({ procedureCode, step: step.step, due: step.due });
    }
  }
  return { overdueDossiers, dueSteps };
}

export function applyAutomaticTasks(doc: Y.Doc, sources: AutomaticSources, ctx: EditContext): void {
  doc.transact(() => {
    for (const dossier of sources.overdueDossiers) ensureDossierOverdueTask(doc, dossier, ctx);
    for (const step of sources.dueSteps) ensurePublicationStepTask(doc, step, ctx);
  }, ctx.origin);
}
