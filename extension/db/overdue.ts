// The unit's open dossiers needing attention. The board makes a task of each overdue one, from one
// query: only active unfinished dossiers carry openAppointmentAt (dossierIndex.ts: a paused or
// closed one is settled), in Vietnam time, so the index orders them; only those due before the
// (threshold + 1)-th working day can be overdue or due soon, so it is read up to there and no
// further. The toolbar badge and the deadline notification only count them: from the tallies
// (dossierCounts.ts), kept with the same index fields, so they read no dossier and agree.
import { dossierFinishedAt } from '../../shared/schemas/dossier.ts';
import { vietnamCalendar } from '../../shared/calendar/calendar.ts';
import type { CalendarDate } from '../../shared/time/dates.ts';
import type { StoredDossier, TthcDatabase } from './database.ts';
import { countDossiersByState } from './dossierCounts.ts';
import { judgedTimeliness } from './dossierIndex.ts';
import { hasUnit, isOfUnit, phaseRulesOf, type Settings } from './settings.ts';

export type UnitSettings = Pick<Settings, 'unit' | 'dueSoonWorkingDays' | 'phaseStatusNames'>;

export interface DossierAttention {
  overdue: StoredDossier[];
  dueSoon: StoredDossier[];
}

/** Whether a dossier can still fall due: not finished (a paused or closed one is sorted out by its timeliness state). */
function isOpen(dossier: StoredDossier): boolean {
  return dossierFinishedAt(dossier) === null;
}

/** Sorts candidates from the index into overdue and due soon, keeping the unit's open ones only. */
export function sortAttention(candidates: readonly StoredDossier[], settings: UnitSettings, today: CalendarDate): DossierAttention {
  const attention: DossierAttention = { overdue: [], dueSoon: [] };
  // Paused and closed dossiers are neither overdue nor due soon: their timeliness state says so.
  const phaseRules = phaseRulesOf(settings);
  for (const dossier of candidates) {
    if (!isOpen(dossier) || !isOfUnit(dossier, settings)) continue;
    const { state } = judgedTimeliness(dossier, { today, dueSoonWorkingDays: settings.dueSoonWorkingDays, phaseRules });
    if (state === 'overdue') attention.overdue.push(dossier);
    else if (state === 'due_soon') attention.dueSoon.push(dossier);
  }
  return attention;
}

/** The unit's open dossiers overdue or due soon (every dossier when no unit is set). */
export async function unitDossierAttention(db: TthcDatabase, settings: UnitSettings, today: CalendarDate): Promise<DossierAttention> {
  const bound = vietnamCalendar.addWorkingDays(today, settings.dueSoonWorkingDays + 1);
  const candidates = await db.dossiers.where('openAppointmentAt').below(`${bound}T00:00:00+07:00`).toArray();
  return sortAttention(candidates, settings, today);
}

/** How many dossiers unitDossierAttention lists, from the tallies. */
export async function countDossierAttention(db: TthcDatabase, settings: UnitSettings, today: CalendarDate): Promise<{ overdue: number; dueSoon: number }> {
  const unitCodes = hasUnit(settings) ? settings.unit.agencyCodes : null;
  const counts = await countDossiersByState(db, { today, dueSoonWorkingDays: settings.dueSoonWorkingDays, unitCodes });
  return { overdue: counts.overdue, dueSoon: counts.due_soon };
}
