// Coverage, unit scope and the period collector in Debian's Chromium with the built extension,
// over the demo portal (sign-in header required, so every collected request must carry the page's
// own headers). Expectations come from the demo API itself and from the extension's IndexedDB.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { DEMO_AUTHORIZATION } from '../demo-portal/guards.ts';
import { startDemoPortal, type DemoPortal } from '../demo-portal/server.ts';
import { vietnamDateOf } from '../shared/time/dates.ts';
import { launchWithExtension, type ExtensionBrowser } from './support/browser.ts';
import { readExtensionStore } from './support/extensionDb.ts';

interface SpringPage { content: { code: string }[]; totalElements: number }
interface Collection { id: string; state: string; nextPage: number; dossiers: number; ratePerSecond: number; total: number | null; stop: { reason: string; status: number | null } | null; updatedAt: string }
interface Stored { code: string; agencyCode: string | null; acceptedAt: string | null }
interface Coverage { window: { from: string | null; to: string | null }; filters: unknown[]; portalTotal: number | null; stored: number }

const POLL = { timeout: 60_000, interval: 100 };
const vi = (n: number) => n.toLocaleString('vi-VN');

let portal: DemoPortal;
let browser: ExtensionBrowser;
let profileDir: string;

async function api(query: string): Promise<SpringPage> {
  const response = await fetch(`${portal.igateUrl}/pa/dossier/search?${query}`, { headers: { authorization: DEMO_AUTHORIZATION } });
  return (await response.json()) as SpringPage;
}

const stored = () => readExtensionStore<Stored>(browser.serviceWorker, 'dossiers');
const collections = () => readExtensionStore<Collection>(browser.serviceWorker, 'collections');
async function collectionOf(window: string): Promise<Collection | undefined> {
  return (await collections()).find((c) => c.id.endsWith(`#${window}`));
}

/** The dossiers the portal lists for a window in pages 0..pages-1 of `size`, as the collector asked them. */
async function servedCodes(from: string, to: string, size: number, pages: number): Promise<string[]> {
  const codes: string[] = [];
  for (let page = 0; page < pages; page += 1) codes.push(...(await api(`accepted-from=${from}&accepted-to=${to}&size=${size}&page=${page}`)).content.map((d) => d.code));
  return codes;
}

async function openSearch(size: number): Promise<{ page: Page; panel: Locator }> {
  const page = await browser.context.newPage();
  await page.goto(`${portal.igateUrl}/vi/dossier/search?size=${size}`);
  const panel = page.locator('tthc-collect-panel .collect');
  await panel.waitFor();
  return { page, panel };
}

async function startCollection(panel: Locator, window: string, rate: number, size: number): Promise<void> {
  await panel.locator('input[name="window"]').fill(window);
  await panel.locator('input[name="rate"]').fill(String(rate));
  await panel.locator('input[name="size"]').fill(String(size));
  await panel.getByRole('button', { name: 'Ghi nhận toàn bộ kỳ này' }).click();
}

beforeAll(async () => {
  portal = await startDemoPortal({ requireAuth: true });
  profileDir = mkdtempSync(join(tmpdir(), 'tthc-desk-coverage-'));
  browser = await launchWithExtension({ profileDir });
});

afterAll(async () => {
  await browser?.close();
  await portal?.close();
  rmSync(profileDir, { recursive: true, force: true });
});

