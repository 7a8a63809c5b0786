// The spreadsheet of the dossiers in view. Applicants' personal data (Nghị định 13/2023) is left
// out unless the unit keeps it and the officer asks for it in this export. Dates are real date
// cells (Excel sorts, filters and counts them), holding the day in Vietnam time.
import { t } from '../../../../shared/i18n/i18n.ts';
import { vietnamDateOf } from '../../../../shared/time/dates.ts';
import { timelinessLabel } from '../../../../shared/dossier/timelinessLabel.ts';
import { cellText } from '../../../../shared/text/cellText.ts';
import type { DossierRow } from './dossierView.ts';

export type SheetCell = string | number | Date | null;
export type SheetRow = SheetCell[];

/** How a date cell shows in Excel: the Vietnamese day/month/year order. */
export const DATE_FORMAT = 'dd/mm/yyyy';

const baseColumns = [
  'panel.export.code',
  'panel.export.procedureCode',
  'panel.export.procedureName',
  'panel.export.agency',
  'panel.export.status',
  'panel.export.channel',
  'panel.export.acceptedOn',
  'panel.export.appointmentOn',
  'panel.export.returnedOn',
  'panel.export.timeliness',
  'panel.export.workingDaysLeft',
  'panel.export.workingDaysLate',
];
const personalColumns = ['panel.export.applicantName', 'panel.export.applicantId', 'panel.export.applicantAddress'];

/**
 * The Vietnam day of an instant as a date cell. Excel dates have no time zone: the library writes
 * a Date's UTC reading, so the Vietnam day is given as that day at 00:00 UTC, whatever zone the
 * officer's computer is set to.
 */
const dateOf = (instant: string | null) => (instant === null ? null : new Date(`${vietnamDateOf(instant)}T00:00:00Z`));

/** The sheet as write-excel-file's cells: dates typed and formatted, empty cells empty. */
export function xlsxCells(sheet: readonly SheetRow[]) {
  return sheet.map((row) => row.map((value) => {
    if (value === null) return null;
    return value instanceof Date ? { value, type: Date, format: DATE_FORMAT } : { value };
  }));
}

/** `coverageLine`: how much of the portal the rows are (shared/portalCoverage), written above the table. */
export function dossierSheet(rows: readonly DossierRow[], options: { includePersonalData: boolean; coverageLine?: string | null }): SheetRow[] {
  const marker = t('panel.export.truncated');
  const header = [...baseColumns, ...(options.includePersonalData ? personalColumns : [])].map((key) => t(key));
  const body = rows.map(({ dossier, timeliness }): SheetRow => {
    const row: SheetRow = [
      dossier.code,
      dossier.procedureCode,
      dossier.procedureName,
      dossier.agency,
      dossier.status,
      t(`panel.channel.${dossier.channel}`),
      dateOf(dossier.acceptedAt),
      dateOf(dossier.appointmentAt),
      dateOf(dossier.returnedAt),
      timelinessLabel(timeliness),
      timeliness.workingDaysLeft,
      timeliness.workingDaysLate,
    ];
    if (options.includePersonalData) {
      row.push(dossier.applicant?.fullname ?? null, dossier.applicant?.identityNumber ?? null, dossier.applicant?.address ?? null);
    }
    // Captured text is the portal's: bound to what a cell holds, without control characters.
    return row.map((cell) => (typeof cell === 'string' ? cellText(cell, marker) : cell));
  });
  return options.coverageLine ? [[options.coverageLine], [], header, ...body] : [header, ...body];
}
