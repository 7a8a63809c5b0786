// Everything the indicators are computed from, read from Dexie in one go: dossiers, publication
// records (evaluated today) and the figures entered per period.
import { evaluatePublication } from '../../../../shared/publication/deadlines.ts';
import type { IndicatorInputs } from '../../../../shared/indicators/compute.ts';
import type { CalendarDate } from '../../../../shared/time/dates.ts';
import { readPublicationRecords } from '../../../db/publications.ts';
import { db } from '../../../ui/pageDatabase.ts';
import { storedFigures } from './indicatorInput.ts';

export type IndicatorSources = Required<Pick<IndicatorInputs, 'dossiers' | 'publications' | 'figures'>>;

export async function loadIndicatorSources(today: CalendarDate): Promise<IndicatorSources> {
  const [dossiers, stored, figureRows] = await Promise.all([db.dossiers.toArray(), db.publications.toArray(), db.indicatorFigures.toArray()]);
  const publications = readPublicationRecords(stored).map((record) => ({ publicationDate: record.publicationDate, evaluation: evaluatePublication(record, { today }) }));
  return { dossiers, publications, figures: storedFigures(figureRows) };
}