describe('coverage and unit scope', () => {
  let total = 0;

  it('states the coverage with the portal’s total after paging part of a search', async () => {
    const page = await browser.context.newPage();
    const [first] = await Promise.all([page.waitForResponse((r) => new URL(r.url()).pathname === '/pa/dossier/search'), page.goto(`${portal.igateUrl}/vi/dossier/search`)]);
    total = ((await first.json()) as SpringPage).totalElements;
    for (let i = 0; i < 2; i += 1) {
      await Promise.all([page.waitForResponse((r) => new URL(r.url()).pathname === '/pa/dossier/search'), page.getByRole('button', { name: 'Trang sau' }).click()]);
    }
    await expect.poll(async () => (await stored()).length, POLL).toBe(60);
    await page.close();

    const panel = await browser.openExtensionPage('sidepanel.html');
    await expect.poll(() => panel.locator('.dossiers .coverage').textContent(), POLL).toBe(`Đã ghi nhận 60 / ${vi(total)} hồ sơ của cổng`);
    expect(total).toBe(21_000);
    await panel.close();
  });

  it('does not judge the indicators on a partial capture until the officer accepts the sample', async () => {
    const panel = await browser.openExtensionPage('sidepanel.html');
    await panel.getByRole('tab', { name: 'Chỉ tiêu' }).click();
    await panel.locator('input[name="period"]').fill('2024');
    const computed = panel.locator('li[data-source="records"]');
    await expect.poll(() => computed.count(), POLL).toBeGreaterThan(0);
    const text = (await computed.allTextContents()).join('\n');
    expect(text).not.toMatch(/Đạt chỉ tiêu|Chưa đạt/);
    expect(text).toMatch(/trên \d+ hồ sơ đã ghi nhận, chưa đủ để đánh giá/);
    expect(await panel.locator('.tab-body .coverage').textContent()).toBe(`Đã ghi nhận 60 / ${vi(total)} hồ sơ của cổng`);

    await panel.getByLabel('Chấp nhận số hồ sơ đã ghi nhận làm mẫu để đánh giá kỳ này').check();
    await expect.poll(async () => (await computed.allTextContents()).join('\n'), POLL).toMatch(/Đạt chỉ tiêu|Chưa đạt/);
    await panel.close();
  });

  it('counts only the unit’s dossiers (several agency codes) once a unit is set, and all with the switch', async () => {
    const all = await stored();
    const byAgency = new Map<string, number>();
    for (const d of all) if (d.agencyCode) byAgency.set(d.agencyCode, (byAgency.get(d.agencyCode) ?? 0) + 1);
    const [a, b] = [...byAgency.keys()].sort();
    const unitCount = (byAgency.get(a!) ?? 0) + (byAgency.get(b!) ?? 0);
    expect(unitCount).toBeLessThan(all.length);

    const options = await browser.openExtensionPage('options.html');
    await options.locator('input[name="unitName"]').fill('Đơn vị thử');
    await options.locator('input[name="unitAgencyCodes"]').fill(`${a}, ${b}`);
    await options.locator('input[name="unitAgencyCodes"]').press('Enter');
    await options.getByText('Đã lưu.').first().waitFor();
    await options.close();

    const panel = await browser.openExtensionPage('sidepanel.html');
    const totalButton = panel.locator('.counts button').first();
    await expect.poll(() => totalButton.textContent(), POLL).toBe(`Tất cả ${vi(unitCount)}`);
    await panel.getByRole('checkbox', { name: 'Chỉ hồ sơ của Đơn vị thử' }).uncheck();
    await expect.poll(() => totalButton.textContent(), POLL).toBe(`Tất cả ${vi(all.length)}`);
    await panel.close();
  });
});

