// The unit's task board between officers, in Debian's Chromium with the built extension and the
// real sync server: two officers of one unit (two browser profiles) see each other's edits within
// a second; one is cut off from the network (a TCP relay in front of the server drops that
// officer's connections), both edit the same task and move others, and after reconnecting the
// board converges with nothing lost; an officer of another unit sees none of it, and a token of
// another unit is shown as refused, not as offline.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension } from './support/browser.ts';
import { t } from '../shared/i18n/i18n.ts';
import { putExtensionRows } from './support/extensionDb.ts';
import { addTask, boardOf, card, officer, openBoard, openTask, saveBoardSettings, syncState, type Officer } from './support/board.ts';
import { startSyncServer, type RunningSyncServer } from '../sync-server/server.ts';
import { signToken } from '../sync-server/token.ts';
import { vietnamCalendar } from '../shared/calendar/calendar.ts';
import { todayInVietnam } from '../shared/time/dates.ts';

const secret = 'board-e2e-secret-0123456789abcdef';
const unit = 'so-tu-phap';
const otherUnit = 'so-noi-vu';
const poll = { timeout: 30_000, interval: 50 };

/** A TCP relay to the server for one officer: blocking it is that officer's network going away. */
interface Relay { port: number; block(): void; unblock(): void; close(): Promise<void> }

async function startRelay(target: number): Promise<Relay> {
  const sockets = new Set<Socket>();
  let blocked = false;
  const server: Server = createServer((client) => {
    if (blocked) return client.destroy();
    const upstream = connect(target, '127.0.0.1');
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => socket.destroy());
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    block() {
      blocked = true;
      for (const socket of sockets) socket.destroy();
    },
    unblock() {
      blocked = false;
    },
    close: () => new Promise((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    }),
  };
}

/** A captured dossier past its appointment, written into the extension's capture database. */
async function captureOverdueDossier(page: Page, code: string): Promise<void> {
  const appointmentAt = `${vietnamCalendar.addWorkingDays(todayInVietnam(), -3)}T17:00:00+07:00`;
  await page.evaluate(async (row) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('tthc-desk');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tx = db.transaction(['dossiers'], 'readwrite');
    tx.objectStore('dossiers').put(row);
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, {
    code, portalId: null, site: 'igate', procedureCode: '1.001612', procedureName: 'Cấp giấy phép xây dựng',
    agency: 'Sở Tư pháp', agencyCode: '000.00.53.H48', status: 'Đang xử lý', statusId: null,
    acceptedAt: '2024-01-02T08:00:00+07:00', appointmentAt, openAppointmentAt: appointmentAt, returnedAt: null,
    channel: 'online', paidOnline: null, firstSeenAt: appointmentAt, lastSeenAt: appointmentAt,
  });
}

