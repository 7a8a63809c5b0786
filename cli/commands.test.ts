// The deadline, check and kpi commands, run as other tools run them: the real bin under the
// pinned Node, reading real files, judged by stdout, stderr and exit code.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectUsageError, tthc } from './cliProcess.testing.ts';

const root = join(import.meta.dirname, '..');
const fixture = (name: string) => join(root, 'cli', 'fixtures', name);
const scratch = mkdtempSync(join(tmpdir(), 'tthc-cli-'));

function scratchFile(name: string, content: string): string {
  const path = join(scratch, name);
  writeFileSync(path, content);
  return path;
}

const lastLine = (text: string) => text.trimEnd().split('\n').at(-1);

describe('tthc-desk', () => {
  it('without a command, names the commands on stderr, exit 2', () => expectUsageError(tthc(), /Commands: deadline, check, parse, kpi, report, token, serve, export, import, history, restore, backup/));
  it('refuses an unknown command', () => expectUsageError(tthc('deadlines'), /No command "deadlines"/));
  it('prints the usage on stdout for --help, exit 0', async () => {
    const { code, stdout, stderr } = await tthc('--help');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain('Usage: tthc-desk <command>');
  });
});

describe('tthc-desk deadline', () => {
  it('prints the due date as the last line, working days skipping Tết', async () => {
    const { code, stdout } = await tthc('deadline', '--from', '2024-02-07', '--days', '3', '--unit', 'working');
    expect(code).toBe(0);
    expect(lastLine(stdout)).toBe('2024-02-19');
  });

  it('rolls calendar days past 30/4–1/5 (Civil Code art. 148)', async () => {
    const { stdout } = await tthc('deadline', '--from', '2024-04-26', '--days', '4', '--unit', 'calendar');
    expect(lastLine(stdout)).toBe('2024-05-02');
  });

  it('prints one JSON object with --json, provisional in a year without an announced schedule', async () => {
    const announced = await tthc('deadline', '--from', '2025-04-25', '--days', '1', '--unit', 'working', '--json');
    expect(JSON.parse(announced.stdout)).toEqual({ from: '2025-04-25', days: 1, unit: 'working', due: '2025-04-26', provisional: false });
    const computed = await tthc('deadline', '--from', '2027-12-30', '--days', '60', '--unit', 'working', '--json');
    expect(JSON.parse(computed.stdout)).toMatchObject({ provisional: true });
  });

  it('refuses an impossible date', () => expectUsageError(tthc('deadline', '--from', '2024-02-30', '--days', '3', '--unit', 'working'), /2024-02-30/));
  it('refuses an unknown flag', () => expectUsageError(tthc('deadline', '--from', '2024-02-07', '--dayz', '3'), /--dayz/));
  it('refuses a missing flag', () => expectUsageError(tthc('deadline', '--from', '2024-02-07', '--unit', 'working'), /--days/));
  it('refuses a day count that is not a whole number', () => expectUsageError(tthc('deadline', '--from', '2024-02-07', '--days', '2.5', '--unit', 'working'), /"2\.5"/));
  it('refuses an unknown unit', () => expectUsageError(tthc('deadline', '--from', '2024-02-07', '--days', '3', '--unit', 'weeks'), /"weeks"/));
  it('judges a negative day count as a day count, naming it', () =>
    expectUsageError(tthc('deadline', '--from', '2024-02-07', '--days', '-5', '--unit', 'working'), /Number of days "-5" is invalid/));
  it('refuses a value given to a switch', () =>
    expectUsageError(tthc('deadline', '--from', '2024-02-07', '--days', '3', '--unit', 'working', '--json=yes'), /"--json" takes no value/));
  it('refuses a date outside the calendar', () => expectUsageError(tthc('deadline', '--from', '2100-12-01', '--days', '3000', '--unit', 'working'), /2100/));
});

