// Everything the indicators are computed from, read from Dexie in one go: dossiers, publication
// records (evaluated today) and the figures entered per period.
import { publicationRecordSchema } from '../../../../shared/schemas/publication.ts';
import { evaluatePublication } from '../../../../shared/publication/deadlines.ts';
import type { IndicatorInputs } from '../../../../shared/indicators/compute.ts';
import type { CalendarDate } from '../../../../shared/time/dates.ts';
import { db } from '../../../ui/database.ts';
import { storedFigures } from './indicatorInput.ts';

export type IndicatorSources = Required<Pick<IndicatorInputs, 'dossiers' | 'publications' | 'figures'>>;

export async function loadIndicatorSources(today: CalendarDate): Promise<IndicatorSources> {
  const [dossiers, stored, figureRows] = await Promise.all([db.dossiers.toArray(), db.publications.toArray(), db.indicatorFigures.toArray()]);
  const publications = stored.flatMap((row) => {
    const parsed = publicationRecordSchema.safeParse(row.record);
    if (!parsed.success) return [];
    return [{ publicationDate: parsed.data.publicationDate, evaluation: evaluatePublication(parsed.data, { today }) }];
  });
  return { dossiers, publications, figures: storedFigures(figureRows) };
}
