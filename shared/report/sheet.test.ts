import { describe, expect, it } from 'vitest';
import { parseCsv } from '../csv/csv.ts';
import { buildForm06 } from './form06.ts';
import { reportDossierSchema } from './input.ts';
import { parseReportPeriod } from './period.ts';
import { formCsv, formRows, FORM_COLUMNS } from './sheet.ts';

const at = (date: string) => `${date}T09:00:00+07:00`;
const report = buildForm06([
  reportDossierSchema.parse({ code: 'a', channel: 'online', sectorName: 'Hộ tịch, chứng thực', agencyLevel: 'Cấp xã', acceptedAt: at('2024-04-01'), appointmentAt: at('2024-04-05'), returnedAt: at('2024-04-05') }),
  reportDossierSchema.parse({ code: 'b', channel: 'direct', sectorName: 'Đất đai', agencyLevel: 'Cấp huyện', acceptedAt: at('2024-04-02'), appointmentAt: at('2024-04-05') }),
], parseReportPeriod('2024-Q2'));

describe('the form laid out', () => {
  const rows = formRows(report, { unit: 'UBND xã Tam Thanh' });
  it('has thirteen places in every row, a merged cell leaving null places behind it', () => {
    for (const row of rows) expect(row).toHaveLength(FORM_COLUMNS);
    expect(rows[4]?.[2]).toMatchObject({ value: 'Số hồ sơ nhận giải quyết', columnSpan: 4 });
    expect(rows[4]?.slice(3, 6)).toEqual([null, null, null]);
  });
  it('heads each level with its subtotal, numbers its sectors within it, and ends with the total', () => {
    expect(rows.slice(7).map((row) => [row[0]?.value, row[1]?.value, row[2]?.value])).toEqual([
      ['I', 'UBND cấp huyện', 1], [1, 'Đất đai', 1], ['II', 'UBND cấp xã', 1], [1, 'Hộ tịch, chứng thực', 1], ['Tổng cộng', undefined, 2],
    ]);
  });
  it('writes CSV with one header line naming every column and the body rows, commas quoted', () => {
    const lines = parseCsv(formCsv(report)).map(({ record }) => record);
    expect(Object.keys(lines[0]!)).toHaveLength(FORM_COLUMNS);
    expect(lines.map((l) => l['Lĩnh vực'])).toEqual(['UBND cấp huyện', 'Đất đai', 'UBND cấp xã', 'Hộ tịch, chứng thực', '']);
    expect(lines.at(-1)).toMatchObject({ STT: 'Tổng cộng', 'Số hồ sơ đã giải quyết: Đúng hạn': '1', 'Số hồ sơ đang giải quyết: Quá hạn': '1' });
  });
});
