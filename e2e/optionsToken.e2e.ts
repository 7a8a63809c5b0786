// Saving the board's token on the options page, against the real sync server: the token is checked
// with the server (/auth/check) before it is kept, and the officer reads at once whose token it
// is, or why it is refused (another unit's, invalid, expired) right under the token field, which
// is marked and focused; a refused token is not saved.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSyncServer, type RunningSyncServer } from '../sync-server/server.ts';
import { signToken } from '../sync-server/token.ts';
import { launchWithExtension, type ExtensionBrowser } from './support/browser.ts';
import { saveBoardSettings } from './support/board.ts';
import { readExtensionStore } from './support/extensionDb.ts';

const secret = 'options-token-e2e-secret-of-32-bytes!';
const unit = 'so-tu-phap';
const poll = { timeout: 15_000, interval: 50 };

describe('the board token on the options page', () => {
  let server: RunningSyncServer;
  let dataDir: string;
  let browser: ExtensionBrowser;
  let options: Page;

  const storedBoard = async () => (await readExtensionStore<{ key: string; value: unknown }>(browser.serviceWorker, 'settings')).find((row) => row.key === 'board')?.value;
  const tokenField = () => options.locator('input[name="board-token"]');
  const tokenProblem = async () => {
    const described = await tokenField().getAttribute('aria-describedby');
    return described === null ? null : options.locator(`[id="${described}"]`).textContent();
  };

  async function saveToken(token: string): Promise<void> {
    await options.fill('input[name="board-server"]', server.url);
    await options.fill('input[name="board-unit"]', unit);
    await tokenField().fill(token);
    await options.fill('input[name="board-name"]', 'Lan');
    await saveBoardSettings(options);
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tthc-options-token-e2e-'));
    server = await startSyncServer({ port: 0, dataDir, secret });
    browser = await launchWithExtension();
    options = await browser.openExtensionPage('options.html');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("refuses another unit's token on save, naming the unit it belongs to, and keeps nothing", async () => {
    await saveToken(await signToken({ unit: 'so-noi-vu', user: 'hoa', role: 'editor' }, secret));
    await expect.poll(tokenProblem, poll).toBe('Mã này là mã của đơn vị so-noi-vu, không mở được bảng việc của đơn vị so-tu-phap. Chưa lưu.');
    expect(await tokenField().getAttribute('aria-invalid')).toBe('true');
    expect(await tokenField().evaluate((input) => input === document.activeElement)).toBe(true);
    expect(await tokenProblem()).not.toBeNull();
    expect(await options.getByRole('status').count()).toBe(0);
    expect(await storedBoard()).toBeUndefined();
  });

  it('says an invalid token is invalid and an expired one has expired', async () => {
    await saveToken(await signToken({ unit, user: 'lan', role: 'editor' }, 'another-secret-of-at-least-32-bytes'));
    await expect.poll(tokenProblem, poll).toMatch(/^Mã không hợp lệ/);
    await saveToken(await signToken({ unit, user: 'lan', role: 'editor', ttlSeconds: -60 }, secret));
    await expect.poll(tokenProblem, poll).toMatch(/^Mã đã hết hạn/);
    expect(await storedBoard()).toBeUndefined();
  });

  it("saves a token of the unit, saying whose it is instead of a bare 'saved'", async () => {
    const token = await signToken({ unit, user: 'lan', role: 'editor' }, secret);
    await saveToken(token);
    await expect.poll(() => options.getByRole('status').textContent(), poll).toBe('Đã lưu cài đặt bảng việc. Mã của đơn vị so-tu-phap, người dùng lan');
    expect(await tokenField().getAttribute('aria-invalid')).toBeNull();
    expect(await storedBoard()).toEqual({ server: server.url, unit, token, name: 'Lan' });
  });
});