describe('tthc-desk check', () => {
  const expected = [
    { procedureCode: '1.001612', statuses: ['on_time', 'on_time', 'on_time', 'on_time', 'late', 'on_time', 'overdue'] },
    { procedureCode: '2.000123', statuses: ['not_applicable', 'overdue', 'overdue', 'overdue', 'overdue', 'overdue', 'overdue'] },
  ];
  type Output = { procedureCode: string; steps: { step: string; due: string | null; doneOn: string | null; status: string; late: number | null }[] }[];

  it('prints each procedure\'s steps as JSON with --json', async () => {
    const { code, stdout } = await tthc('check', fixture('publications.json'), '--today', '2024-03-08', '--json');
    expect(code).toBe(0);
    const output = JSON.parse(stdout) as Output;
    expect(output.map((p) => ({ procedureCode: p.procedureCode, statuses: p.steps.map((s) => s.status) }))).toEqual(expected);
    expect(output[0]?.steps[4]).toMatchObject({ step: 'webPosting', due: '2024-03-06', doneOn: '2024-03-11', late: 3 });
  });

  it('reads a CSV file with the same columns to the same result', async () => {
    const json = await tthc('check', fixture('publications.json'), '--today', '2024-03-08', '--json');
    const csv = await tthc('check', fixture('publications.csv'), '--today', '2024-03-08', '--json');
    expect(csv.code).toBe(0);
    expect(JSON.parse(csv.stdout)).toEqual(JSON.parse(json.stdout));
  });

  it('prints a table per procedure with the steps, due dates and statuses', async () => {
    const { code, stdout } = await tthc('check', fixture('publications.json'), '--today', '2024-03-08');
    expect(code).toBe(0);
    expect(stdout).toContain('1.001612 — Cấp giấy phép xây dựng');
    expect(stdout).toMatch(/Đăng tải \/ Web posting\s+2024-03-06\s+2024-03-11\s+trễ hạn \/ late\s+trễ 3 ngày làm việc/);
    expect(stdout).toMatch(/HTTT tỉnh \/ Provincial system\s+2024-03-06\s+quá hạn \/ overdue\s+trễ 2 ngày/);
  });

  it('refuses an unreadable file', () => expectUsageError(tthc('check', join(scratch, 'missing.json')), /missing\.json \(ENOENT\)/));
  it('refuses a missing file argument', () => expectUsageError(tthc('check'), /check/));
  it('refuses JSON that is not an array', () => expectUsageError(tthc('check', scratchFile('object.json', '{"procedureCode":"1.1"}')), /JSON array/));
  it('refuses broken JSON', () => expectUsageError(tthc('check', scratchFile('broken.json', '[{"procedureCode":')), /not valid JSON/));
  it('refuses a record without a procedure code, naming the record', () =>
    expectUsageError(tthc('check', scratchFile('nocode.json', '[{"publicationDate":"2024-03-01"}]')), /record 1: field "procedureCode"/));
  it('refuses an impossible date in a record, naming field and value', () =>
    expectUsageError(tthc('check', scratchFile('baddate.json', '[{"procedureCode":"1.1","publicationDate":"2024-02-30"}]')), /"publicationDate" = "2024-02-30"/));
  it('refuses a CSV row with a wrong cell count, naming the line', () =>
    expectUsageError(tthc('check', scratchFile('short.csv', 'procedureCode,publicationDate\n1.1,2024-03-01\n1.2\n')), /line 3/));
  it('refuses a CSV with an unclosed quote', () =>
    expectUsageError(tthc('check', scratchFile('quote.csv', 'procedureCode,publicationDate\n"1.1,2024-03-01\n')), /unclosed quote/));
  it('refuses an impossible CSV date, naming line and column', () =>
    expectUsageError(tthc('check', scratchFile('date.csv', 'procedureCode,publicationDate\n1.1,2024-13-01\n')), /line 2: column "publicationDate" = "2024-13-01"/));
  it('refuses an impossible --today', () => expectUsageError(tthc('check', fixture('publications.json'), '--today', '2024-02-30'), /2024-02-30/));
  it('says a CSV problem once in each language, not both languages twice', async () => {
    const { stderr } = await tthc('check', scratchFile('quote2.csv', 'procedureCode,publicationDate\n"1.1,2024-03-01\n'));
    expect(stderr.trim().split(' / ')).toEqual([expect.stringMatching(/^Tệp .*quote2\.csv không đọc được: Tệp CSV có dấu ngoặc kép/), expect.stringMatching(/^File .*quote2\.csv cannot be read: The CSV file has an unclosed quote/)]);
  });
  it('refuses a record whose deadline falls beyond the working calendar, naming the date', () =>
    expectUsageError(tthc('check', scratchFile('far.json', '[{"procedureCode":"1.1","procedureName":"x","publicationDate":"2100-12-31"}]'), '--today', '2024-01-01'), /counted from 2100-12-31 falls outside the working calendar/));
  it('refuses an empty file as empty', () => expectUsageError(tthc('check', scratchFile('empty.json', '')), /empty\.json is empty/));
  it('refuses a directory given as the file', () => expectUsageError(tthc('check', scratch), /\(EISDIR\)/));
  it('refuses a .json file holding a JSON string rather than an array', () => expectUsageError(tthc('check', scratchFile('string.json', '"1.001612"')), /must be a JSON array/));
  it('refuses a binary file as not text', () => expectUsageError(tthc('check', scratchFile('sheet.xlsx', 'PK\u0003\u0004\u0000\u0000binary')), /is not UTF-8 text/));
  it('reads a JSON file that starts with a byte-order mark', async () => {
    const { code, stdout } = await tthc('check', scratchFile('bom.json', `\uFEFF${readFileSync(fixture('publications.json'), 'utf8')}`), '--today', '2024-03-08', '--json');
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as unknown[]).length).toBe(2);
  });
  it('refuses an unknown flag', () => expectUsageError(tthc('check', fixture('publications.json'), '--tomorrow'), /--tomorrow/));
});

