// The side panel and options page in Debian's Chromium with the built extension: dossiers with
// their badges and filters, publication records typed and imported, a bad date refused without
// losing anything, indicators, and settings that survive a reload. The side panel is opened as
// a tab (Playwright cannot open the real panel); Dexie is seeded through the extension's own origin.
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from './support/browser.ts';
import { putExtensionRows, putStoredDossiers, readExtensionStore } from './support/extensionDb.ts';
import type { StoredDossier } from '../extension/db/database.ts';
import { sampleDossier } from '../extension/entrypoints/sidepanel/dossiers/sampleDossier.ts';
import { vietnamCalendar } from '../shared/calendar/calendar.ts';
import { addDays, todayInVietnam, vietnamDateOf } from '../shared/time/dates.ts';
import { dossierTimeliness, type DossierDates } from '../shared/dossier/timeliness.ts';
import { evaluatePublication } from '../shared/publication/deadlines.ts';
import { publicationRecordSchema } from '../shared/schemas/publication.ts';

const poll = { timeout: 15_000, interval: 100 };
const today = todayInVietnam();
const vietnamInstant = (date: string) => `${date}T17:00:00+07:00`;

/** Writes rows straight into the extension's IndexedDB from one of its pages (same origin as Dexie). */
async function seed(page: Page, stores: Record<string, unknown[]>): Promise<void> {
  for (const [store, rows] of Object.entries(stores)) await putExtensionRows(page, store, rows);
}

const count = async (page: Page, store: string) => (await readExtensionStore(page, store)).length;

/** A dossier captured today, accepted 40 days ago, with no appointment unless the patch gives one. */
function dossier(code: string, patch: Partial<StoredDossier>): StoredDossier {
  const seenAt = `${today}T08:00:00+07:00`;
  return sampleDossier(code, { acceptedAt: vietnamInstant(addDays(today, -40)), appointmentAt: null, firstSeenAt: seenAt, lastSeenAt: seenAt, ...patch });
}

const overdueDay = vietnamCalendar.addWorkingDays(today, -4);
const pendingDay = vietnamCalendar.addWorkingDays(today, 10);
const lateDay = vietnamCalendar.addWorkingDays(today, -20);
const dossiers = [
  dossier('000.00.53.H48-OVERDUE-0001', { appointmentAt: vietnamInstant(overdueDay) }),
  dossier('000.00.53.H48-DUESOON-0002', { appointmentAt: vietnamInstant(vietnamCalendar.addWorkingDays(today, 1)) }),
  dossier('000.00.53.H48-PENDING-0003', { appointmentAt: vietnamInstant(pendingDay), procedureCode: '2.000001', procedureName: 'Đăng ký hộ kinh doanh' }),
  dossier('000.00.20.H48-LATE-0004', {
    appointmentAt: vietnamInstant(lateDay),
    returnedAt: vietnamInstant(vietnamCalendar.addWorkingDays(lateDay, 3)),
    agency: 'UBND huyện Duy Xuyên',
    agencyCode: '000.00.20.H48',
    status: 'Đã trả kết quả',
    // Stored while a unit kept personal data: still never exported unless asked for.
    applicant: { fullname: 'Nguyễn Văn A', identityNumber: '049090000001', address: 'Tam Kỳ' },
  }),
  dossier('000.00.53.H48-EARLY-0005', { appointmentAt: vietnamInstant(lateDay), returnedAt: vietnamInstant(addDays(lateDay, -2)), status: 'Đã trả kết quả' }),
  dossier('000.00.53.H48-NODATE-0006', { appointmentAt: null }),
];
// Day counts come from the domain core (tested there); here they check the panel shows them.
const timeliness = (code: string) => dossierTimeliness(dossiers.find((d) => d.code === code) as DossierDates, { today });
const expectedBadges: Record<string, string> = {
  '000.00.53.H48-OVERDUE-0001': `Quá hạn ${timeliness('000.00.53.H48-OVERDUE-0001').workingDaysLate} ngày làm việc`,
  '000.00.53.H48-DUESOON-0002': `Còn ${timeliness('000.00.53.H48-DUESOON-0002').workingDaysLeft} ngày làm việc`,
  '000.00.53.H48-PENDING-0003': `Còn ${timeliness('000.00.53.H48-PENDING-0003').workingDaysLeft} ngày làm việc`,
  '000.00.20.H48-LATE-0004': `Trễ hạn ${timeliness('000.00.20.H48-LATE-0004').workingDaysLate} ngày làm việc`,
  '000.00.53.H48-EARLY-0005': 'Sớm hạn',
  '000.00.53.H48-NODATE-0006': 'Chưa có hạn',
};

