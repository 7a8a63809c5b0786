// Every shape the real iGate sends (domain.md, "What the real portals send"), served by the demo
// portal and captured in a real browser by the built extension: what was stored, the badge on each
// row, and that cancelled and suspended dossiers past their appointment count neither on the
// toolbar nor as automatic board tasks. Expectations are read from the served JSON by the small
// readers below, written from domain.md, not by the extension's own adapter.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { DemoPortal } from '../demo-portal/server.ts';
import { normalizePortalInstant, todayInVietnam, vietnamDateOf } from '../shared/time/dates.ts';
import type { ExtensionBrowser } from './support/browser.ts';
import { withPortalSession } from './support/portalSession.ts';
import { boardOf, openBoard } from './support/board.ts';
import { putExtensionRows, readExtensionStore } from './support/extensionDb.ts';

type Json = Record<string, unknown>;
interface Stored {
  code: string;
  procedureCode: string | null;
  procedureName: string | null;
  agency: string | null;
  agencyCode: string | null;
  status: string | null;
  stepStatus: string | null;
  nationCode: string | null;
  sectorName: string | null;
  acceptedAt: string | null;
  appointmentAt: string | null;
  completedAt: string | null;
  returnedAt: string | null;
  stepDueAt: string | null;
  processingTime: { amount: number; unit: string } | null;
}

const POLL = { timeout: 20_000, interval: 100 };
/** The demo portal's statuses that stop the clock (demo-portal/catalogue.ts) and their badges. */
const PAUSED = ['Chờ bổ sung hồ sơ', 'Tạm dừng xử lý'];
const CLOSED = ['Đã hủy'];

let portal: DemoPortal;
let browser: ExtensionBrowser;
let page: Page;

const text = (value: unknown) => (typeof value === 'string' ? value.normalize('NFC').replace(/\s+/g, ' ').trim() || null : null);
/** A name in any of iGate's forms: a string, or translations (one object or a list), Vietnamese (228) first. */
function nameOf(entity: unknown): string | null {
  if (typeof entity === 'string') return text(entity);
  const e = (entity ?? {}) as Json;
  if (typeof e.name === 'string') return text(e.name);
  const raw = e.name ?? e.translate;
  const list = (Array.isArray(raw) ? raw : raw ? [raw] : []) as { languageId: number; name: string }[];
  return text((list.find((x) => x.languageId === 228) ?? list[0])?.name);
}
const statusOf = (entry: Json) => nameOf(entry.dossierStatus) ?? text(entry.statusCurrentTask) ?? nameOf(entry.dossierTaskStatus);
const ms = (value: unknown) => {
  const instant = normalizePortalInstant(value);
  return instant === null ? null : Date.parse(instant);
};
const storedMs = (value: string | null) => (value === null ? null : Date.parse(value));

const storedFields = (stored: Stored | undefined) => stored && {
  procedureName: stored.procedureName,
  agency: stored.agency,
  status: stored.status,
  stepStatus: stored.stepStatus,
  nationCode: stored.nationCode,
  sectorName: stored.sectorName,
  acceptedAt: storedMs(stored.acceptedAt),
  appointmentAt: storedMs(stored.appointmentAt),
  completedAt: storedMs(stored.completedAt),
  returnedAt: storedMs(stored.returnedAt),
  stepDueAt: storedMs(stored.stepDueAt),
};

function servedFields(entry: Json) {
  const procedure = (entry.procedure ?? {}) as Json;
  const sector = (procedure.sector ?? {}) as Json;
  const currentTask = ((entry.currentTask as Json[] | undefined) ?? [])[0];
  return {
    procedureName: nameOf(procedure),
    agency: nameOf(entry.agency),
    status: statusOf(entry),
    stepStatus: nameOf(entry.dossierTaskStatus),
    nationCode: text(entry.nationCode),
    sectorName: sector.name === undefined ? null : nameOf({ name: sector.name }),
    acceptedAt: ms(entry.acceptedDate),
    appointmentAt: ms(entry.appointmentDate),
    completedAt: ms(entry.completedDate),
    returnedAt: ms(entry.returnedDate),
    stepDueAt: ms(currentTask?.dueDate),
  };
}

/**
 * Waits until the stored records are those the response gave. The page's table can be read (DOM
 * fallback, its one return column showing the completion) a moment before the response reaches the
 * content script: the response's capture then follows and replaces it, return included.
 */
async function expectStoredAsServed(entries: Json[]): Promise<void> {
  const expected = Object.fromEntries(entries.map((entry) => [String(entry.code), servedFields(entry)]));
  await expect.poll(async () => {
    const rows = await stored();
    return Object.fromEntries(entries.map((entry) => [String(entry.code), storedFields(rows.get(String(entry.code)))]));
  }, POLL).toEqual(expected);
}