describe('tthc-desk kpi', () => {
  type Result = { id: string; source: string; numerator: number | null; denominator: number | null; rate: number | null; target: number | null; met: boolean | null };

  it('computes the rates from records and entered figures with --json', async () => {
    const { code, stdout } = await tthc('kpi', fixture('kpi.json'), '--json');
    expect(code).toBe(0);
    const results = Object.fromEntries((JSON.parse(stdout) as Result[]).map((r) => [r.id, r]));
    expect(Object.keys(results)).toHaveLength(12);
    expect(results.onlineDossiers).toMatchObject({ source: 'records', numerator: 2, denominator: 3, rate: 66.67, target: 50, met: true });
    expect(results.onlinePayment).toMatchObject({ source: 'records', numerator: 1, denominator: 2, rate: 50 });
    expect(results.onTimePublication).toMatchObject({ source: 'records', numerator: 1, denominator: 2, met: false });
    expect(results.onTimeDossiers).toMatchObject({ source: 'records', numerator: 1, denominator: 2 });
    expect(results.digitisedDossiers).toMatchObject({ source: 'figures', rate: 82, met: true });
    // Last year's 92% met the 90% target: +10 points, capped at 100%.
    expect(results.satisfaction).toMatchObject({ source: 'figures', rate: 93, target: 100, met: false });
    expect(results.electronicResults).toMatchObject({ source: 'none', rate: null });
  });

  it('prints a table with rate, target and source', async () => {
    const { code, stdout } = await tthc('kpi', fixture('kpi.json'));
    expect(code).toBe(0);
    expect(stdout).toContain('Kỳ 2024-Q1 / Period 2024-Q1');
    expect(stdout).toMatch(/Tỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ tiếp nhận, giải quyết TTHC\s+66\.67% \(2\/3\)\s+50%\s+đạt \/ met\s+dữ liệu hồ sơ/);
  });

  it('refuses a file without a period', () => expectUsageError(tthc('kpi', scratchFile('noperiod.json', '{"dossiers":[]}')), /"period"/));
  it('refuses a dossier with an unreadable timestamp, naming where it is', () =>
    expectUsageError(tthc('kpi', scratchFile('badtime.json', '{"period":"2024","dossiers":[{"code":"x","acceptedAt":"yesterday"}]}')), /"dossiers\.0\.acceptedAt" = "yesterday"/));
  it('refuses an unreadable file', () => expectUsageError(tthc('kpi', join(scratch, 'nope.json')), /nope\.json/));
  it('refuses an empty file as empty', () => expectUsageError(tthc('kpi', scratchFile('empty-kpi.json', '  \n')), /empty-kpi\.json is empty/));
});
