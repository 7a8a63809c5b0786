// Publication records as the officer types or imports them. Every problem becomes one
// InputProblem naming the field (and the file row) so the panel can show one clear message;
// nothing is stored unless the whole input is good.
import { CALENDAR_FIRST_YEAR, CALENDAR_LAST_YEAR } from '../../../../shared/calendar/calendar.ts';
import { isCalendarDate, type CalendarDate } from '../../../../shared/time/dates.ts';
import { InputProblem } from '../../../ui/inputProblem.ts';
import {
  publicationDateFields,
  publicationRecordSchema,
  type PublicationDateField,
  type PublicationRecord,
} from '../../../../shared/schemas/publication.ts';

export { InputProblem, publicationDateFields, type PublicationDateField, type PublicationRecord };

export type PublicationForm = { procedureCode: string; procedureName: string } & Record<PublicationDateField, string>;

export const emptyPublicationForm: PublicationForm = {
  procedureCode: '',
  procedureName: '',
  ...(Object.fromEntries(publicationDateFields.map((field) => [field, ''])) as Record<PublicationDateField, string>),
};

const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/**
 * A date as officers write it: 2024-03-05 or 05/03/2024 (day first, as in Vietnamese documents).
 * Empty means "not done yet"; anything else that is not a real day is a problem.
 */
export function parseOfficerDate(text: string, field: string): CalendarDate | undefined {
  const value = text.trim();
  if (value === '') return undefined;
  const dayFirst = DAY_FIRST.exec(value);
  const iso = dayFirst ? `${dayFirst[3]}-${dayFirst[2]!.padStart(2, '0')}-${dayFirst[1]!.padStart(2, '0')}` : value;
  if (!isCalendarDate(iso)) throw new InputProblem('panel.publication.badDate', { field, value });
  // Deadlines are counted on the working-day calendar, which covers these years only.
  const year = Number(iso.slice(0, 4));
  if (year < CALENDAR_FIRST_YEAR || year > CALENDAR_LAST_YEAR) {
    throw new InputProblem('panel.publication.outOfRange', { field, value, first: CALENDAR_FIRST_YEAR, last: CALENDAR_LAST_YEAR });
  }
  return iso;
}

/** Checks one record's columns (the CLI `check` names) and returns the record. */
export function publicationFromFields(fields: Record<string, unknown>): PublicationRecord {
  const text = (field: string): string => {
    const value = fields[field];
    if (value === undefined || value === null) return '';
    if (typeof value !== 'string') throw new InputProblem('panel.publication.notText', { field });
    return value.trim();
  };
  const procedureCode = text('procedureCode');
  if (procedureCode === '') throw new InputProblem('panel.publication.missing', { field: 'procedureCode' });
  const dates = Object.fromEntries(publicationDateFields.map((field) => [field, parseOfficerDate(text(field), field) ?? null]));
  if (dates.publicationDate === null && dates.ministryListDate === null) throw new InputProblem('panel.publication.missingDate');
  const parsed = publicationRecordSchema.safeParse({ procedureCode, procedureName: text('procedureName'), ...dates });
  if (!parsed.success) throw new InputProblem('panel.publication.invalid', { detail: parsed.error.issues[0]?.message ?? '' });
  return parsed.data;
}

export function formFromRecord(record: PublicationRecord): PublicationForm {
  const form: PublicationForm = { ...emptyPublicationForm, procedureCode: record.procedureCode, procedureName: record.procedureName };
  for (const field of publicationDateFields) form[field] = record[field] ?? '';
  return form;
}