const rowCodes = (page: Page) => page.locator('.dossier-row button').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-code')));
const badgeOf = (page: Page, code: string) => page.locator(`.dossier-row button[data-code="${code}"] .badge`).textContent();
const stepStatus = (page: Page, code: string, step: string) =>
  page.locator(`article[data-procedure="${code}"] tr[data-step="${step}"] [data-status]`).getAttribute('data-status');

describe('side panel and options page', () => {
  let browser: ExtensionBrowser;
  let panel: Page;

  beforeAll(async () => {
    browser = await launchWithExtension();
    panel = await browser.openExtensionPage('sidepanel.html');
    await panel.getByText('Chưa có hồ sơ nào', { exact: false }).waitFor();
    await putStoredDossiers(panel, dossiers);
    await seed(panel, {
      statusObservations: [
        { dossierCode: '000.00.20.H48-LATE-0004', status: 'Mới đăng ký', seenAt: `${addDays(lateDay, -10)}T09:00:00+07:00` },
        { dossierCode: '000.00.20.H48-LATE-0004', status: 'Đã trả kết quả', seenAt: `${addDays(lateDay, 5)}T09:00:00+07:00` },
      ],
      captureProblems: [{ site: 'igate', url: 'http://127.0.0.1:9999/pa/dossier/search?page=3', reason: 'dữ liệu trả về không phải JSON', count: 20, seenAt: `${today}T08:30:00+07:00` }],
      procedureFirstSeen: [{ procedureCode: '1.001612', firstSeenOn: '2024-03-04' }],
    });
    await panel.reload();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('lists the captured dossiers with their timeliness badges and counts', async () => {
    expect(Object.fromEntries(dossiers.map((d) => [d.code, timeliness(d.code).state]))).toEqual({
      '000.00.53.H48-OVERDUE-0001': 'overdue',
      '000.00.53.H48-DUESOON-0002': 'due_soon',
      '000.00.53.H48-PENDING-0003': 'pending',
      '000.00.20.H48-LATE-0004': 'late',
      '000.00.53.H48-EARLY-0005': 'early',
      '000.00.53.H48-NODATE-0006': 'unknown',
    });
    await expect.poll(() => rowCodes(panel), poll).toHaveLength(6);
    for (const [code, badge] of Object.entries(expectedBadges)) {
      await expect.poll(() => badgeOf(panel, code), poll).toBe(badge);
    }
    // Sorted by appointment, earliest first; no appointment last.
    expect(await rowCodes(panel)).toEqual([
      '000.00.20.H48-LATE-0004',
      '000.00.53.H48-EARLY-0005',
      '000.00.53.H48-OVERDUE-0001',
      '000.00.53.H48-DUESOON-0002',
      '000.00.53.H48-PENDING-0003',
      '000.00.53.H48-NODATE-0006',
    ]);
    expect(await panel.locator('.count[data-state="overdue"] strong').textContent()).toBe('1');
    expect(await panel.locator('.count[data-state="due_soon"] strong').textContent()).toBe('1');
  });

  it('shows the pages it could not understand', async () => {
    const notice = panel.locator('.notice.warning');
    await notice.locator('summary').click();
    await notice.getByText('dữ liệu trả về không phải JSON').waitFor();
    expect(await notice.textContent()).toContain('Có trang chưa hiểu được (1 lần)');
    expect(await notice.textContent()).toContain('http://127.0.0.1:9999/pa/dossier/search?page=3');
    expect(await notice.textContent()).toContain('dữ liệu trả về không phải JSON');
  });

  it('filters by state, code, procedure and agency', async () => {
    await panel.locator('.count[data-state="overdue"]').click();
    await expect.poll(() => rowCodes(panel), poll).toEqual(['000.00.53.H48-OVERDUE-0001']);
    await panel.locator('.count[data-state="overdue"]').click();
    await expect.poll(() => rowCodes(panel), poll).toHaveLength(6);

    await panel.getByLabel('Tìm theo mã hồ sơ').fill(' duesoon ');
    await expect.poll(() => rowCodes(panel), poll).toEqual(['000.00.53.H48-DUESOON-0002']);
    await panel.getByLabel('Tìm theo mã hồ sơ').fill('');

    await panel.getByLabel('Thủ tục').selectOption('2.000001');
    await expect.poll(() => rowCodes(panel), poll).toEqual(['000.00.53.H48-PENDING-0003']);
    await panel.getByLabel('Thủ tục').selectOption('');

    await panel.getByLabel('Cơ quan').selectOption('UBND huyện Duy Xuyên');
    await expect.poll(() => rowCodes(panel), poll).toEqual(['000.00.20.H48-LATE-0004']);
    await panel.getByLabel('Cơ quan').selectOption('');

    await panel.getByLabel('Sắp xếp theo ngày hẹn trả').selectOption('appointmentDesc');
    await expect.poll(async () => (await rowCodes(panel))[0], poll).toBe('000.00.53.H48-PENDING-0003');
  });

  it('exports the dossiers in view to a spreadsheet without personal data', async () => {
    await panel.getByLabel('Tìm theo mã hồ sơ').fill('0004');
    await expect.poll(() => rowCodes(panel), poll).toEqual(['000.00.20.H48-LATE-0004']);
    expect(await panel.getByRole('checkbox', { name: 'Kèm dữ liệu cá nhân của người nộp' }).count()).toBe(0);
    const [download] = await Promise.all([panel.waitForEvent('download'), panel.getByRole('button', { name: 'Xuất Excel (1 hồ sơ)' }).click()]);
    expect(download.suggestedFilename()).toBe(`ho-so-${today}.xlsx`);
    const files = unzipSync(new Uint8Array(readFileSync(await download.path())));
    const sheetText = Object.entries(files)
      .filter(([name]) => name.startsWith('xl/'))
      .map(([, bytes]) => strFromU8(bytes))
      .join('\n');
    expect(sheetText).toContain('000.00.20.H48-LATE-0004');
    expect(sheetText).toContain('Mã hồ sơ');
    expect(sheetText).not.toContain('Nguyễn Văn A');
    expect(sheetText).not.toContain('049090000001');
    // The appointment (column H) is a date cell: Excel's day number of the Vietnam day, shown dd/mm/yyyy.
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
    const serial = Date.parse(`${lateDay}T00:00:00Z`) / 86_400_000 + 25_569;
    // The last row is the dossier's (a coverage sentence may stand above the header).
    const cell = [...sheet.matchAll(/<c r="H\d+"([^>]*)><v>([^<]*)<\/v><\/c>/g)].at(-1);
    expect(cell?.[2]).toBe(String(serial));
    expect(cell?.[1]).not.toContain('t="s"');
    expect(strFromU8(files['xl/styles.xml']!)).toContain('formatCode="dd/mm/yyyy"');
    await panel.getByLabel('Tìm theo mã hồ sơ').fill('');
  });

  it("opens a dossier's status timeline", async () => {
    await panel.locator('.dossier-row button[data-code="000.00.20.H48-LATE-0004"]').click();
    const timeline = panel.getByRole('list', { name: 'Diễn biến trạng thái' });
    await timeline.waitFor();
    expect(await timeline.locator('li').allTextContents()).toEqual([
      expect.stringContaining('Mới đăng ký'),
      expect.stringContaining('Đã trả kết quả'),
    ]);
  });

  it('gives a typed publication record the right step statuses', async () => {
    // Tabs follow the WAI-ARIA pattern: arrow keys move between them.
    await panel.getByRole('tab', { name: 'Hồ sơ' }).focus();
    await panel.keyboard.press('ArrowRight');
    await expect.poll(() => panel.getByRole('tab', { name: 'Công bố' }).getAttribute('aria-selected'), poll).toBe('true');
    const form = panel.locator('form[aria-labelledby="publication-form-title"]');
    await form.locator('input[name="procedureCode"]').fill('1.001612');
    await form.locator('input[name="procedureName"]').fill('Cấp giấy phép xây dựng');
    await form.locator('input[name="publicationDate"]').fill('01/03/2024');
    await form.locator('input[name="postedDate"]').fill('2024-03-08');
    await form.locator('input[name="webPostedDate"]').fill('05/03/2024');
    // The provincial list showed the code on 4/3/2024: the panel offers that date as evidence.
    await form.getByRole('button', { name: 'Dùng làm ngày công khai' }).click();
    expect(await form.locator('input[name="provincialSystemDate"]').inputValue()).toBe('2024-03-04');
    await form.getByRole('button', { name: 'Lưu' }).click();

    const record = publicationRecordSchema.parse({
      procedureCode: '1.001612',
      publicationDate: '2024-03-01',
      postedDate: '2024-03-08',
      webPostedDate: '2024-03-05',
      provincialSystemDate: '2024-03-04',
    });
    const expected = Object.fromEntries(evaluatePublication(record, { today }).steps.map((step) => [step.step, step.status]));
    expect(expected).toMatchObject({ publication: 'not_applicable', posting: 'late', webPosting: 'on_time', provincialSystem: 'on_time', nationalDb: 'overdue' });
    for (const [step, status] of Object.entries(expected)) {
      await expect.poll(() => stepStatus(panel, '1.001612', step), poll).toBe(status);
    }
    expect(await panel.locator('article[data-procedure="1.001612"] tr[data-step="posting"]').textContent()).toContain('trễ 2 ngày làm việc');
  });

  it('refuses an impossible date with one visible message and keeps what is stored', async () => {
    const form = panel.locator('form[aria-labelledby="publication-form-title"]');
    await panel.locator('article[data-procedure="1.001612"]').getByRole('button', { name: 'Sửa' }).click();
    await expect.poll(() => form.locator('input[name="publicationDate"]').inputValue(), poll).toBe('2024-03-01');
    await form.locator('input[name="postedDate"]').fill('30/02/2024');
    await form.getByRole('button', { name: 'Lưu' }).click();
    const alert = form.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('"30/02/2024"');
    expect(await form.locator('input[name="postedDate"]').evaluate((input) => input === document.activeElement)).toBe(true);
    expect(await panel.getByRole('alert').count()).toBe(1);
    expect(await stepStatus(panel, '1.001612', 'posting')).toBe('late');
    expect(await count(panel, 'publications')).toBe(1);

    await panel.getByText('Nhập từ tệp JSON hoặc CSV').first().click();
    const fileInput = panel.locator('input[type="file"]');
    await fileInput.setInputFiles({
      name: 'cong-bo.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('procedureCode,procedureName,publicationDate\n2.000001,Đăng ký hộ kinh doanh,2024-03-01\n2.000002,Sai ngày,2024-02-30\n'),
    });
    const importAlert = panel.locator('section').filter({ has: fileInput }).getByRole('alert');
    await importAlert.waitFor();
    expect(await importAlert.textContent()).toContain('cong-bo.csv, dòng 3');
    expect(await count(panel, 'publications')).toBe(1);

    await fileInput.setInputFiles({
      name: 'cong-bo.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify([{ procedureCode: '2.000001', procedureName: 'Đăng ký hộ kinh doanh', publicationDate: '2024-03-01', postedDate: '2024-03-04' }])),
    });
    await expect.poll(() => stepStatus(panel, '2.000001', 'posting'), poll).toBe('on_time');
    expect(await count(panel, 'publications')).toBe(2);
  });

  it('shows indicators with targets, rates computed from records and rates from entered figures', async () => {
    // The seeded dossiers were all received online, 40 days ago.
    const year = vietnamDateOf(vietnamInstant(addDays(today, -40))).slice(0, 4);
    const lastYear = String(Number(year) - 1);
    await panel.getByRole('tab', { name: 'Chỉ tiêu' }).click();
    const period = panel.locator('input[name="period"]');
    const indicator = (id: string) => panel.locator(`li[data-indicator="${id}"]`);

    await period.fill(lastYear);
    const online = indicator('onlineDossiers');
    await online.locator('summary').click();
    await online.locator('input[name="numerator"]').fill('70');
    await online.locator('input[name="denominator"]').fill('60');
    await online.getByRole('button', { name: 'Lưu' }).click();
    expect(await online.getByRole('alert').textContent()).toContain('Tử số không được lớn hơn mẫu số');
    await online.locator('input[name="denominator"]').fill('100');
    await online.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => online.getAttribute('data-source'), poll).toBe('figures');
    expect(await online.locator('.rate').textContent()).toBe('70%');

    await period.fill(year);
    await expect.poll(() => online.getAttribute('data-source'), poll).toBe('records');
    expect(await online.locator('.rate').textContent()).toBe('100%');
    expect(await online.textContent()).toContain('Tính từ dữ liệu ghi nhận');
    // Last year 70% ≥ the central 50%: the unit's target is 70 + 10 points = 80%.
    expect(await online.locator('.target').textContent()).toBe('Chỉ tiêu của đơn vị: 80% (Chỉ tiêu: 50%)');
    await panel.getByLabel('Cách hiểu "tăng thêm 10%"').selectOption('factor');
    await expect.poll(() => online.locator('.target').textContent(), poll).toBe('Chỉ tiêu của đơn vị: 77% (Chỉ tiêu: 50%)');

    const satisfaction = indicator('satisfaction');
    expect(await satisfaction.locator('.rate').textContent()).toBe('Chưa có số liệu');
    expect(await satisfaction.locator('.target').textContent()).toBe('Chỉ tiêu của đơn vị: 90%');
    await satisfaction.locator('summary').click();
    await satisfaction.locator('input[name="numerator"]').fill('1.900');
    await satisfaction.locator('input[name="denominator"]').fill('2.000');
    await satisfaction.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => satisfaction.locator('.rate').textContent(), poll).toBe('95%');
    expect(await satisfaction.getAttribute('data-source')).toBe('figures');
    expect(await satisfaction.textContent()).toContain('Đạt chỉ tiêu');
    expect(await panel.locator('li[data-indicator]').count()).toBe(12);
  });

  it('keeps settings across a reload and applies them to the side panel', async () => {
    const options = await browser.openExtensionPage('options.html');
    await options.locator('input[name="unitAgencyCodes"]').fill('000.00.53.H48');
    await options.locator('input[name="unitName"]').fill('Sở Xây dựng');
    await options.locator('input[name="unitName"]').press('Enter');
    await options.getByText('Đã lưu.').first().waitFor();
    await options.locator('input[name="dueSoonWorkingDays"]').fill('2.5');
    await options.locator('input[name="dueSoonWorkingDays"]').press('Enter');
    expect(await options.getByRole('alert').textContent()).toBe('Số ngày làm việc phải là số nguyên từ 0 đến 60. Chưa lưu.');
    await options.locator('input[name="dueSoonWorkingDays"]').fill('12');
    await options.locator('input[name="dueSoonWorkingDays"]').press('Enter');
    const keepPersonal = options.locator('input[name="keepPersonalData"]');
    expect(await keepPersonal.isChecked()).toBe(false);
    await keepPersonal.click();
    await expect.poll(() => keepPersonal.isChecked(), poll).toBe(true);
    await options.getByLabel('Ngôn ngữ').selectOption('en');
    await options.getByRole('heading', { name: 'tthc-desk settings' }).waitFor();

    await options.reload();
    await options.getByRole('heading', { name: 'tthc-desk settings' }).waitFor();
    expect(await options.locator('input[name="unitAgencyCodes"]').inputValue()).toBe('000.00.53.H48');
    expect(await options.locator('input[name="dueSoonWorkingDays"]').inputValue()).toBe('12');
    expect(await options.locator('input[name="keepPersonalData"]').isChecked()).toBe(true);

    // The side panel follows: English, and the pending dossier (10 working days left) is now due soon.
    await panel.reload();
    await panel.getByRole('tab', { name: 'Dossiers' }).waitFor();
    const pendingBadge = panel.locator('.dossier-row button[data-code="000.00.53.H48-PENDING-0003"] .badge');
    await expect.poll(() => pendingBadge.getAttribute('class'), poll).toBe('badge badge-due_soon');
    expect(await pendingBadge.textContent()).toBe(`${timeliness('000.00.53.H48-PENDING-0003').workingDaysLeft} working days left`);
    expect(await panel.getByRole('checkbox', { name: "Include applicants' personal data" }).isChecked()).toBe(false);
    await panel.getByRole('checkbox', { name: 'Only dossiers of Sở Xây dựng' }).check();
    await expect.poll(() => rowCodes(panel), poll).toHaveLength(5);
    expect(await rowCodes(panel)).not.toContain('000.00.20.H48-LATE-0004');
    await options.close();
  });

  it("erases the applicants' data kept so far when the unit turns personal data off", async () => {
    const withApplicant = async () => (await readExtensionStore<StoredDossier>(panel, 'dossiers')).filter((d) => d.applicant !== undefined).map((d) => d.code);
    await putExtensionRows(panel, 'settings', [{ key: 'keepPersonalData', value: true }]);
    expect(await withApplicant()).toEqual(['000.00.20.H48-LATE-0004']);
    const options = await browser.openExtensionPage('options.html');
    const keepPersonal = options.locator('input[name="keepPersonalData"]');
    await expect.poll(() => keepPersonal.isChecked(), poll).toBe(true);
    await keepPersonal.click();
    await expect.poll(withApplicant, poll).toEqual([]);
    // Only the personal fields go: every dossier is still there.
    expect(await count(panel, 'dossiers')).toBe(dossiers.length);
    await options.close();
  });
});
