import { describe, expect, it } from 'vitest';
import { setLocale } from '../../../../shared/i18n/i18n.ts';
import type { StoredDossier } from '../../../db/database.ts';
import { DATE_FORMAT, dossierSheet, xlsxCells } from './exportSheet.ts';
import type { DossierRow } from './dossierView.ts';
import { sampleDossier } from './sampleDossier.ts';

const dossier: StoredDossier = sampleDossier('000.00.53.H48-240312-0001', {
  status: 'Đã trả kết quả',
  statusId: '4',
  acceptedAt: '2024-03-12T08:15:30+07:00',
  appointmentAt: '2024-05-03T17:00:00+00:00',
  returnedAt: '2024-05-06T10:00:00+07:00',
  paidOnline: true,
  applicant: { fullname: 'Nguyễn Văn A', identityNumber: '049090000001', address: 'Tam Kỳ' },
  firstSeenAt: '2024-03-12T09:00:00+07:00',
  lastSeenAt: '2024-05-06T11:00:00+07:00',
});
const rows: DossierRow[] = [{ dossier, timeliness: { state: 'late', workingDaysLeft: null, workingDaysLate: 1 }, appointmentMs: Date.parse(dossier.appointmentAt!) }];

describe('dossierSheet', () => {
  it('writes one header and one row per dossier, dates read in Vietnam time', () => {
    setLocale('vi');
    const [header, row] = dossierSheet(rows, { includePersonalData: false });
    expect(header).toHaveLength(12);
    expect(row!.slice(0, 3)).toEqual(['000.00.53.H48-240312-0001', '1.001612', 'Cấp giấy phép xây dựng']);
    // 17:00 UTC on 3/5 is 00:00 on 4/5 in Vietnam: date cells hold the Vietnam day.
    expect(row!.slice(6, 9)).toEqual([new Date('2024-03-12T00:00:00Z'), new Date('2024-05-04T00:00:00Z'), new Date('2024-05-06T00:00:00Z')]);
    expect(row!.slice(9)).toEqual(['Trễ hạn 1 ngày làm việc', null, 1]);
  });

  it('writes dates as typed, formatted date cells and text as plain cells', () => {
    const [, row] = xlsxCells(dossierSheet(rows, { includePersonalData: false }));
    expect(row![6]).toEqual({ value: new Date('2024-03-12T00:00:00Z'), type: Date, format: DATE_FORMAT });
    expect(row![0]).toEqual({ value: '000.00.53.H48-240312-0001' });
    expect(row![10]).toBeNull();
  });

  it('leaves personal data out unless asked', () => {
    const sheet = dossierSheet(rows, { includePersonalData: false });
    expect(sheet.flat()).not.toContain('Nguyễn Văn A');
    expect(sheet.flat()).not.toContain('049090000001');
    const withPersonal = dossierSheet(rows, { includePersonalData: true });
    expect(withPersonal[1]!.slice(-3)).toEqual(['Nguyễn Văn A', '049090000001', 'Tam Kỳ']);
  });

  it('writes the coverage sentence above the table when one is given', () => {
    setLocale('vi');
    const [coverage, blank, header] = dossierSheet(rows, { includePersonalData: false, coverageLine: 'Đã ghi nhận 60 / 21.000 hồ sơ của cổng' });
    expect(coverage).toEqual(['Đã ghi nhận 60 / 21.000 hồ sơ của cổng']);
    expect(blank).toEqual([]);
    expect(header).toHaveLength(12);
  });

  it('cuts a field longer than a cell holds with a visible marker and removes control characters', () => {
    setLocale('vi');
    const hostile = { ...dossier, code: 'H48\u0000-\u001B1\u202E', procedureName: 'x'.repeat(1_000_000) };
    const [, row] = dossierSheet([{ ...rows[0]!, dossier: hostile }], { includePersonalData: false });
    expect(row![0]).toBe('H48-1');
    expect(row![2]).toHaveLength(32_767);
    expect(String(row![2]).endsWith('[đã cắt bớt]')).toBe(true);
  });
});
