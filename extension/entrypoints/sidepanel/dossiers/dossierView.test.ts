import { describe, expect, it } from 'vitest';
import type { StoredDossier } from '../../../db/database.ts';
import type { Timeliness } from '../../../../shared/dossier/timeliness.ts';
import { sampleDossier as dossier } from './sampleDossier.ts';
import { dossierRows, emptyFilter, filterDossiers, type DossierRow } from './dossierView.ts';

function row(code: string, state: Timeliness['state'], patch: Partial<StoredDossier> = {}): DossierRow {
  const d = dossier(code, patch);
  return { dossier: d, timeliness: { state, workingDaysLeft: null, workingDaysLate: null }, appointmentMs: d.appointmentAt === null ? null : Date.parse(d.appointmentAt) };
}

const rows: DossierRow[] = [
  row('000.00.53.H48-240301-0003', 'overdue', { appointmentAt: '2024-03-10T17:00:00+07:00' }),
  row('000.00.53.H48-240301-0001', 'due_soon', { appointmentAt: '2024-03-20T17:00:00+07:00', procedureCode: '2.000001', procedureName: 'Đăng ký hộ kinh doanh' }),
  row('000.00.20.H48-240301-0002', 'late', { appointmentAt: '2024-03-05T17:00:00+07:00', agency: 'UBND huyện Duy Xuyên', agencyCode: '000.00.20.H48' }),
  row('000.00.53.H48-240301-0004', 'unknown', { appointmentAt: null }),
];

const codes = (list: DossierRow[]) => list.map((r) => r.dossier.code);
const noUnit = { unit: { name: null, agencyCodes: [] } };
const unitOf = (code: string) => ({ unit: { name: null, agencyCodes: [code] } });

describe('filterDossiers', () => {
  it('sorts by appointment, earliest first, dossiers without one last', () => {
    expect(codes(filterDossiers(rows, emptyFilter, noUnit))).toEqual([
      '000.00.20.H48-240301-0002',
      '000.00.53.H48-240301-0003',
      '000.00.53.H48-240301-0001',
      '000.00.53.H48-240301-0004',
    ]);
  });

  it('sorts latest first on request, still with dossiers without appointment last', () => {
    expect(codes(filterDossiers(rows, { ...emptyFilter, sort: 'appointmentDesc' }, noUnit))).toEqual([
      '000.00.53.H48-240301-0001',
      '000.00.53.H48-240301-0003',
      '000.00.20.H48-240301-0002',
      '000.00.53.H48-240301-0004',
    ]);
  });

  it('keeps only the chosen timeliness state', () => {
    expect(codes(filterDossiers(rows, { ...emptyFilter, state: 'overdue' }, noUnit))).toEqual(['000.00.53.H48-240301-0003']);
  });

  it('filters by procedure and by agency', () => {
    expect(codes(filterDossiers(rows, { ...emptyFilter, procedureCode: '2.000001' }, noUnit))).toEqual(['000.00.53.H48-240301-0001']);
    expect(codes(filterDossiers(rows, { ...emptyFilter, agency: 'UBND huyện Duy Xuyên' }, noUnit))).toEqual(['000.00.20.H48-240301-0002']);
  });

  it('searches codes without case and surrounding spaces', () => {
    expect(codes(filterDossiers(rows, { ...emptyFilter, codeQuery: '  h48-240301-000 ' }, noUnit))).toHaveLength(4);
    expect(codes(filterDossiers(rows, { ...emptyFilter, codeQuery: '00.20.h48' }, noUnit))).toEqual(['000.00.20.H48-240301-0002']);
  });

  it("keeps only the officer's unit when asked, by agency code", () => {
    const unitOnly = { ...emptyFilter, unitOnly: true };
    expect(codes(filterDossiers(rows, unitOnly, unitOf('000.00.20.H48')))).toEqual(['000.00.20.H48-240301-0002']);
    expect(codes(filterDossiers(rows, unitOnly, unitOf('000.00.53.H48')))).toHaveLength(3);
    expect(codes(filterDossiers(rows, { ...emptyFilter, unitOnly: false }, unitOf('000.00.20.H48')))).toHaveLength(4);
  });

  it('combines every filter', () => {
    expect(filterDossiers(rows, { ...emptyFilter, state: 'late', agency: 'Sở Xây dựng' }, noUnit)).toEqual([]);
  });
});

describe('dossierRows', () => {
  it('judges each dossier with the unit due-soon threshold and keeps its appointment for sorting', () => {
    const [overdue] = dossierRows([dossier('A', { appointmentAt: '2024-03-15T17:00:00+07:00' })], { today: '2024-03-20', dueSoonWorkingDays: 2 });
    expect(overdue!.timeliness.state).toBe('overdue');
    expect(overdue!.appointmentMs).toBe(Date.parse('2024-03-15T10:00:00Z'));
    const [unknown] = dossierRows([dossier('B', { appointmentAt: null })], { today: '2024-03-20', dueSoonWorkingDays: 2 });
    expect(unknown!.timeliness.state).toBe('unknown');
  });

  it('reads a dossier dated outside the working calendar as unknown instead of failing the list', () => {
    const rows = dossierRows([dossier('A', { appointmentAt: '2250-03-15T17:00:00+07:00' })], { today: '2024-03-20', dueSoonWorkingDays: 2 });
    expect(rows[0]!.timeliness.state).toBe('unknown');
  });
});