describe('the unit task board between officers', () => {
  let server: RunningSyncServer;
  let dataDir: string;
  let minhProfile: string;
  let relayA: Relay;
  let relayB: Relay;
  let lan: Officer;
  let minh: Officer;
  let hoa: Officer;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tthc-board-e2e-'));
    minhProfile = mkdtempSync(join(tmpdir(), 'tthc-board-profile-'));
    server = await startSyncServer({ port: 0, dataDir, secret });
    relayA = await startRelay(server.port);
    relayB = await startRelay(server.port);
    const token = (u: string, user: string) => signToken({ unit: u, user, role: 'editor' }, secret);
    [lan, minh, hoa] = await Promise.all([
      officer({ server: `ws://127.0.0.1:${relayA.port}`, unit, token: await token(unit, 'lan'), name: 'Lan' }),
      officer({ server: `ws://127.0.0.1:${relayB.port}`, unit, token: await token(unit, 'minh'), name: 'Minh' }, minhProfile),
      officer({ server: server.url, unit: otherUnit, token: await token(otherUnit, 'hoa'), name: 'Hoa' }),
    ]);
  });

  afterAll(async () => {
    await Promise.all([lan, minh, hoa].filter(Boolean).map((o) => o.browser.close()));
    await relayA?.close();
    await relayB?.close();
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(minhProfile, { recursive: true, force: true });
  });

  it('shows every change saved on the server, and who else is online', async () => {
    await expect.poll(() => syncState(lan.panel), poll).toBe('saved');
    await expect.poll(() => syncState(minh.panel), poll).toBe('saved');
    await expect.poll(() => lan.panel.getByTestId('board-presence').textContent(), poll).toContain('Minh');
  });

  it('shows one officer\'s new task and move to the other within a second', async () => {
    await addTask(lan.panel, 'Niêm yết TTHC mới');
    const started = Date.now();
    await card(minh.panel, 'Niêm yết TTHC mới').waitFor({ timeout: 1000 });
    expect(Date.now() - started).toBeLessThan(1000);
    await card(lan.panel, 'Niêm yết TTHC mới').focus();
    await lan.panel.keyboard.press('Alt+ArrowRight');
    const moved = Date.now();
    await expect.poll(async () => (await boardOf(minh.panel)).doing, { timeout: 1000, interval: 20 }).toEqual(['Niêm yết TTHC mới']);
    expect(Date.now() - moved).toBeLessThan(1000);
    await expect.poll(() => syncState(lan.panel), poll).toBe('saved');
  });

  it('moves a task by drag and drop, and renames a column, for everyone', async () => {
    await addTask(lan.panel, 'Kéo thả sang Hoàn thành');
    const source = card(lan.panel, 'Kéo thả sang Hoàn thành');
    const target = lan.panel.locator('[data-column-id="done"] .board-column-end');
    const from = (await source.boundingBox())!;
    const to = (await target.boundingBox())!;
    await lan.panel.mouse.move(from.x + 20, from.y + 10);
    await lan.panel.mouse.down();
    for (let step = 1; step <= 10; step++) {
      await lan.panel.mouse.move(from.x + 20 + ((to.x + 20 - from.x - 20) * step) / 10, from.y + 10 + ((to.y + 10 - from.y - 10) * step) / 10);
    }
    await lan.panel.mouse.up();
    await expect.poll(async () => (await boardOf(minh.panel)).done, poll).toEqual(['Kéo thả sang Hoàn thành']);

    await lan.panel.locator('[data-column-id="waiting"]').getByRole('button', { name: 'Đổi tên cột' }).click();
    await lan.panel.getByRole('textbox', { name: 'Đổi tên cột' }).fill('Chờ Sở Tư pháp');
    await lan.panel.getByRole('textbox', { name: 'Đổi tên cột' }).press('Enter');
    await minh.panel.getByRole('region', { name: 'Chờ Sở Tư pháp' }).waitFor({ timeout: 5000 });
  });

  it('merges edits made while one officer is offline, losing nothing', async () => {
    for (const title of ['Báo cáo quý I', 'Cập nhật CSDL quốc gia', 'Rà soát quy trình nội bộ']) await addTask(lan.panel, title);
    await expect.poll(async () => (await boardOf(minh.panel)).todo, poll).toEqual(['Báo cáo quý I', 'Cập nhật CSDL quốc gia', 'Rà soát quy trình nội bộ']);
    await expect.poll(() => syncState(minh.panel), poll).toBe('saved');

    relayB.block();
    await expect.poll(() => syncState(minh.panel), poll).toMatch(/offline|connecting/);

    // Both edit the same task: its description and comments.
    const lanDetail = await openTask(lan.panel, 'Báo cáo quý I');
    await lanDetail.getByLabel('Mô tả (nhiều người cùng sửa)').fill('Số liệu do Lan tổng hợp.');
    await lanDetail.getByLabel('Trao đổi').fill('Lan: đã gửi bản nháp');
    await lanDetail.getByRole('button', { name: 'Gửi' }).click();
    const minhDetail = await openTask(minh.panel, 'Báo cáo quý I');
    await minhDetail.getByLabel('Mô tả (nhiều người cùng sửa)').fill('Minh bổ sung phụ lục.');
    await minhDetail.getByLabel('Trao đổi').fill('Minh: cần số liệu tháng 3');
    await minhDetail.getByRole('button', { name: 'Gửi' }).click();
    // And each moves another task; the offline officer also adds one.
    await card(lan.panel, 'Cập nhật CSDL quốc gia').focus();
    await lan.panel.keyboard.press('Alt+ArrowRight');
    await card(minh.panel, 'Rà soát quy trình nội bộ').focus();
    await minh.panel.keyboard.press('Alt+ArrowUp');
    await addTask(minh.panel, 'Việc thêm khi mất mạng');
    expect(await syncState(minh.panel)).toMatch(/offline|connecting/);
    // The offline edits are nowhere but on Minh's computer yet.
    expect((await boardOf(lan.panel)).todo).not.toContain('Việc thêm khi mất mạng');

    relayB.unblock();
    await expect.poll(() => syncState(minh.panel), poll).toBe('saved');
    await expect.poll(() => syncState(lan.panel), poll).toBe('saved');

    const expected = {
      // Minh moved "Rà soát" up past "Cập nhật"; Lan moved "Cập nhật" to the top of "Đang làm".
      todo: ['Báo cáo quý I', 'Rà soát quy trình nội bộ', 'Việc thêm khi mất mạng'],
      doing: ['Cập nhật CSDL quốc gia', 'Niêm yết TTHC mới'],
      waiting: [],
      done: ['Kéo thả sang Hoàn thành'],
    };
    await expect.poll(() => boardOf(lan.panel), poll).toEqual(expected);
    await expect.poll(() => boardOf(minh.panel), poll).toEqual(expected);
    for (const page of [lan.panel, minh.panel]) {
      const description = page.locator('.board-detail').getByLabel('Mô tả (nhiều người cùng sửa)');
      await expect.poll(() => description.inputValue(), poll).toMatch(/^(Số liệu do Lan tổng hợp\.Minh bổ sung phụ lục\.|Minh bổ sung phụ lục\.Số liệu do Lan tổng hợp\.)$/);
      const comments = await page.locator('.board-comments li').allTextContents();
      expect(comments.join('\n')).toContain('Lan: đã gửi bản nháp');
      expect(comments.join('\n')).toContain('Minh: cần số liệu tháng 3');
    }
    const lanText = await lan.panel.locator('.board-detail').getByLabel('Mô tả (nhiều người cùng sửa)').inputValue();
    expect(await minh.panel.locator('.board-detail').getByLabel('Mô tả (nhiều người cùng sửa)').inputValue()).toBe(lanText);
  });

  it('shows colleagues which task they have open', async () => {
    await expect.poll(() => card(lan.panel, 'Báo cáo quý I').textContent(), poll).toContain('minh (Minh) đang sửa');
  });

  it('makes one task of an overdue dossier both officers captured', async () => {
    const code = '000.00.53.H48-240312-0009';
    // Automatic tasks come only from dossiers of the unit set in the options.
    const unitSetting = { key: 'unit', value: { name: 'Sở Tư pháp', agencyCodes: ['000.00.53.H48'] } };
    for (const o of [lan, minh]) await putExtensionRows(o.browser.serviceWorker, 'settings', [unitSetting]);
    await captureOverdueDossier(lan.panel, code);
    await captureOverdueDossier(minh.panel, code);
    // Opening the board looks for automatic tasks.
    await lan.panel.reload();
    await lan.panel.getByRole('tab', { name: 'Bảng việc' }).click();
    await minh.panel.reload();
    await minh.panel.getByRole('tab', { name: 'Bảng việc' }).click();
    const title = `Hồ sơ ${code} quá hạn`;
    for (const page of [lan.panel, minh.panel]) {
      await expect.poll(async () => ((await boardOf(page)).todo ?? []).filter((t) => t === title).length, poll).toBe(1);
    }
    await expect.poll(() => syncState(lan.panel), poll).toBe('saved');
    await expect.poll(() => syncState(minh.panel), poll).toBe('saved');
    for (const page of [lan.panel, minh.panel]) expect(((await boardOf(page)).todo ?? []).filter((t) => t === title)).toHaveLength(1);
  });

  it('sends edits made offline once the network is back, with the side panel closed', async () => {
    relayB.block();
    await expect.poll(() => syncState(minh.panel), poll).toMatch(/offline|connecting/);
    await addTask(minh.panel, 'Gửi khi có mạng');
    await minh.panel.close();
    relayB.unblock();
    await card(lan.panel, 'Gửi khi có mạng').waitFor({ timeout: 30_000 });
  });

  it('opens the board from IndexedDB with no network after the browser restarts', async () => {
    relayB.block();
    await minh.browser.close();
    const browser = await launchWithExtension({ profileDir: minhProfile });
    minh = { browser, panel: await openBoard(browser) };
    await expect.poll(() => boardOf(minh.panel), poll).toEqual(await boardOf(lan.panel));
    expect(await syncState(minh.panel)).toMatch(/offline|connecting/);
    await addTask(minh.panel, 'Việc ghi khi khởi động lại ngoại tuyến');
    relayB.unblock();
    await expect.poll(() => syncState(minh.panel), poll).toBe('saved');
    await card(lan.panel, 'Việc ghi khi khởi động lại ngoại tuyến').waitFor({ timeout: 30_000 });
  });

  it('keeps another unit\'s board apart: its officer sees none of it', async () => {
    await expect.poll(() => syncState(hoa.panel), poll).toBe('saved');
    expect(await boardOf(hoa.panel)).toEqual({ todo: [], doing: [], waiting: [], done: [] });
    await addTask(hoa.panel, 'Việc của Sở Nội vụ');
    await expect.poll(() => syncState(hoa.panel), poll).toBe('saved');
    expect((await boardOf(lan.panel)).todo).not.toContain('Việc của Sở Nội vụ');
  });

  it('shows a token of another unit as refused, not offline', async () => {
    // Saved while the server did not answer (the options page could not check the token), then
    // the server is back: the board of one unit with the token of another.
    const relay = await startRelay(server.port);
    relay.block();
    try {
      const options = await hoa.browser.openExtensionPage('options.html');
      await options.fill('input[name="board-server"]', `ws://127.0.0.1:${relay.port}`);
      await options.fill('input[name="board-unit"]', unit);
      await saveBoardSettings(options);
      await options.getByRole('status').filter({ hasText: t('board.settings.notChecked', {}, 'vi') }).waitFor();
      await options.close();
      relay.unblock();
      await expect.poll(() => syncState(hoa.panel), poll).toBe('refused');
      expect(await hoa.panel.getByRole('status').filter({ hasText: 'mã của đơn vị khác' }).count()).toBe(1);
    } finally {
      await relay.close();
    }
  });

  it("names the officer by the token's user, the typed name beside it, and makes that user the author of new tasks and comments", async () => {
    await expect.poll(() => lan.panel.getByTestId('board-self').textContent(), poll).toContain('lan (Lan)');
    await addTask(lan.panel, 'Tác giả theo mã truy cập');
    const detail = await openTask(lan.panel, 'Tác giả theo mã truy cập');
    await expect.poll(() => detail.textContent(), poll).toContain('Tạo bởi lan lúc');
    await detail.getByLabel('Trao đổi').fill('Đã xem');
    await detail.getByRole('button', { name: 'Gửi' }).click();
    await expect.poll(() => detail.locator('.board-comments li strong').allTextContents(), poll).toEqual(['lan']);
    // The colleague sees the same author once it is synced.
    const seen = await openTask(minh.panel, 'Tác giả theo mã truy cập');
    await expect.poll(() => seen.locator('.board-comments li strong').allTextContents(), poll).toEqual(['lan']);
  });
});