async function stored(): Promise<Map<string, Stored>> {
  return new Map((await readExtensionStore<Stored>(browser.serviceWorker, 'dossiers')).map((row) => [row.code, row]));
}

async function waitForStored(codes: string[]): Promise<Map<string, Stored>> {
  await expect.poll(async () => { const rows = await stored(); return codes.filter((c) => !rows.has(c)); }, POLL).toEqual([]);
  return stored();
}

/** Opens a portal page and returns the JSON of the API response it fetched. */
async function served(path: string, apiPath: string): Promise<Json> {
  const [response] = await Promise.all([page.waitForResponse((r) => new URL(r.url()).pathname === apiPath), page.goto(`${portal.igateUrl}${path}`)]);
  return (await response.json()) as Json;
}

/** The page itself fetches an endpoint its screens do not call: the observer captures it like any other. */
async function fetchedByPage(path: string): Promise<Json> {
  return page.evaluate(async (url) => (await fetch(url)).json() as Promise<Json>, path);
}

async function badgeOf(code: string): Promise<string | null> {
  return page.locator('tr.mat-row', { has: page.locator('.mat-column-code a', { hasText: code }) }).evaluate(
    (row) => row.querySelector('tthc-badge[data-kind="dossier"]')?.shadowRoot?.querySelector('span')?.textContent ?? null,
  );
}

const isFinished = (entry: Json) => Boolean(entry.completedDate ?? entry.returnedDate);
const pastAppointment = (entry: Json) => typeof entry.appointmentDate === 'string' && vietnamDateOf(normalizePortalInstant(entry.appointmentDate)!) < todayInVietnam();

withPortalSession((session) => ({ portal, browser, page } = session));

describe('every iGate shape, captured through the real extension', () => {
  // Each variant on its own page of results, so no dossier is captured in two shapes.
  const variants = ['slice', 'translate-object', 'name-translations', 'task-status', 'full'] as const;

  it.each(variants.map((variant, i) => [variant, i + 3] as const))('?variant=%s: every dossier stored with the fields served', async (variant, pageNumber) => {
    const body = await served(`/vi/dossier/search?size=40&page=${pageNumber}&variant=${variant}`, '/pa/dossier/search');
    const content = body.content as Json[];
    expect(content).toHaveLength(40);
    await expectStoredAsServed(content);
    const rows = await stored();
    if (variant === 'full') {
      expect(content.some((entry) => entry.completedDate && entry.returnedDate)).toBe(true);
      const withTime = rows.get(String(content[0]!.code))!;
      expect(withTime.processingTime).toEqual({ amount: content[0]!.processingTime, unit: 'working' });
    }
    // Every row wears a badge.
    await expect.poll(() => page.locator('tr.mat-row tthc-badge[data-kind="dossier"]').count(), POLL).toBe(40);
  });

  it('the public lookup page (/vi/dossier/public-qni → /pa/dossier/--public): agency a string, procedure without code', async () => {
    const [candidate] = ((await (await fetch(`${portal.igateUrl}/pa/dossier/search?size=1&page=900`)).json()) as { content: Json[] }).content;
    const code = String(candidate!.code);
    const body = await served(`/vi/dossier/public-qni?code=${encodeURIComponent(code)}`, '/pa/dossier/--public');
    const [entry] = body.content as Json[];
    expect(typeof entry!.agency).toBe('string');
    await expectStoredAsServed([entry!]);
    const row = (await stored()).get(code)!;
    expect(row.procedureCode).toBeNull();
    await expect.poll(() => badgeOf(code), POLL).not.toBeNull();
  });

  it('the other endpoints a page fetches: /pa/dossier-search/dvc, /pa/dossier/{id}, /bd/procedure/{id} and --can-apply', async () => {
    await page.goto(`${portal.igateUrl}/vi/dossier/search?size=1&page=950`);
    const sample = ((await fetchedByPage('/pa/dossier/search?size=2&page=960')).content as Json[]);
    const dvc = await fetchedByPage(`/pa/dossier-search/dvc?code=${encodeURIComponent(String(sample[0]!.code))}`);
    const one = await fetchedByPage(`/pa/dossier/${String(sample[1]!.id)}`);
    const rows = await waitForStored([String(sample[0]!.code), String(sample[1]!.code)]);
    expect(rows.get(String(sample[0]!.code))).toMatchObject({ status: statusOf((dvc.content as Json[])[0]!), agency: nameOf((dvc.content as Json[])[0]!.agency) });
    await expectStoredAsServed([one]);

    const procedure = await fetchedByPage(`/bd/procedure/${String((sample[0]!.procedure as Json).id)}`);
    const canApply = (await fetchedByPage('/bd/procedure/--can-apply')).content as Json[];
    const nationalCode = (local: unknown) => /^(\d+\.\d+)/.exec(String(local))![1]!;
    const codes = [nationalCode(procedure.code), ...canApply.map((p) => nationalCode(p.code))];
    await expect.poll(async () => {
      const procedures = new Map((await readExtensionStore<{ code: string; name: string }>(browser.serviceWorker, 'procedures')).map((p) => [p.code, p.name]));
      return codes.filter((c) => !procedures.has(c));
    }, POLL).toEqual([]);
    const procedures = new Map((await readExtensionStore<{ code: string; name: string }>(browser.serviceWorker, 'procedures')).map((p) => [p.code, p.name]));
    expect(procedures.get(nationalCode(procedure.code))).toBe(nameOf(procedure));
  });
});

