// Bad input an officer can give the board, in Debian's Chromium with the built extension: each
// gets one visible sentence in Vietnamese and loses nothing already stored. Settings: a server
// address that is not a websocket one, a token pasted with a prefix and spaces, a server nobody
// answers at. Board: an empty or 10,000-character title, a column name taken or empty, hiding a
// column that still holds tasks, a due date the calendar (1990–2100) cannot count, a comment too
// long. Also: a hidden column can be shown again, a keyboard move keeps the focus on the card and
// is read out, and due dates read as in the dossier list.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from './support/browser.ts';
import { readExtensionStore } from './support/extensionDb.ts';
import { saveBoardSettings } from './support/board.ts';
import { vietnamCalendar, workingDaysPast } from '../shared/calendar/calendar.ts';
import { todayInVietnam } from '../shared/time/dates.ts';

const poll = { timeout: 15_000, interval: 50 };
const shots = process.env.TTHC_SCREENSHOTS;
const token = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJsYW4iLCJ1bml0Ijoic28tdHUtcGhhcCJ9.c2lnbmF0dXJl';

async function snap(page: Page, name: string): Promise<void> {
  if (!shots) return;
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

const alert = (page: Page) => page.locator('.board-error[role="alert"]');
const card = (page: Page, title: string) => page.locator('.board-card', { has: page.locator('.board-card-title', { hasText: title }) });
/** The board settings as the settings table holds them (undefined: none saved). */
const storedSettings = async (browser: ExtensionBrowser) =>
  (await readExtensionStore<{ key: string; value: unknown }>(browser.serviceWorker, 'settings')).find((row) => row.key === 'board')?.value;
const columnTitles = (page: Page) => page.locator('[data-column-id]').evaluateAll((columns) => columns.map((c) => c.getAttribute('aria-label')));

describe('bad input on the task board and its settings', () => {
  let browser: ExtensionBrowser;
  let options: Page;
  let panel: Page;

  beforeAll(async () => {
    browser = await launchWithExtension();
    options = await browser.openExtensionPage('options.html');
  });
  afterAll(async () => {
    await browser?.close();
  });


  it('refuses a server address that is not ws:// or wss://, saving nothing', async () => {
    for (const server of ['http://127.0.0.1:1234', 'ws://127.0.0.1:99999', 'máy chủ']) {
      await options.fill('input[name="board-server"]', server);
      await saveBoardSettings(options);
      const field = options.locator('input[name="board-server"]');
      await expect.poll(async () => options.locator(`[id="${await field.getAttribute('aria-describedby')}"]`).textContent(), poll)
        .toBe('Địa chỉ máy chủ phải có dạng ws://máy-chủ:cổng hoặc wss://máy-chủ (ví dụ ws://127.0.0.1:1234).');
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      expect(await field.evaluate((input) => input === document.activeElement)).toBe(true);
    }
    await snap(options, 'options-bad-server');
    expect(await storedSettings(browser)).toBeUndefined();
  });

  it('saves a token pasted with a "Bearer" prefix and spaces as the bare token', async () => {
    await options.fill('input[name="board-server"]', 'ws://127.0.0.1:9');
    await options.fill('input[name="board-unit"]', 'so-tu-phap');
    await options.fill('input[name="board-token"]', `  Bearer ${token.slice(0, 30)} ${token.slice(30)}  `);
    await options.fill('input[name="board-name"]', 'Lan');
    await saveBoardSettings(options);
    await options.getByRole('status').filter({ hasText: 'Đã lưu cài đặt bảng việc' }).waitFor();
    expect(await options.inputValue('input[name="board-token"]')).toBe(token);
    const stored = await storedSettings(browser);
    expect(stored).toEqual({ server: 'ws://127.0.0.1:9', unit: 'so-tu-phap', token, name: 'Lan' });
  });

  it('says the server cannot be reached, not that this computer is offline', async () => {
    panel = await browser.openExtensionPage('sidepanel.html');
    await panel.getByRole('tab', { name: 'Bảng việc' }).click();
    const badge = panel.locator('[data-sync-state]');
    await expect.poll(() => badge.textContent(), poll).toMatch(/^Không kết nối được máy chủ đồng bộ: kiểm tra địa chỉ/);
    await snap(panel, 'board-unreachable');
  });

  it('refuses an empty title and a 10,000-character one, keeping what was typed', async () => {
    const input = panel.getByLabel('Tên việc mới');
    await input.fill('   ');
    await panel.getByRole('button', { name: 'Thêm việc' }).click();
    await expect.poll(() => alert(panel).textContent(), poll).toBe('Mục "Tên việc" không được để trống.');
    const long = 'Rà soát '.repeat(1250);
    await input.fill(long);
    await panel.getByRole('button', { name: 'Thêm việc' }).click();
    await expect.poll(() => alert(panel).textContent(), poll).toBe('Mục "Tên việc" dài quá 500 ký tự.');
    expect(await input.inputValue()).toBe(long);
    await snap(panel, 'board-long-title');
    await input.fill('Rà soát thủ tục đất đai');
    await panel.getByRole('button', { name: 'Thêm việc' }).click();
    await card(panel, 'Rà soát thủ tục đất đai').waitFor();
    expect(await alert(panel).count()).toBe(0);
  });

  it('refuses an empty or taken column name, and hiding a column that still holds tasks', async () => {
    const newColumn = panel.getByRole('textbox', { name: 'Thêm cột' });
    await newColumn.fill(' đang LÀM ');
    await newColumn.press('Enter');
    await expect.poll(() => alert(panel).textContent(), poll).toBe('Đã có cột "Đang làm": chọn tên khác.');
    await panel.locator('[data-column-id="waiting"]').getByRole('button', { name: 'Đổi tên cột' }).click();
    await panel.getByRole('textbox', { name: 'Đổi tên cột' }).fill('');
    await panel.getByRole('textbox', { name: 'Đổi tên cột' }).press('Enter');
    await expect.poll(() => alert(panel).textContent(), poll).toBe('Mục "Tên cột" không được để trống.');
    await panel.getByRole('textbox', { name: 'Đổi tên cột' }).fill('Hoàn thành');
    await panel.getByRole('textbox', { name: 'Đổi tên cột' }).press('Enter');
    await expect.poll(() => alert(panel).textContent(), poll).toBe('Đã có cột "Hoàn thành": chọn tên khác.');
    expect(await panel.getByRole('textbox', { name: 'Đổi tên cột' }).inputValue()).toBe('Hoàn thành');
    await panel.locator('[data-column-id="todo"]').getByRole('button', { name: 'Ẩn cột' }).click();
    await expect.poll(() => alert(panel).textContent(), poll).toBe('Cột "Cần làm" còn 1 việc: chuyển các việc sang cột khác rồi mới ẩn cột.');
    await snap(panel, 'board-column-not-empty');
    expect(await columnTitles(panel)).toEqual(['Cần làm', 'Đang làm', 'Chờ phối hợp', 'Hoàn thành']);
    expect(await panel.locator('[data-column-id="todo"] .board-card-title').allTextContents()).toEqual(['Rà soát thủ tục đất đai']);
  });

  it('lists a hidden column under "Cột đã ẩn" and shows it again in its old place', async () => {
    await panel.locator('[data-column-id="doing"]').getByRole('button', { name: 'Ẩn cột' }).click();
    await expect.poll(() => columnTitles(panel), poll).toEqual(['Cần làm', 'Chờ phối hợp', 'Hoàn thành']);
    const hidden = panel.locator('.board-hidden-columns');
    await hidden.locator('summary', { hasText: 'Cột đã ẩn (1)' }).click();
    await hidden.getByRole('button', { name: 'Hiện lại cột Đang làm' }).click();
    await expect.poll(() => columnTitles(panel), poll).toEqual(['Cần làm', 'Đang làm', 'Chờ phối hợp', 'Hoàn thành']);
    expect(await hidden.count()).toBe(0);
  });

  it('keeps the focus on a card moved with Alt+arrows, and reads the move out', async () => {
    await card(panel, 'Rà soát thủ tục đất đai').focus();
    await panel.keyboard.press('Alt+ArrowRight');
    await panel.keyboard.press('Alt+ArrowRight');
    await expect.poll(() => panel.locator('[data-column-id="waiting"] .board-card-title').allTextContents(), poll).toEqual(['Rà soát thủ tục đất đai']);
    await expect.poll(() => panel.evaluate(() => (document.activeElement as HTMLElement | null)?.closest('[data-column-id]')?.getAttribute('data-column-id')), poll).toBe('waiting');
    expect(await panel.getByTestId('board-announcement').textContent()).toBe('Đã chuyển "Rà soát thủ tục đất đai" sang cột Chờ phối hợp, vị trí 1 trên 1');
    expect(await panel.getByTestId('board-announcement').getAttribute('aria-live')).toBe('polite');
  });

  it('refuses a due date outside 1990–2100 and keeps the stored one; words the due date as the dossier list does', async () => {
    await card(panel, 'Rà soát thủ tục đất đai').click();
    const detail = panel.locator('.board-detail');
    const due = detail.getByLabel('Hạn');
    const today = todayInVietnam();
    const past = vietnamCalendar.addWorkingDays(today, -3);
    await due.fill(past);
    const late = workingDaysPast(vietnamCalendar, past, today);
    await expect.poll(() => card(panel, 'Rà soát thủ tục đất đai').textContent(), poll).toContain(`Quá hạn ${late} ngày làm việc`);
    await due.fill('1989-12-31');
    await due.blur();
    await expect.poll(() => alert(panel).textContent(), poll).toBe('Hạn phải nằm trong các năm 1990–2100 (lịch ngày làm việc).');
    await snap(panel, 'board-due-out-of-range');
    expect(await card(panel, 'Rà soát thủ tục đất đai').textContent()).toContain(`Quá hạn ${late} ngày làm việc`);

    const comment = detail.getByRole('textbox', { name: 'Trao đổi' });
    await comment.fill('x'.repeat(5001));
    await detail.getByRole('button', { name: 'Gửi' }).click();
    await expect.poll(() => alert(panel).textContent(), poll).toBe('Mục "Trao đổi" dài quá 5000 ký tự.');
    expect(await comment.inputValue()).toHaveLength(5001);
    expect(await detail.getByRole('button', { name: 'Thêm nhãn' }).count()).toBe(1);
  });
});
