// The unit's dossiers needing attention: unfinished ones past their appointment (the toolbar
// badge's figure) and those due within the due-soon threshold (the deadline notification), from
// the tallies (dossierCounts.ts): recounted after every stored page of a collection, they read no dossier.
import type { CalendarDate } from '../../shared/time/dates.ts';
import type { TthcDatabase } from './database.ts';
import { countDossiersByState } from './dossierCounts.ts';
import { hasUnit, type Settings } from './settings.ts';

type UnitSettings = Pick<Settings, 'unit' | 'dueSoonWorkingDays'>;

export async function countDossierAttention(db: TthcDatabase, settings: UnitSettings, today: CalendarDate): Promise<{ overdue: number; dueSoon: number }> {
  const unitCodes = hasUnit(settings) ? settings.unit.agencyCodes : null;
  const counts = await countDossiersByState(db, { today, dueSoonWorkingDays: settings.dueSoonWorkingDays, unitCodes });
  return { overdue: counts.overdue, dueSoon: counts.due_soon };
}

export async function countOverdue(db: TthcDatabase, settings: UnitSettings, today: CalendarDate): Promise<number> {
  return (await countDossierAttention(db, settings, today)).overdue;
}
