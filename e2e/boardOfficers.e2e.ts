// Two officers of one unit on the task board, in Debian's Chromium with the built extension and
// the real sync server: an officer's undo and redo (the board's "Hoàn tác"/"Làm lại" buttons) touch
// only that officer's own edit, never a colleague's concurrent one; and a publication step falling
// due, found in a publication record each officer's extension stored, becomes exactly one task on
// the unit's board however many panels open and officers create it.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addTask, boardOf, card, openBoard, syncState, withTwoOfficers } from './support/board.ts';
import { putExtensionRows } from './support/extensionDb.ts';
import { vietnamCalendar } from '../shared/calendar/calendar.ts';
import { t } from '../shared/i18n/i18n.ts';
import { evaluatePublication } from '../shared/publication/deadlines.ts';
import { publicationRecordSchema } from '../shared/schemas/publication.ts';
import { addDays, todayInVietnam } from '../shared/time/dates.ts';

const secret = 'board-officers-e2e-secret-0123456789';
const unit = 'so-xay-dung';
const poll = { timeout: 30_000, interval: 50 };
const today = todayInVietnam();

const officers = withTwoOfficers(unit, secret);
const column = async (page: Page, id: string) => (await boardOf(page))[id] ?? [];
const bothSaved = async () => {
  await expect.poll(() => syncState(officers.lan.panel), poll).toBe('saved');
  await expect.poll(() => syncState(officers.minh.panel), poll).toBe('saved');
};

describe('undo and redo on the board', () => {
  it('reverts and restores only the officer\'s own edit, keeping a colleague\'s concurrent one', async () => {
    await bothSaved();
    // Minh adds the tasks, so nothing of them is in Lan's history.
    await addTask(officers.minh.panel, 'Báo cáo tháng');
    await addTask(officers.minh.panel, 'Rà soát hồ sơ tồn');
    await expect.poll(() => column(officers.lan.panel, 'todo'), poll).toEqual(['Báo cáo tháng', 'Rà soát hồ sơ tồn']);

    // At the same time, each moves one task to "doing".
    await card(officers.lan.panel, 'Báo cáo tháng').focus();
    await officers.lan.panel.keyboard.press('Alt+ArrowRight');
    await card(officers.minh.panel, 'Rà soát hồ sơ tồn').focus();
    await officers.minh.panel.keyboard.press('Alt+ArrowRight');
    for (const page of [officers.lan.panel, officers.minh.panel]) await expect.poll(() => column(page, 'doing'), poll).toHaveLength(2);
    await bothSaved();

    await officers.lan.panel.getByRole('button', { name: t('board.undo', {}, 'vi'), exact: true }).click();
    for (const page of [officers.lan.panel, officers.minh.panel]) {
      await expect.poll(() => column(page, 'todo'), poll).toEqual(['Báo cáo tháng']);
      await expect.poll(() => column(page, 'doing'), poll).toEqual(['Rà soát hồ sơ tồn']);
    }
    await bothSaved();

    await officers.lan.panel.getByRole('button', { name: t('board.redo', {}, 'vi'), exact: true }).click();
    for (const page of [officers.lan.panel, officers.minh.panel]) {
      await expect.poll(() => column(page, 'todo'), poll).toEqual([]);
      await expect.poll(async () => [...(await column(page, 'doing'))].sort(), poll).toEqual(['Báo cáo tháng', 'Rà soát hồ sơ tồn']);
    }
    await bothSaved();
  });
});

describe('automatic tasks of publication steps', () => {
  // Published 2 working days ago: posting (within 3 working days) falls due on the next working day.
  const record = { procedureCode: '1.004227', procedureName: 'Cấp giấy phép xây dựng', publicationDate: vietnamCalendar.addWorkingDays(today, -2) };
  // Which steps fall due comes from the domain core (tested there): overdue, or pending within the due-soon threshold.
  const falling = evaluatePublication(publicationRecordSchema.parse(record), { today }).steps
    .filter((s) => s.due !== null && (s.status === 'overdue' || (s.status === 'pending' && s.left !== null && s.left <= 2)));
  const titles = falling.map((s) => t('board.auto.publicationStep', { procedure: record.procedureCode, step: t(`board.step.${s.step}`, {}, 'vi') }, 'vi'));
  const ids = falling.map((s) => `publication:${record.procedureCode}:${s.step}`);
  const countsOf = (page: Page) => page.evaluate(
    ({ ids, titles }) => {
      const cards = [...document.querySelectorAll<HTMLElement>('[data-task-id]')];
      return { byId: ids.map((id) => cards.filter((c) => c.dataset.taskId === id).length), byTitle: titles.map((title) => cards.filter((c) => c.querySelector('.board-card-title')?.textContent === title).length) };
    },
    { ids, titles },
  );

  it('creates one task per step falling due, though two panels open and both officers create it', async () => {
    expect(falling.map((s) => s.step)).toContain('posting');
    const stored = { procedureCode: record.procedureCode, record, updatedAt: `${today}T09:00:00+07:00` };
    await Promise.all([officers.lan, officers.minh].map((o) => putExtensionRows(o.browser.serviceWorker, 'publications', [stored])));
    // Opening the board looks for automatic tasks: two panels of Lan's at once, and Minh's.
    const [lanSecond] = await Promise.all([openBoard(officers.lan.browser), officers.lan.panel.reload().then(() => officers.lan.panel.getByRole('tab', { name: t('board.tab', {}, 'vi') }).click()), officers.minh.panel.reload().then(() => officers.minh.panel.getByRole('tab', { name: t('board.tab', {}, 'vi') }).click())]);
    const once = { byId: ids.map(() => 1), byTitle: titles.map(() => 1) };
    for (const page of [officers.lan.panel, lanSecond, officers.minh.panel]) await expect.poll(() => countsOf(page), poll).toEqual(once);
    await bothSaved();
    for (const page of [officers.lan.panel, lanSecond, officers.minh.panel]) expect(await countsOf(page)).toEqual(once);
    await lanSecond.close();
  });

  it('makes none for a provincial-system step whose code was already seen on the provincial list', async () => {
    // Published 10 working days ago, nothing entered since: posting and the provincial system are both overdue,
    // but the code was on the provincial list the day after, so the badges and the notification count that step done.
    const seen = { procedureCode: '2.000488', procedureName: 'Cấp chứng chỉ hành nghề', publicationDate: vietnamCalendar.addWorkingDays(today, -10) };
    await putExtensionRows(officers.lan.browser.serviceWorker, 'publications', [{ procedureCode: seen.procedureCode, record: seen, updatedAt: `${today}T09:00:00+07:00` }]);
    await putExtensionRows(officers.lan.browser.serviceWorker, 'procedureFirstSeen', [{ procedureCode: seen.procedureCode, firstSeenOn: addDays(seen.publicationDate, 1) }]);
    await officers.lan.panel.reload();
    await officers.lan.panel.getByRole('tab', { name: t('board.tab', {}, 'vi') }).click();
    const taskIds = () => officers.lan.panel.evaluate(() => [...document.querySelectorAll<HTMLElement>('[data-task-id]')].map((c) => c.dataset.taskId));
    // One look creates all its tasks in one transaction: once posting's is there, the look is over.
    await expect.poll(taskIds, poll).toContain(`publication:${seen.procedureCode}:posting`);
    expect(await taskIds()).not.toContain(`publication:${seen.procedureCode}:provincialSystem`);
  });
});
