// An officer of a unit with the task board, for the board's browser tests: a browser profile with
// the built extension, the board settings saved on the options page as the officer would, and the
// side panel's board tab. Texts are matched through the i18n layer, so a wording change keeps them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { t } from '../../shared/i18n/i18n.ts';
import { startSyncServer, type RunningSyncServer } from '../../sync-server/server.ts';
import { signToken } from '../../sync-server/token.ts';
import { launchWithExtension, type ExtensionBrowser } from './browser.ts';

export interface Officer { browser: ExtensionBrowser; panel: Page }

export async function openBoard(browser: ExtensionBrowser): Promise<Page> {
  const panel = await browser.openExtensionPage('sidepanel.html');
  await panel.getByRole('tab', { name: t('board.tab', {}, 'vi') }).click();
  return panel;
}

export async function officer(settings: { server: string; unit: string; token: string; name: string }, profileDir?: string): Promise<Officer> {
  const browser = await launchWithExtension(profileDir ? { profileDir } : {});
  const options = await browser.openExtensionPage('options.html');
  for (const [key, value] of Object.entries(settings)) await options.fill(`input[name="board-${key}"]`, value);
  await saveBoardSettings(options);
  await options.getByRole('status').filter({ hasText: t('board.settings.saved', {}, 'vi') }).waitFor();
  await options.close();
  return { browser, panel: await openBoard(browser) };
}

/** Presses the board section's own save button on the options page. */
export const saveBoardSettings = (options: Page) => options.locator('form:has(input[name="board-server"]) button[type="submit"]').click();

export const syncState = (page: Page) => page.locator('[data-sync-state]').getAttribute('data-sync-state');

/** Task titles per column, as the officer sees them. */
export async function boardOf(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const board: Record<string, string[]> = {};
    for (const column of document.querySelectorAll<HTMLElement>('[data-column-id]')) {
      board[column.dataset.columnId!] = [...column.querySelectorAll('.board-card-title')].map((el) => el.textContent ?? '');
    }
    return board;
  });
}

export async function addTask(page: Page, title: string): Promise<void> {
  await page.getByLabel(t('board.newTask.placeholder', {}, 'vi')).fill(title);
  await page.getByRole('button', { name: t('board.newTask', {}, 'vi') }).click();
}

export const card = (page: Page, title: string) => page.locator('.board-card', { has: page.locator('.board-card-title', { hasText: title }) });

export async function openTask(page: Page, title: string) {
  await card(page, title).click();
  const detail = page.locator('.board-detail');
  await detail.waitFor();
  return detail;
}

export interface UnitOfficers {
  server: RunningSyncServer;
  lan: Officer;
  minh: Officer;
}

/**
 * A real sync server and two editors of `unit` (Lan and Minh), each in a browser of their own,
 * started before the file's tests and closed after them; the fields are set once they are started.
 */
export function withTwoOfficers(unit: string, secret: string): UnitOfficers {
  const started = {} as UnitOfficers;
  let dataDir = '';
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), `tthc-${unit}-e2e-`));
    started.server = await startSyncServer({ port: 0, dataDir, secret });
    const token = (user: string) => signToken({ unit, user, role: 'editor' }, secret);
    [started.lan, started.minh] = await Promise.all([
      officer({ server: started.server.url, unit, token: await token('lan'), name: 'Lan' }),
      officer({ server: started.server.url, unit, token: await token('minh'), name: 'Minh' }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([started.lan, started.minh].filter(Boolean).map((o) => o.browser.close()));
    await started.server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return started;
}
