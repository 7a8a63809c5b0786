// tthc-desk report as a real process: the pinned Node running cli/bin.js on real files, judged by
// stdout, stderr, exit code and the .xlsx it writes, opened and read back.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectUsageError, repositoryRoot as root, tthc } from '../cliProcess.testing.ts';
import { readXlsx } from '../../shared/xlsx/readSheet.ts';

const records = join(root, 'cli', 'fixtures', 'report-dossiers.json');
const savedResponse = join(root, 'shared', 'portal', 'fixtures', 'igate-dossier-search.json');
const scratch = mkdtempSync(join(tmpdir(), 'tthc-report-'));

const report = (...args: string[]) => tthc('report', ...args);

const counts = (received: number[], resolved: number[], pending: number[]) => ({
  received: { total: received[0], online: received[1], direct: received[2], carriedOver: received[3] },
  resolved: { total: resolved[0], early: resolved[1], onTime: resolved[2], late: resolved[3] },
  pending: { total: pending[0], inTime: pending[1], overdue: pending[2] },
});

describe('tthc-desk report --json', () => {
  it('prints the period, one row per sector grouped by level, the total and the notes', async () => {
    const { code, stdout } = await report(records, '--period', '2024-Q2', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      period: { from: '2024-03-15', to: '2024-06-14' },
      rows: [
        { sector: 'Xây dựng', level: 'department', ...counts([1, 0, 1, 0], [1, 0, 1, 0], [0, 0, 0]) },
        { sector: 'Đất đai', level: 'district', ...counts([4, 2, 2, 0], [1, 0, 1, 0], [3, 2, 1]) },
        { sector: 'Hộ tịch', level: 'commune', ...counts([3, 1, 1, 1], [3, 1, 1, 1], [0, 0, 0]) },
      ],
      total: counts([8, 3, 4, 1], [5, 1, 3, 1], [3, 2, 1]),
      notes: { noAcceptedDate: 1, closedWithoutDate: 0, unknownChannel: 1, noAppointment: 0, finishBeforeAcceptance: 0 },
    });
  });

  it('keeps one unit\'s dossiers with --unit', async () => {
    const { stdout } = await report(records, '--period', '2024-Q2', '--json', '--unit', 'HUYEN-01');
    const parsed = JSON.parse(stdout) as { rows: { sector: string }[]; total: unknown };
    expect(parsed.rows.map((r) => r.sector)).toEqual(['Đất đai']);
    expect(parsed.total).toEqual(counts([4, 2, 2, 0], [1, 0, 1, 0], [3, 2, 1]));
  });

  it('reads a saved portal response with the adapters', async () => {
    const { code, stdout } = await report(savedResponse, '--period', '2024-Q2', '--json');
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout) as { total: { received: { total: number } } };
    const expected = JSON.parse(readFileSync(savedResponse.replace('.json', '.expected.json'), 'utf8')) as { dossiers: { acceptedAt: string }[] };
    expect(parsed.total.received.total).toBe(expected.dossiers.filter((d) => d.acceptedAt >= '2024-03-15' && d.acceptedAt < '2024-06-15').length);
  });

  it('prints the form as a table without --json, with what it rests on', async () => {
    const { code, stdout } = await report(records, '--period', '2024-Q2');
    expect(code).toBe(0);
    expect(stdout).toContain('(Từ ngày 15/03/2024 đến ngày 14/06/2024)');
    expect(stdout).toMatch(/Tổng cộng\s+8\s+3\s+4\s+1\s+5\s+1\s+3\s+1\s+3\s+2\s+1/);
    expect(stdout).toContain('Báo cáo dựa trên 8 hồ sơ; 1 hồ sơ bị loại');
  });
});

describe('tthc-desk report --xlsx', () => {
  it('writes the form: title, window and unit lines, merged group headers, column numbers, plain numbers', async () => {
    const out = join(scratch, 'bieu06.xlsx');
    const { code } = await report(records, '--period', '2024-6M', '--unit', 'XA-01', '--xlsx', out);
    expect(code).toBe(0);
    const sheet = readXlsx(readFileSync(out));
    expect(sheet.formulas).toBe(0);
    expect(sheet.rows[1]?.[0]).toBe('TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT TTHC TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT TTHC');
    expect(sheet.rows[2]?.[0]).toBe('(Từ ngày 15/12/2023 đến ngày 14/06/2024)');
    expect(sheet.rows[3]?.[0]).toBe('Đơn vị báo cáo: XA-01');
    expect(sheet.rows[4]?.slice(0, 11)).toEqual(['STT', 'Lĩnh vực', 'Số hồ sơ nhận giải quyết', null, null, null, 'Số hồ sơ đã giải quyết', null, null, null, 'Số hồ sơ đang giải quyết']);
    expect(sheet.rows[5]?.slice(2, 6)).toEqual(['Tổng số', 'Trực tuyến', 'Trực tiếp, dịch vụ bưu chính', 'Từ kỳ trước']);
    expect(sheet.rows[6]).toEqual(Array.from({ length: 13 }, (_, i) => `(${i + 1})`));
    expect(sheet.merged).toEqual(expect.arrayContaining(['A2:M2', 'A5:A6', 'B5:B6', 'C5:F5', 'G5:J5', 'K5:M5']));
    // The 6-month window from 15/12/2023: HT-3 and EARLIER, accepted in March, are received in it, not carried over.
    expect(sheet.rows.at(-1)).toEqual(['Tổng cộng', null, 4, 2, 2, 0, 4, 2, 1, 1, 0, 0, 0]);
  });

  it('refuses a file it cannot write, in one sentence', () =>
    expectUsageError(report(records, '--period', '2024-Q2', '--xlsx', join(scratch, 'missing', 'x.xlsx')), /ENOENT/));
});

describe('tthc-desk report, bad input', () => {
  it('refuses a period it does not know', () => expectUsageError(report(records, '--period', '2024-Q5'), /"2024-Q5".*YYYY-Qn/));
  it('needs --period', () => expectUsageError(report(records), /--period/));
  it('needs a file', () => expectUsageError(report('--period', '2024'), /report/));
  it('names the record and field of a bad date', () => {
    const file = join(scratch, 'bad-date.json');
    writeFileSync(file, JSON.stringify([{ code: 'A', acceptedAt: '31/02/2024', channel: 'online' }]));
    return expectUsageError(report(file, '--period', '2024'), /acceptedAt/);
  });
  it('refuses an array that is not dossiers', () => {
    const file = join(scratch, 'numbers.json');
    writeFileSync(file, '[1, 2, 3]');
    return expectUsageError(report(file, '--period', '2024'), /numbers\.json/);
  });
  it('refuses a file that is not JSON or a saved page', () => {
    const file = join(scratch, 'notes.txt');
    writeFileSync(file, 'hồ sơ quý 2');
    return expectUsageError(report(file, '--period', '2024'), /notes\.txt/);
  });
});