describe('dossiers that are not running late', () => {
  let stopped: Json[];

  it('badges suspended, supplement-waiting and cancelled dossiers past their appointment as such, never overdue', async () => {
    // Status ids 3 (supplement), 5 (suspended), 6 (cancelled) of the demo portal, in the richest shape.
    const body = await served('/vi/dossier/search?size=60&dossier-status=3,5,6&variant=full', '/pa/dossier/search');
    stopped = (body.content as Json[]).filter((entry) => !isFinished(entry) && pastAppointment(entry));
    const names = new Set(stopped.map(statusOf));
    for (const status of ['Đã hủy', 'Tạm dừng xử lý']) expect(names).toContain(status);
    await waitForStored(stopped.map((entry) => String(entry.code)));
    for (const entry of stopped) {
      const expected = CLOSED.includes(statusOf(entry)!) ? 'Đã dừng / Đã hủy' : 'Chờ bổ sung / Tạm dừng';
      await expect.poll(() => badgeOf(String(entry.code)), POLL).toBe(expected);
    }
  });

  it('leaves them out of the toolbar count, which counts the active overdue dossiers only', async () => {
    // Also an ordinary page, so some active dossiers are overdue.
    await served('/vi/dossier/search?size=200&page=0', '/pa/dossier/search');
    const today = todayInVietnam();
    const all = [...(await stored()).values()];
    const activeOverdue = all.filter(
      (d) => !d.completedAt && !d.returnedAt && d.appointmentAt !== null && vietnamDateOf(d.appointmentAt) < today
        && ![...PAUSED, ...CLOSED].includes(d.status ?? '') && !/bổ sung|tạm dừng|hủy/i.test(d.stepStatus ?? ''),
    );
    expect(activeOverdue.length).toBeGreaterThan(0);
    await expect.poll(() => browser.serviceWorker.evaluate(() => (globalThis as unknown as { chrome: { action: { getBadgeText(details: object): Promise<string> } } }).chrome.action.getBadgeText({})), POLL)
      .toBe(String(activeOverdue.length));
  });

  it('counts them apart in the Hồ sơ panel', async () => {
    // The demo's names, and the step names the ?variant=task-status dossiers carry as their status.
    const closedNames = ['Đã hủy'];
    const pausedNames = ['Chờ bổ sung hồ sơ', 'Tạm dừng xử lý', 'Tạm dừng', 'Chờ công dân bổ sung'];
    const rows = [...(await stored()).values()];
    const named = (d: Stored, names: string[]) => names.includes(d.status ?? '') || names.includes(d.stepStatus ?? '');
    const closed = rows.filter((d) => named(d, closedNames)).length;
    const paused = rows.filter((d) => !named(d, closedNames) && named(d, pausedNames) && !d.completedAt && !d.returnedAt).length;
    expect(closed).toBeGreaterThan(0);
    expect(paused).toBeGreaterThan(0);
    const panel = await browser.openExtensionPage('sidepanel.html');
    try {
      const count = (state: string) => panel.locator(`.counts [data-state="${state}"] strong`).textContent().then((text) => Number((text ?? '').replace(/\D/g, '')));
      await expect.poll(() => count('closed'), POLL).toBe(closed);
      expect(await count('paused')).toBe(paused);
      expect(await panel.locator('.counts [data-state="paused"]').textContent()).toContain('Chờ bổ sung / Tạm dừng');
    } finally {
      await panel.close();
    }
  });

  it('makes no automatic board task for a cancelled or suspended dossier, and one for an active overdue one', async () => {
    const today = todayInVietnam();
    const byCode = await stored();
    const active = [...byCode.values()].find((d) => !d.completedAt && !d.returnedAt && d.appointmentAt !== null && vietnamDateOf(d.appointmentAt) < today && d.status === 'Đang xử lý' && d.stepStatus === 'Đang thẩm định');
    expect(active).toBeDefined();
    // Automatic tasks come only from the unit's dossiers: the unit holds the active one's agency and the stopped ones'.
    const agencyCodes = [...new Set([active!, ...stopped.map((entry) => byCode.get(String(entry.code)))].map((d) => d?.agencyCode).filter((code): code is string => typeof code === 'string'))];
    await putExtensionRows(browser.serviceWorker, 'settings', [{ key: 'unit', value: { name: null, agencyCodes } }]);
    const panel = await openBoard(browser);
    try {
      const title = (code: string) => `Hồ sơ ${code} quá hạn`;
      await expect.poll(async () => Object.values(await boardOf(panel)).flat(), POLL).toContain(title(active!.code));
      const tasks = Object.values(await boardOf(panel)).flat();
      for (const entry of stopped) expect(tasks).not.toContain(title(String(entry.code)));
    } finally {
      await panel.close();
      await putExtensionRows(browser.serviceWorker, 'settings', [{ key: 'unit', value: { name: null, agencyCodes: [] } }]);
    }
  });
});

