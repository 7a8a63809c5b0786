// A unit lead brings the board back from "Lịch sử thay đổi", in Debian's Chromium with the built
// extension and the real sync server: after a buggy client emptied the unit's board, the lead picks
// the moment before it, confirms, and every officer's board has its tasks again, the server too
// (an officer who connects afterwards sees them); work added after the mistake is kept.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addTask, boardOf, syncState, withTwoOfficers } from './support/board.ts';
import { signToken } from '../sync-server/token.ts';
import { readBoard } from '../shared/board/reader.ts';
import { topLevelKind } from '../shared/sync/revert.ts';
import { t } from '../shared/i18n/i18n.ts';
import { connectSynced, disconnect, waitSaved } from '../test-support/sync-server.ts';

const secret = 'board-restore-e2e-secret-0123456789ab';
const unit = 'so-tai-chinh';
const poll = { timeout: 30_000, interval: 50 };

const officers = withTwoOfficers(unit, secret);
const titles = async (page: Page) => Object.values(await boardOf(page)).flat().sort();
const token = (user: string) => signToken({ unit, user, role: 'editor' }, secret);

/** A client with an editor's token that empties every top-level map of the unit's document. */
async function emptyTheBoard(): Promise<void> {
  const buggy = await connectSynced(officers.server.url, unit, await token('buggy-client'), { ack: '1' });
  buggy.doc.transact(() => {
    for (const name of [...buggy.doc.share.keys()]) {
      if (topLevelKind(buggy.doc, name) !== 'map') continue;
      const map = buggy.doc.getMap(name);
      for (const key of [...map.keys()]) map.delete(key);
    }
  });
  await waitSaved(buggy);
  disconnect(buggy);
}

describe('restoring the board from the change history', () => {
  it('brings back what a buggy client erased for every officer, keeping work added after it', async () => {
    for (const page of [officers.lan.panel, officers.minh.panel]) await expect.poll(() => syncState(page), poll).toBe('saved');
    await addTask(officers.minh.panel, 'Công bố quyết định 1234');
    await addTask(officers.minh.panel, 'Cập nhật CSDL quốc gia');
    await expect.poll(() => titles(officers.lan.panel), poll).toEqual(['Cập nhật CSDL quốc gia', 'Công bố quyết định 1234'].sort());
    await expect.poll(() => syncState(officers.minh.panel), poll).toBe('saved');

    await emptyTheBoard();
    await expect.poll(() => titles(officers.lan.panel), poll).toEqual([]);
    await addTask(officers.lan.panel, 'Việc thêm sau sự cố');
    await expect.poll(() => syncState(officers.lan.panel), poll).toBe('saved');

    // Lan opens the history, picks Minh's moment (the one before the mistake) and confirms.
    await officers.lan.panel.getByText(t('boardHistory.title', {}, 'vi'), { exact: true }).click();
    const minhRow = officers.lan.panel.locator('.board-history tbody tr', { has: officers.lan.panel.getByRole('cell', { name: 'minh', exact: true }) });
    await expect.poll(() => minhRow.count(), poll).toBe(1);
    await minhRow.getByRole('button', { name: /^Khôi phục bảng về lúc/ }).click();
    await expect.poll(() => minhRow.locator('.board-history-confirm').textContent(), poll).toContain('Đưa bảng của đơn vị về như lúc');
    await minhRow.getByRole('button', { name: t('boardHistory.doRestore', {}, 'vi') }).click();
    await expect.poll(() => officers.lan.panel.locator('.board-history [role="status"]').textContent(), poll).toMatch(/^Đã đưa bảng về lúc .*: \d+ thay đổi/);

    const restored = ['Cập nhật CSDL quốc gia', 'Công bố quyết định 1234', 'Việc thêm sau sự cố'].sort();
    for (const page of [officers.lan.panel, officers.minh.panel]) await expect.poll(() => titles(page), poll).toEqual(restored);
    await expect.poll(() => syncState(officers.lan.panel), poll).toBe('saved');

    // The server holds it: an officer connecting now gets the tasks back with the board.
    const later = await connectSynced(officers.server.url, unit, await token('an'));
    const held = readBoard(later.doc).tasks.map((task) => task.title).sort();
    disconnect(later);
    expect(held).toEqual(restored);
  });
});
