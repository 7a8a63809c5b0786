// The unit's dossiers needing attention: unfinished ones past their appointment (the toolbar
// badge's figure) and those due within the due-soon threshold (the deadline notification).
import { vietnamCalendar } from '../../shared/calendar/calendar.ts';
import { dossierTimeliness } from '../../shared/dossier/timeliness.ts';
import type { CalendarDate } from '../../shared/time/dates.ts';
import type { TthcDatabase } from './database.ts';
import { isOfUnit, phaseRulesOf, type Settings } from './settings.ts';

type UnitSettings = Pick<Settings, 'unitAgencyCode' | 'unitAgencyName' | 'dueSoonWorkingDays' | 'phaseStatusNames'>;

export async function countDossierAttention(db: TthcDatabase, settings: UnitSettings, today: CalendarDate): Promise<{ overdue: number; dueSoon: number }> {
  // Only unfinished dossiers are in the openAppointmentAt index, in Vietnam time (store.ts), so it
  // orders them; only those due before the (threshold + 1)-th working day can be overdue or due soon.
  const bound = vietnamCalendar.addWorkingDays(today, settings.dueSoonWorkingDays + 1);
  const candidates = await db.dossiers.where('openAppointmentAt').below(`${bound}T00:00:00+07:00`).toArray();
  const counts = { overdue: 0, dueSoon: 0 };
  // Paused and closed dossiers are neither overdue nor due soon: their timeliness state says so.
  const phaseRules = phaseRulesOf(settings);
  for (const dossier of candidates) {
    if (dossier.returnedAt !== null || !isOfUnit(dossier, settings)) continue;
    const { state } = dossierTimeliness(dossier, { today, dueSoonWorkingDays: settings.dueSoonWorkingDays, phaseRules });
    if (state === 'overdue') counts.overdue += 1;
    else if (state === 'due_soon') counts.dueSoon += 1;
  }
  return counts;
}

export async function countOverdue(db: TthcDatabase, settings: UnitSettings, today: CalendarDate): Promise<number> {
  return (await countDossierAttention(db, settings, today)).overdue;
}
