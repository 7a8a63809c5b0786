// The board at the side panel's own width (420 px), in Debian's Chromium with the built extension:
// one column at a time with a column switcher, whole task titles, column actions in words with
// accessible names and tooltips, and a new task shown where the officer looks (scrolled into
// view, focused, highlighted, confirmed) even at the bottom of a long column.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { t } from '../shared/i18n/i18n.ts';
import { planTemplate2024 } from '../shared/board/plan-template.ts';
import { plannedTasks } from '../shared/board/seeding.ts';
import { launchWithExtension, type ExtensionBrowser } from './support/browser.ts';
import { addTask, card, openBoard } from './support/board.ts';

const poll = { timeout: 15_000, interval: 50 };
const vi = (key: string, params: Record<string, string | number> = {}) => t(key, params, 'vi');
const shownColumns = (page: Page) => page.locator('[data-column-id]').evaluateAll((columns) => columns.map((c) => c.getAttribute('data-column-id')));
const switcher = (page: Page) => page.getByRole('group', { name: vi('board.columnSwitcher') });

/** Whether the element's box lies inside the window and inside every scrolling box around it. */
const inView = (page: Page, selector: string) => page.locator(selector).evaluate((element) => {
  const box = element.getBoundingClientRect();
  if (box.top < 0 || box.bottom > innerHeight || box.left < 0 || box.right > innerWidth) return false;
  for (let parent = element.parentElement; parent; parent = parent.parentElement) {
    if (parent.scrollHeight <= parent.clientHeight) continue;
    const frame = parent.getBoundingClientRect();
    if (box.top < frame.top || box.bottom > frame.bottom) return false;
  }
  return true;
});

describe('the board at the side panel width', () => {
  let browser: ExtensionBrowser;
  let panel: Page;

  beforeAll(async () => {
    browser = await launchWithExtension();
    panel = await openBoard(browser);
    await panel.setViewportSize({ width: 420, height: 760 });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows one column at a time, chosen with the column switcher', async () => {
    const group = switcher(panel);
    await group.waitFor();
    expect(await group.getByRole('button').allTextContents()).toEqual(['Cần làm (0)', 'Đang làm (0)', 'Chờ phối hợp (0)', 'Hoàn thành (0)']);
    expect(await shownColumns(panel)).toEqual(['todo']);
    expect(await group.getByRole('button', { name: /^Cần làm/ }).getAttribute('aria-pressed')).toBe('true');
    await group.getByRole('button', { name: /^Chờ phối hợp/ }).click();
    await expect.poll(() => shownColumns(panel), poll).toEqual(['waiting']);
    expect(await group.getByRole('button', { name: /^Chờ phối hợp/ }).getAttribute('aria-pressed')).toBe('true');
    // Nothing wider than the panel: no sideways scrolling.
    expect(await panel.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(420);
  });

  it('names the column actions in words, with accessible names and tooltips naming the column', async () => {
    const column = panel.locator('[data-column-id="waiting"]');
    const rename = column.getByRole('button', { name: 'Đổi tên cột Chờ phối hợp', exact: true });
    const hide = column.getByRole('button', { name: 'Ẩn cột Chờ phối hợp', exact: true });
    expect(await rename.textContent()).toBe(vi('board.rename'));
    expect(await rename.getAttribute('title')).toBe('Đổi tên cột Chờ phối hợp');
    expect(await hide.textContent()).toBe(vi('board.archive'));
    expect(await hide.getAttribute('title')).toBe('Ẩn cột Chờ phối hợp');
    expect(await column.locator('button', { hasText: /^[✎⊘]$/ }).count()).toBe(0);
  });

  it('shows a new task at the end of a long column in view, focused, highlighted and confirmed', async () => {
    // A long column: the 2024 plan's tasks, loaded through the plan import.
    const planned = plannedTasks(planTemplate2024, null).length;
    const importer = panel.locator('details.plan-import');
    await importer.locator('summary').click();
    await importer.getByRole('button', { name: vi('planImport.builtIn') }).click();
    await importer.getByRole('button', { name: vi('planImport.seed', { count: planned }) }).click();
    await expect.poll(() => switcher(panel).getByRole('button', { name: /^Cần làm/ }).textContent(), poll).toBe(`Cần làm (${planned})`);
    const title = 'Rà soát, cập nhật danh mục thủ tục hành chính lĩnh vực đất đai sau khi sáp nhập đơn vị hành chính cấp xã';
    await addTask(panel, title);
    // The switcher turns to the column the task went to, though another one was shown.
    await expect.poll(() => shownColumns(panel), poll).toEqual(['todo']);
    const added = card(panel, title);
    await expect.poll(() => panel.evaluate(() => document.activeElement?.querySelector('.board-card-title')?.textContent), poll).toBe(title);
    expect(await inView(panel, '.board-card.just-added')).toBe(true);
    expect(await added.getAttribute('class')).toContain('just-added');
    expect(await panel.getByTestId('board-added').textContent()).toBe(`Đã thêm việc "${title}" vào cột Cần làm`);
    expect(await panel.getByTestId('board-added').getAttribute('role')).toBe('status');
    // The whole title, wrapped within the card rather than cut.
    const titleBox = added.locator('.board-card-title');
    expect(await titleBox.textContent()).toBe(title);
    expect(await titleBox.evaluate((el) => el.scrollWidth <= el.clientWidth && el.getBoundingClientRect().height > parseFloat(getComputedStyle(el).lineHeight))).toBe(true);
    // The highlight fades; the task stays where it is.
    await expect.poll(() => added.getAttribute('class'), { timeout: 10_000, interval: 100 }).not.toContain('just-added');
  });

  it('follows a card moved to another column with Alt+arrows', async () => {
    const title = 'Việc chuyển sang cột bên cạnh';
    await addTask(panel, title);
    await expect.poll(() => panel.evaluate(() => document.activeElement?.querySelector('.board-card-title')?.textContent), poll).toBe(title);
    await panel.keyboard.press('Alt+ArrowRight');
    await expect.poll(() => shownColumns(panel), poll).toEqual(['doing']);
    await expect.poll(() => panel.evaluate(() => document.activeElement?.closest('[data-column-id]')?.getAttribute('data-column-id')), poll).toBe('doing');
    expect(await switcher(panel).getByRole('button', { name: /^Đang làm/ }).getAttribute('aria-pressed')).toBe('true');
  });
});
