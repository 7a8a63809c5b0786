// The toolbar badge's figure: unfinished dossiers of the officer's unit past their appointment.
import { dossierTimeliness } from '../../shared/dossier/timeliness.ts';
import { addDays, type CalendarDate } from '../../shared/time/dates.ts';
import type { TthcDatabase } from './database.ts';
import { isOfUnit, type Settings } from './settings.ts';

export async function countOverdue(db: TthcDatabase, settings: Pick<Settings, 'unitAgencyCode' | 'unitAgencyName' | 'dueSoonWorkingDays'>, today: CalendarDate): Promise<number> {
  // Only unfinished dossiers are in the openAppointmentAt index, in Vietnam time (store.ts), so it
  // orders them; only those due before tomorrow can be overdue today.
  const candidates = await db.dossiers.where('openAppointmentAt').below(`${addDays(today, 1)}T00:00:00+07:00`).toArray();
  let overdue = 0;
  for (const dossier of candidates) {
    if (dossier.returnedAt !== null || !isOfUnit(dossier, settings)) continue;
    if (dossierTimeliness(dossier, { today, dueSoonWorkingDays: settings.dueSoonWorkingDays }).state === 'overdue') overdue += 1;
  }
  return overdue;
}
