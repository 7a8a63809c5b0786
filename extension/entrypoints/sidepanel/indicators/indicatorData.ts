// Everything the indicators are computed from, read from Dexie in one go: dossiers, publication
// records (evaluated today with their captured evidence, as everywhere else) and the figures entered per period.
import type { IndicatorInputs } from '../../../../shared/indicators/compute.ts';
import type { CalendarDate } from '../../../../shared/time/dates.ts';
import type { StoredDossier } from '../../../db/database.ts';
import { evaluateStoredRecords } from '../../../db/publications.ts';
import { db } from '../../../ui/pageDatabase.ts';
import { storedFigures } from './indicatorInput.ts';

/** The dossiers as stored, so the tab can keep the unit's (by agency code) before computing. */
export type IndicatorSources = Required<Pick<IndicatorInputs, 'publications' | 'figures'>> & { dossiers: StoredDossier[] };

export async function loadIndicatorSources(today: CalendarDate): Promise<IndicatorSources> {
  const [dossiers, evaluated, figureRows] = await Promise.all([db.dossiers.toArray(), evaluateStoredRecords(db, null, today), db.indicatorFigures.toArray()]);
  const publications = evaluated.map(({ record, evaluation }) => ({ publicationDate: record.publicationDate, evaluation }));
  return { dossiers, publications, figures: storedFigures(figureRows) };
}