describe('collecting a whole period', () => {
  const quarter = { text: 'R2024-Q1', from: '2023-12-15', to: '2024-03-14' };

  it('stores every dossier of the report quarter, through a pause and a browser restart', async () => {
    const expected = (await api(`accepted-from=${quarter.from}&accepted-to=${quarter.to}&size=1`)).totalElements;
    expect(expected).toBeGreaterThan(1000);
    let { page, panel } = await openSearch(100);
    // A rate beyond the bounds is said, as it is typed, as the rate the collection will keep.
    await panel.locator('input[name="rate"]').fill('50');
    await expect.poll(() => panel.locator('p.muted', { hasText: 'Gửi lại' }).textContent(), POLL).toContain('không quá 10 yêu cầu mỗi giây');
    await startCollection(panel, quarter.text, 50, 100);
    await expect.poll(async () => (await collectionOf(`${quarter.from}..${quarter.to}`))?.ratePerSecond, POLL).toBe(10);
    await expect.poll(async () => (await collectionOf(`${quarter.from}..${quarter.to}`))?.nextPage ?? 0, POLL).toBeGreaterThanOrEqual(3);
    // While it runs, the progress says the time left at its pace (a few seconds at 10 pages a second).
    await expect.poll(() => panel.locator('.progress').textContent(), POLL).toMatch(/^Trang \d+ \/ \d+ · [\d.]+ \/ [\d.]+ hồ sơ · còn dưới 1 phút$/);

    await panel.getByRole('button', { name: 'Tạm dừng' }).click();
    await expect.poll(async () => (await collectionOf(`${quarter.from}..${quarter.to}`))?.state, POLL).toBe('paused');
    await expect.poll(() => panel.locator('.progress').textContent(), POLL).not.toContain('còn');
    const paused = (await collectionOf(`${quarter.from}..${quarter.to}`))!;
    const asked: number[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname === '/pa/dossier/search' && url.searchParams.get('accepted-from') === quarter.from) asked.push(Number(url.searchParams.get('page')));
    });
    await panel.getByRole('button', { name: 'Tiếp tục' }).click();
    await expect.poll(() => asked.length, POLL).toBeGreaterThan(0);
    // It goes on from the page after the last one stored, not from the start.
    expect(asked[0]).toBe(paused.nextPage);
    await expect.poll(async () => (await collectionOf(`${quarter.from}..${quarter.to}`))!.nextPage, POLL).toBeGreaterThanOrEqual(paused.nextPage + 2);

    // The browser closes in the middle of the collection; it goes on once the search page is open again.
    await browser.close();
    browser = await launchWithExtension({ profileDir });
    ({ page, panel } = await openSearch(100));
    await expect.poll(async () => (await collectionOf(`${quarter.from}..${quarter.to}`))?.state, { ...POLL, timeout: 120_000 }).toBe('done');
    await expect.poll(() => panel.locator('.status').textContent(), POLL).toBe(`Đã ghi nhận đủ ${vi(expected)} hồ sơ của kỳ 15/12/2023 – 14/03/2024.`);

    const inWindow = (await stored()).filter((d) => d.acceptedAt !== null && vietnamDateOf(d.acceptedAt) >= quarter.from && vietnamDateOf(d.acceptedAt) <= quarter.to);
    expect(inWindow).toHaveLength(expected);
    const coverage = (await readExtensionStore<Coverage>(browser.serviceWorker, 'searchCoverage')).find((c) => c.window.from === quarter.from && c.window.to === quarter.to);
    expect(coverage).toMatchObject({ portalTotal: expected, stored: expected, filters: [] });
    await page.close();
  });

  async function stopsWith(window: { text: string; from: string; to: string }, refuse: () => void, restore: () => void, sentence: string, status: number): Promise<void> {
    const { page, panel } = await openSearch(100);
    const id = `${window.from}..${window.to}`;
    await startCollection(panel, window.text, 5, 100);
    await expect.poll(async () => (await collectionOf(id))?.nextPage ?? 0, POLL).toBeGreaterThanOrEqual(2);
    refuse();
    try {
      await expect.poll(async () => (await collectionOf(id))?.state, POLL).toBe('stopped');
    } finally {
      restore();
    }
    const stoppedAt = (await collectionOf(id))!;
    expect(stoppedAt.stop).toEqual({ reason: expect.any(String), status });
    expect(await panel.locator('.status').textContent()).toBe(`${sentence} Giữ nguyên ${vi(stoppedAt.dossiers)} hồ sơ đã ghi nhận.`);
    // Nothing lost: every dossier of the pages served before the stop is stored.
    const served = await servedCodes(window.from, window.to, 100, stoppedAt.nextPage);
    expect(served).toHaveLength(stoppedAt.dossiers);
    await expect.poll(async () => { const codes = new Set((await stored()).map((d) => d.code)); return served.filter((c) => !codes.has(c)); }, POLL).toEqual([]);
    await page.close();
  }

  it('stops cleanly on a server error (500) with the right sentence, keeping what it stored', async () => {
    await stopsWith({ text: 'R2024-Q2', from: '2024-03-15', to: '2024-06-14' }, () => portal.guards.failWith(500), () => portal.guards.failWith(null), 'Đã dừng: máy chủ của cổng gặp lỗi (mã 500); hãy thử lại sau.', 500);
  });

  it('stops cleanly on a rate limit (429)', async () => {
    await stopsWith({ text: 'R2024-Q3', from: '2024-06-15', to: '2024-09-14' }, () => portal.guards.setRateLimit(1), () => portal.guards.setRateLimit(0), 'Đã dừng: cổng báo gửi quá nhiều yêu cầu (mã 429); hãy chờ rồi bấm Tiếp tục với tốc độ thấp hơn.', 429);
  });

  it('stops cleanly when the portal refuses the sign-in (401)', async () => {
    await stopsWith({ text: 'R2024-Q4', from: '2024-09-15', to: '2024-12-14' }, () => portal.guards.revokeAuth(), () => portal.guards.restoreAuth(), 'Đã dừng: cổng từ chối quyền truy cập (mã 401); hãy đăng nhập lại rồi bấm Tiếp tục.', 401);
  });
});
