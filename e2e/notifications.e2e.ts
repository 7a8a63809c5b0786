// The daily deadline notification, in Debian's Chromium with the built extension: seeded dossiers
// and publication records, the daily check run from the service worker at 09:00 Vietnam time, and
// what Chrome's notification centre then holds. Once a day: a second check the same day shows
// nothing more; turned off on the options page: nothing is shown.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDaily, clearNotice, recordedNotices, recordNotices, shownIds } from './support/notifications.ts';
import { launchWithExtension, type ExtensionBrowser } from './support/browser.ts';
import { putExtensionRows, putStoredDossiers, readExtensionStore } from './support/extensionDb.ts';
import type { StoredDossier } from '../extension/db/database.ts';
import { sampleDossier } from '../extension/entrypoints/sidepanel/dossiers/sampleDossier.ts';
import { vietnamCalendar } from '../shared/calendar/calendar.ts';
import { evaluatePublication } from '../shared/publication/deadlines.ts';
import { publicationRecordSchema } from '../shared/schemas/publication.ts';
import { addDays, todayInVietnam } from '../shared/time/dates.ts';

const poll = { timeout: 15_000, interval: 50 };
const today = todayInVietnam();
const nineAm = `${today}T09:00:00+07:00`;
const unit = '000.00.53.H48';

function open(code: string, appointmentDay: string, patch: Partial<StoredDossier> = {}): StoredDossier {
  const appointmentAt = `${appointmentDay}T17:00:00+07:00`;
  return sampleDossier(code, { acceptedAt: `${addDays(today, -40)}T08:00:00+07:00`, appointmentAt, openAppointmentAt: appointmentAt, ...patch });
}

const dossiers = [
  open('OVERDUE-1', vietnamCalendar.addWorkingDays(today, -3), { applicant: { fullname: 'Nguyễn Văn A', identityNumber: '049090000001', address: 'Tam Kỳ' } }),
  open('OVERDUE-2', vietnamCalendar.addWorkingDays(today, -1)),
  open('DUESOON-1', vietnamCalendar.addWorkingDays(today, 1)),
  open('PENDING-1', vietnamCalendar.addWorkingDays(today, 10)),
  // Another unit's overdue dossier is not the officer's concern.
  open('OTHER-UNIT', vietnamCalendar.addWorkingDays(today, -3), { agencyCode: '000.00.20.H48', agency: 'UBND huyện Duy Xuyên' }),
];
const publications = [
  { procedureCode: '1.001612', procedureName: 'Cấp giấy phép xây dựng', publicationDate: addDays(today, -60) },
  // Published 2 working days ago: posting (within 3 working days) is due on the next working day.
  { procedureCode: '2.000001', procedureName: 'Đăng ký hộ kinh doanh', publicationDate: vietnamCalendar.addWorkingDays(today, -2) },
];
// Step counts come from the domain core (tested there): overdue, and pending with at most 2 days left.
const steps = publications.flatMap((p) => evaluatePublication(publicationRecordSchema.parse(p), { today }).steps);
const overdueSteps = steps.filter((s) => s.status === 'overdue').length;
const dueSoonSteps = steps.filter((s) => s.status === 'pending' && s.left !== null && s.left <= 2).length;

type Worker = ExtensionBrowser['serviceWorker'];

const setting = async (worker: Worker, key: string) => (await readExtensionStore<{ key: string; value: unknown }>(worker, 'settings')).find((row) => row.key === key)?.value;

describe('the daily deadline notification', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchWithExtension();
    const worker = browser.serviceWorker;
    // Whatever the start-up check did (it runs when the browser starts) is over once this returns.
    await checkDaily(worker, nineAm);
    await recordNotices(worker);
    await putStoredDossiers(worker, dossiers);
    await putExtensionRows(worker, 'publications', publications.map((record) => ({ procedureCode: record.procedureCode, record, updatedAt: nineAm })));
    await putExtensionRows(worker, 'settings', [{ key: 'unitAgencyCode', value: unit }, { key: 'deadlineCheckedOn', value: null }]);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows one notification with the counts of what needs attention, and no personal data', async () => {
    expect(overdueSteps).toBeGreaterThan(0);
    expect(dueSoonSteps).toBeGreaterThan(0);
    await checkDaily(browser.serviceWorker, nineAm);
    await expect.poll(() => shownIds(browser.serviceWorker), poll).toEqual(['deadline-digest']);
    const [notice, ...more] = await recordedNotices(browser.serviceWorker);
    expect(more).toEqual([]);
    expect(notice).toEqual({
      title: 'tthc-desk: việc cần chú ý',
      message: [
        '2 hồ sơ của đơn vị quá hạn',
        '1 hồ sơ sắp đến hạn (còn không quá 2 ngày làm việc)',
        `${overdueSteps} bước công bố, niêm yết TTHC quá hạn`,
        `${dueSoonSteps} bước công bố, niêm yết TTHC sắp đến hạn (còn không quá 2 ngày)`,
      ].join('\n'),
    });
    expect(notice!.message).not.toMatch(/Nguyễn|049090000001|OVERDUE/);
    expect(await setting(browser.serviceWorker, 'deadlineCheckedOn')).toBe(today);
  });

  it('does not show it again the same Vietnam day', async () => {
    await checkDaily(browser.serviceWorker, `${today}T16:30:00+07:00`);
    expect(await recordedNotices(browser.serviceWorker)).toHaveLength(1);
    expect(await shownIds(browser.serviceWorker)).toEqual(['deadline-digest']);
  });

  it('shows nothing once the officer turns notifications off on the options page', async () => {
    const worker = browser.serviceWorker;
    await clearNotice(worker, 'deadline-digest');
    const options = await browser.openExtensionPage('options.html');
    const toggle = options.getByRole('checkbox', { name: 'Thông báo hạn cần chú ý mỗi ngày' });
    await expect.poll(() => toggle.isChecked(), poll).toBe(true);
    await toggle.click();
    await expect.poll(() => setting(worker, 'deadlineNotifications'), poll).toBe(false);
    // As if the next day had come: the day's check runs again, and shows nothing.
    await putExtensionRows(worker, 'settings', [{ key: 'deadlineCheckedOn', value: null }]);
    await checkDaily(worker, nineAm);
    expect(await setting(worker, 'deadlineCheckedOn')).toBe(today);
    expect(await shownIds(worker)).toEqual([]);
    expect(await recordedNotices(worker)).toHaveLength(1);
  });
});