describe('status names a unit adds on the options page', () => {
  const toolbar = () => browser.serviceWorker.evaluate(() => (globalThis as unknown as { chrome: { action: { getBadgeText(details: object): Promise<string> } } }).chrome.action.getBadgeText({}));

  it('pause the dossiers with that status: their badge changes and they leave the toolbar count', async () => {
    const body = await served('/vi/dossier/search?size=200&page=0', '/pa/dossier/search');
    const processing = (body.content as Json[]).find((entry) => statusOf(entry) === 'Đang xử lý' && !isFinished(entry) && pastAppointment(entry));
    expect(processing).toBeDefined();
    await expect.poll(() => badgeOf(String(processing!.code)), POLL).toMatch(/^Quá hạn/);
    expect(Number(await toolbar())).toBeGreaterThan(0);
    const options = await browser.openExtensionPage('options.html');
    try {
      await options.locator('textarea[name="pausedStatusNames"]').fill('đang XỬ LÝ\nĐang thẩm định');
      await options.locator('textarea[name="pausedStatusNames"]').locator('xpath=ancestor::form').locator('button[type="submit"]').click();
      await options.getByRole('status').filter({ hasText: 'Đã lưu' }).waitFor();
      // Every active overdue dossier of the demo portal reads "Đang xử lý", or "Đang thẩm định" where
      // only the step status was sent (?variant=task-status): none is left to count.
      await expect.poll(toolbar, POLL).toBe('');
      await served('/vi/dossier/search?size=200&page=0', '/pa/dossier/search');
      await expect.poll(() => badgeOf(String(processing!.code)), POLL).toBe('Chờ bổ sung / Tạm dừng');
    } finally {
      await options.locator('textarea[name="pausedStatusNames"]').fill('');
      await options.locator('textarea[name="pausedStatusNames"]').locator('xpath=ancestor::form').locator('button[type="submit"]').click();
      await expect.poll(toolbar, POLL).not.toBe('');
      await options.close();
    }
  });
});

describe('a response that is not understood', () => {
  it('keeps its shape report (keys, types, date formats, no values) with the problem, for the officer to copy', async () => {
    const body = await served('/vi/dossier/search?size=5&page=40&broken=shape', '/pa/dossier/search');
    const items = body.items as Json[];
    await expect.poll(async () => (await readExtensionStore<{ shape?: string }>(browser.serviceWorker, 'captureProblems')).filter((p) => p.shape).length, POLL).toBe(1);
    const [problem] = (await readExtensionStore<{ shape?: string; reason: string }>(browser.serviceWorker, 'captureProblems')).filter((p) => p.shape);
    expect(problem!.reason).toBe('portal.rejected.responseShape');
    expect(problem!.shape).toContain('items: array');
    expect(problem!.shape).toMatch(/appointmentDate: date "9999-99-99T99:99:99\.999\+9999"/);
    for (const entry of items) {
      for (const value of [entry.code, ((entry.applicant as Json).data as Json).fullname, ((entry.applicant as Json).data as Json).identityNumber]) expect(problem!.shape).not.toContain(String(value));
    }

    const panel = await browser.openExtensionPage('sidepanel.html');
    try {
      await panel.locator('details.notice summary').click();
      await panel.getByRole('button', { name: 'Sao chép mô tả cấu trúc' }).click();
      await panel.getByRole('status').filter({ hasText: 'Đã sao chép mô tả cấu trúc' }).waitFor();
      // Pasted where an officer would paste it: a text box on an ordinary page.
      await page.bringToFront();
      await page.setContent('<textarea aria-label="message"></textarea>');
      await page.getByLabel('message').focus();
      await page.keyboard.press('ControlOrMeta+V');
      const copied = await page.getByLabel('message').inputValue();
      expect(copied).toContain(problem!.shape);
      expect(copied).toContain('/vi/dossier/search');
      expect(copied).not.toContain('broken=shape');
    } finally {
      await panel.close();
    }
  });
});
