// `tthc-desk parse` as a person runs it: the real bin under the pinned Node, on the golden
// fixtures the extension's adapters are tested with.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const fixtures = join(root, 'shared', 'portal', 'fixtures');
const scratch = mkdtempSync(join(tmpdir(), 'tthc-parse-'));

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function parse(...args: string[]) {
  const result = spawnSync(process.execPath, [join(root, 'cli', 'bin.js'), 'parse', ...args], { cwd: root, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function json(...args: string[]): Record<string, unknown>[] {
  const { code, stdout, stderr } = parse(...args, '--json');
  expect(code, stderr).toBe(0);
  return JSON.parse(stdout) as Record<string, unknown>[];
}

function scratchFile(name: string, content: string): string {
  const file = join(scratch, name);
  writeFileSync(file, content);
  return file;
}

const expectedDossiers = (name: string) => (JSON.parse(readFileSync(join(fixtures, name), 'utf8')) as { dossiers: Record<string, unknown>[] }).dossiers;

describe('tthc-desk parse --json', () => {
  it('prints the records of a saved dossier search response with their timeliness', () => {
    const records = json(join(fixtures, 'igate-dossier-search.json'), '--today', '2024-06-05');
    const golden = expectedDossiers('igate-dossier-search.expected.json');
    expect(records.map(({ timeliness: _, ...record }) => record)).toEqual(golden);
    for (const record of records) {
      expect(Object.keys(record)).toEqual(expect.arrayContaining(['code', 'procedureCode', 'procedureName', 'agency', 'status', 'acceptedAt', 'appointmentAt', 'returnedAt', 'channel', 'timeliness']));
      expect(record.procedureCode).toMatch(/^\d\.\d{6}$/);
      for (const field of ['acceptedAt', 'appointmentAt', 'returnedAt']) expect(record[field] === null || /T\d{2}:\d{2}:\d{2}\+07:00$/.test(String(record[field]))).toBe(true);
    }
    expect(new Set(records.map((r) => (r.timeliness as { state: string }).state))).toEqual(new Set(['early', 'on_time', 'late', 'due_soon', 'paused']));
  });

  it('reads the same dossiers from the saved page (site detected from the DOM)', () => {
    const fromPage = json(join(fixtures, 'igate-dossier-search-page.html'), '--today', '2024-06-05');
    const fromApi = json(join(fixtures, 'igate-dossier-search.json'), '--today', '2024-06-05');
    expect(fromPage.map((r) => [r.code, r.status, r.appointmentAt, r.timeliness])).toEqual(fromApi.map((r) => [r.code, r.status, r.appointmentAt, r.timeliness]));
    expect(fromPage.every((r) => r.site === 'igate')).toBe(true);
  });

  it('counts the timeliness against --today: an appointment tomorrow is due soon, last week overdue', () => {
    const file = join(fixtures, 'igate-handwritten-page.html');
    const [early] = json(file, '--today', '2024-03-14');
    expect(early?.timeliness).toEqual({ state: 'due_soon', workingDaysLeft: 1, workingDaysLate: null });
    const [late] = json(file, '--today', '2024-03-22');
    expect(late?.timeliness).toEqual({ state: 'overdue', workingDaysLeft: null, workingDaysLate: 5 });
  });

  it('normalises NFD text and reads a +0000 appointment in Vietnam time', () => {
    const records = json(join(fixtures, 'igate-handwritten-cases.json'), '--today', '2024-12-16');
    expect(records[0]?.procedureName).toBe('Tạm ngừng kinh doanh hộ kinh doanh'.normalize('NFC'));
    expect(records[1]).toMatchObject({ code: '000.00.20.H48-240502-0007', appointmentAt: '2024-05-04T00:00:00+07:00', channel: 'postal' });
    expect(JSON.stringify(records)).not.toMatch(/Lê Thị Thử|049300000001/);
  });

  it('reads the national portal lookup and procedure pages', () => {
    const [dossier] = json(join(fixtures, 'dvcqg-tra-cuu-ho-so.html'), '--today', '2024-06-05');
    expect(dossier).toMatchObject({ site: 'dvcqg', code: '000.00.34.H48-240604-0003', timeliness: { state: 'early' } });
    const [procedure] = json(join(fixtures, 'dvcqg-chi-tiet-thu-tuc-hanh-chinh-3.000001.html'));
    expect(procedure).toMatchObject({ site: 'dvcqg', code: '3.000001', portalId: '7603', resolutionTime: { days: 7, unit: 'working' } });
    const [detail] = json(join(fixtures, 'dvcqg-handwritten-chi-tiet.html'));
    expect(detail).toMatchObject({ code: '3.000001', level: 'Cấp Tỉnh', decisionNumber: '1234/QĐ-BCT' });
  });

  it('prints procedures from a saved procedure list response', () => {
    const procedures = json(join(fixtures, 'igate-procedure-search.json'));
    expect(procedures).toHaveLength(10);
    expect(procedures[0]).toMatchObject({ code: '1.001193', localCode: '1.001193.000.00.00.H48', name: 'Đăng ký khai sinh' });
  });

  it('uses the URL a browser wrote into a saved page', () => {
    const html = readFileSync(join(fixtures, 'igate-procedure-detail-page.html'), 'utf8').replace('<!doctype html>', '<!DOCTYPE html>\n<!-- saved from url=(0078)https://dichvucong.quangnam.gov.vn/vi/procedure/detail/650000000000000000000018 -->');
    const [procedure] = json(scratchFile('detail.html', html));
    expect(procedure).toMatchObject({ code: '1.001612', portalId: '650000000000000000000018' });
  });
});

describe('tthc-desk parse output for people', () => {
  it('prints a table with one row per dossier and its timeliness in both languages', () => {
    const { code, stdout } = parse(join(fixtures, 'igate-dossier-search.json'), '--today', '2024-06-05');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toContain('Mã / Code');
    expect(lines).toHaveLength(2 + 20);
    expect(stdout).toContain('Trễ hạn 6 ngày làm việc / Late by 6 working days');
  });

  it('reports entries it could not understand on stderr and still prints the rest', () => {
    const { code, stdout, stderr } = parse(join(fixtures, 'igate-dossier-search-broken-entries.json'), '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toHaveLength(13);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('Bỏ qua 7 mục');
    expect(stderr).toContain('Skipped 7 entries');
  });
});

describe('tthc-desk parse on every iGate shape', () => {
  it('--json prints the new fields: completion and return apart, step status and due date, national code, processing time, sector', () => {
    const [finished, waiting] = json(join(fixtures, 'igate-variant-slice.json'), '--today', '2024-06-20');
    expect(finished).toMatchObject({
      completedAt: '2024-06-03T09:30:00+07:00', returnedAt: '2024-06-11T00:00:00+07:00', nationCode: 'G22.34-240603-0011', stepDueAt: '2024-06-07T17:00:00+07:00',
      processingTime: { amount: 5, unit: 'working' }, sectorCode: 'LV021', sectorName: 'Văn hóa', agencyLevel: 'Cấp Sở', stepStatus: 'Đã trả kết quả',
    });
    // Judged on the completion (3/6), not the return (11/6, after the appointment day 10/6... read in Vietnam time 11/6).
    expect((finished!.timeliness as { state: string }).state).toBe('early');
    expect(waiting).toMatchObject({ stepStatus: 'Yêu cầu bổ sung giấy tờ', timeliness: { state: 'paused' } });
  });

  it('--json prints the paused and closed states of a cancelled and a suspended dossier past their appointment', () => {
    const records = json(join(fixtures, 'igate-variant-status-forms.json'), '--today', '2024-09-01');
    expect(records.map((r) => [r.status, (r.timeliness as { state: string }).state])).toEqual([['Đã hủy', 'closed'], ['Tạm dừng xử lý', 'paused'], ['Yêu cầu thanh toán', 'paused']]);
  });

  it('reads a saved single dossier (/pa/dossier/{id}) and a saved public lookup', () => {
    expect(json(join(fixtures, 'igate-variant-dossier-one.json')).map((r) => r.code)).toEqual(['000.00.55.H48-241001-0007']);
    expect(json(join(fixtures, 'igate-variant-public.json'))).toMatchObject([{ agency: 'Công an huyện Duy Xuyên', procedureCode: null }]);
  });

  it('--explain prints each rejection field by field and each field left empty', () => {
    const { code, stdout } = parse(join(fixtures, 'igate-handwritten-cases.json'), '--explain');
    expect(code).toBe(0);
    expect(stdout).toContain('Mục bị bỏ: Hồ sơ không có mã hồ sơ / A dossier has no dossier code');
    expect(stdout).toContain('Trường không đọc được: appointmentAt (1 hồ sơ) / Field not read: appointmentAt (1 dossier)');
    const over = scratchFile('long.json', JSON.stringify({ content: [{ code: 'X'.repeat(500), procedure: { name: 'A' } }, { code: 'OK-1' }] }));
    const explained = parse(over, '--explain').stdout;
    expect(explained).toContain('Hồ sơ thiếu hoặc sai trường bắt buộc');
    expect(explained).toMatch(/ {2}detail: .*code: Too big/);
  });
});

describe('tthc-desk parse refuses bad input with one sentence and exit code 2', () => {
  const cases: [string, () => string[], RegExp][] = [
    ['a missing file', () => [join(scratch, 'nope.json')], /Không đọc được tệp .* \/ Cannot read file/],
    ['a file that is neither JSON nor HTML', () => [scratchFile('notes.txt', 'hồ sơ 000.00.20.H48-240604-0002')], /không phải JSON hay HTML .* \/ File .* is neither JSON nor HTML/],
    ['broken JSON', () => [scratchFile('cut.json', '{"content": [')], /không phải JSON hợp lệ/],
    ['a response of an unknown shape, with the first rejection reasons', () => [join(fixtures, 'igate-dossier-search-broken-shape.json')], /không có hồ sơ nào có mã\): Dữ liệu trả về của cổng có dạng không nhận ra \(\{items,total,page,pageSize\}\) \/ File .* not understood .*: The portal returned data of a shape we do not recognise/],
    ['a response whose every dossier lacks a code', () => [scratchFile('nocode.json', '{"content": [{"id": 1}, {"code": ""}]}')], /Hồ sơ không có mã hồ sơ .* \/ File .* not understood .*A dossier has no dossier code/],
    ['an HTML page of no known portal', () => [scratchFile('other.html', '<!doctype html><html><body><p>Xin chào</p></body></html>')], /thuộc cổng nào.* \/ Cannot tell which portal/],
    ['an unknown --site', () => [join(fixtures, 'igate-dossier-search.json'), '--site', 'hcm'], /Cổng "hcm" không có/],
    ['JSON forced to the national portal', () => [join(fixtures, 'igate-dossier-search.json'), '--site', 'dvcqg'], /No readable dossier/],
    ['an impossible --today', () => [join(fixtures, 'igate-dossier-search.json'), '--today', '2024-02-30'], /Ngày không hợp lệ/],
    ['no file at all', () => [], /cần tên tệp/],
  ];

  it.each(cases)('%s', (_, args, message) => {
    const { code, stdout, stderr } = parse(...args());
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});

describe('tthc-desk parse on saved responses of the national TTHC database', () => {
  const list = join(fixtures, 'dvcqg-quyet-dinh-cong-bo-list.json');
  const amended = join(fixtures, 'dvcqg-decision-115010-modified-procedures.json');

  it('recognises the decision list by its keys and prints each decision', () => {
    const decisions = json(list);
    expect(decisions).toHaveLength(50);
    expect(decisions[0]).toEqual(expect.objectContaining({ id: '115187', number: '2193/QĐ-UBND', publishedOn: '2025-12-09', agency: 'UBND tỉnh Thái Nguyên' }));
    const { code, stdout } = parse(list);
    expect(code).toBe(0);
    expect(stdout).toContain('2751/QĐ-UBND');
  });

  it('reads a decision\'s procedure list with --service naming it, and --decision', () => {
    const rows = json(amended, '--service', 'get_modified_procedures_by_dp_id_service_v2', '--decision', '115010');
    expect(rows.map((r) => [r.decisionId, r.nationalId, r.change])).toEqual([['115010', '388421', 'amended'], ['115010', '109830', 'amended'], ['115010', '109833', 'amended'], ['115010', '109836', 'amended']]);
  });

  it('refuses an unknown service, naming the ones it reads, and a procedure list whose service is not named', () => {
    const unknown = parse(amended, '--service', 'report_tinh_766_service');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('get_rescinded_procedures_by_dp_id_service_v2');
    expect(unknown.stderr).not.toMatch(/\n\s+at /);
    const unnamed = parse(amended);
    expect(unnamed.code).toBe(2);
    expect(unnamed.stderr).toContain('--service');
  });
});
