// Capture in a real browser: Debian's Chromium with the built extension, browsing the demo portal.
// Every expectation is derived from what the demo API served (and dossierTimeliness), and what
// the extension committed is read back from its own IndexedDB. The summary chip never covers the
// cells of the table's last two columns in view.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { DemoPortal } from '../demo-portal/server.ts';
import { dossierTimeliness, type Timeliness } from '../shared/dossier/timeliness.ts';
import { nationalProcedureCode } from '../shared/schemas/procedure.ts';
import { normalizePortalInstant, todayInVietnam, vietnamDateOf } from '../shared/time/dates.ts';
import { PAGE_CHANNEL } from '../extension/content/pageChannel.ts';
import type { ExtensionBrowser } from './support/browser.ts';
import { withPortalSession } from './support/portalSession.ts';
import { putExtensionRows, readExtensionStore } from './support/extensionDb.ts';
import { evaluatePublication } from '../shared/publication/deadlines.ts';
import { publicationRecordSchema } from '../shared/schemas/publication.ts';
import { addDays } from '../shared/time/dates.ts';

type Json = Record<string, unknown>;
interface SpringPage { content: Json[]; totalElements: number; number: number; size: number }
interface StoredDossier { code: string; procedureCode: string | null; procedureName: string | null; agency: string | null; agencyCode: string | null; status: string | null; acceptedAt: string | null; appointmentAt: string | null; returnedAt: string | null; completedAt: string | null; channel: string; applicant?: unknown }
interface RowBadge { code: string; text: string | null; label: string | null }

let portal: DemoPortal;
let browser: ExtensionBrowser;
let page: Page;

const POLL = { timeout: 20_000, interval: 100 };

/** The portal's text as the product keeps it: NFC, single spaces. */
const portalText = (value: unknown) => (typeof value === 'string' ? value.normalize('NFC').replace(/\s+/g, ' ').trim() : null);
function nameOf(entity: unknown): string | null {
  const e = (entity ?? {}) as Json;
  if (typeof e.name === 'string') return portalText(e.name);
  const translate = (e.translate as { languageId: number; name: string }[] | undefined) ?? [];
  return portalText((translate.find((x) => x.languageId === 228) ?? translate[0])?.name);
}
const instantMs = (value: unknown) => {
  const instant = normalizePortalInstant(value);
  return instant === null ? null : Date.parse(instant);
};
const storedMs = (value: string | null) => (value === null ? null : Date.parse(value));

/** The badge an officer should read, written out here rather than taken from the extension's code. */
function expectedBadge(t: Timeliness): string {
  switch (t.state) {
    case 'early': return 'Sớm hạn';
    case 'on_time': return 'Đúng hạn';
    case 'late': return `Trễ hạn ${t.workingDaysLate} ngày làm việc`;
    case 'pending':
    case 'due_soon': return t.workingDaysLeft === 0 ? 'Đến hạn hôm nay' : `Còn ${t.workingDaysLeft} ngày làm việc`;
    case 'overdue': return `Quá hạn ${t.workingDaysLate} ngày làm việc`;
    case 'unknown': return 'Chưa có hạn';
    case 'paused': return 'Chờ bổ sung / Tạm dừng';
    case 'closed': return 'Đã dừng / Đã hủy';
  }
}
const timelinessOf = (entry: Json) =>
  dossierTimeliness(
    {
      acceptedAt: normalizePortalInstant(entry.acceptedDate),
      appointmentAt: normalizePortalInstant(entry.appointmentDate),
      returnedAt: normalizePortalInstant(entry.returnedDate),
      completedAt: normalizePortalInstant(entry.completedDate),
      status: nameOf(entry.dossierStatus),
      stepStatus: nameOf(entry.dossierTaskStatus),
    },
    { today: todayInVietnam(), dueSoonWorkingDays: 2 },
  );

/** Opens (or moves to) a portal page and returns the dossier search response the page fetched for it. */
async function servedPage(action: () => Promise<unknown>, apiPath = '/pa/dossier/search'): Promise<SpringPage> {
  const [response] = await Promise.all([page.waitForResponse((r) => new URL(r.url()).pathname === apiPath), action()]);
  return (await response.json()) as SpringPage;
}

async function storedDossiers(): Promise<Map<string, StoredDossier>> {
  const rows = await readExtensionStore<StoredDossier>(browser.serviceWorker, 'dossiers');
  return new Map(rows.map((row) => [row.code, row]));
}

async function waitForStored(codes: string[]): Promise<Map<string, StoredDossier>> {
  await expect.poll(async () => { const stored = await storedDossiers(); return codes.filter((c) => !stored.has(c)); }, POLL).toEqual([]);
  return storedDossiers();
}

/** The last-two-column cells in view that the chip's box overlaps (their row's code and column index). */
function coveredCells(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const chip = document.querySelector('tthc-summary-chip')?.shadowRoot?.querySelector('.chip');
    if (!chip) return ['no chip'];
    const box = chip.getBoundingClientRect();
    const covered: string[] = [];
    for (const row of document.querySelectorAll('tr')) {
      [...row.cells].slice(-2).forEach((cell, i) => {
        const r = cell.getBoundingClientRect();
        const inView = r.bottom > 0 && r.top < innerHeight;
        if (inView && r.left < box.right && box.left < r.right && r.top < box.bottom && box.top < r.bottom) covered.push(`${row.querySelector('.mat-column-code')?.textContent ?? 'header'}:${i}`);
      });
    }
    return covered;
  });
}

async function rowBadges(): Promise<RowBadge[]> {
  return page.locator('tr.mat-row').evaluateAll((rows) =>
    rows.map((row) => {
      const span = row.querySelector('tthc-badge[data-kind="dossier"]')?.shadowRoot?.querySelector('span') ?? null;
      return { code: row.querySelector('.mat-column-code a')?.textContent ?? '', text: span?.textContent ?? null, label: span?.getAttribute('aria-label') ?? null };
    }),
  );
}

/** A stored dossier in the fields the test compares, instants as milliseconds. */
function storedFields(stored: StoredDossier) {
  return {
    code: stored.code,
    procedureCode: stored.procedureCode,
    procedureName: stored.procedureName,
    agency: stored.agency,
    agencyCode: stored.agencyCode,
    status: stored.status,
    acceptedAt: storedMs(stored.acceptedAt),
    appointmentAt: storedMs(stored.appointmentAt),
    returnedAt: storedMs(stored.returnedAt),
    completedAt: storedMs(stored.completedAt),
  };
}

/** The same fields as the portal's API served them. */
function servedFields(entry: Json) {
  const procedure = (entry.procedure ?? {}) as Json;
  return {
    code: entry.code,
    procedureCode: nationalProcedureCode(String(procedure.code)),
    procedureName: nameOf(procedure),
    agency: nameOf(entry.agency),
    agencyCode: portalText(((entry.agency ?? {}) as Json).code),
    status: nameOf(entry.dossierStatus),
    acceptedAt: instantMs(entry.acceptedDate),
    appointmentAt: instantMs(entry.appointmentDate),
    returnedAt: instantMs(entry.returnedDate),
    completedAt: instantMs(entry.completedDate),
  };
}

function expectSameDossier(stored: StoredDossier | undefined, entry: Json): void {
  expect(stored, String(entry.code)).toBeDefined();
  expect(storedFields(stored!)).toEqual(servedFields(entry));
}

/**
 * Waits until every entry is stored as the API served it. A page's rows can reach the background
 * twice: read from the DOM when the table settles before the response's copy reached the content
 * script (the DOM holds no agency code), then from the response. Waiting only for the codes to be
 * there could read the stored rows between those two batches.
 */
async function waitForServed(entries: Json[]): Promise<Map<string, StoredDossier>> {
  const differing = async () => {
    const stored = await storedDossiers();
    return entries.filter((entry) => {
      const row = stored.get(String(entry.code));
      return row === undefined || JSON.stringify(storedFields(row)) !== JSON.stringify(servedFields(entry));
    }).map((entry) => String(entry.code));
  };
  await expect.poll(differing, POLL).toEqual([]);
  return storedDossiers();
}

withPortalSession((session) => ({ portal, browser, page } = session));

describe('capture on the demo iGate portal', () => {
  let first: SpringPage;

  it('stores every dossier of a search page with the fields the API served', async () => {
    first = await servedPage(() => page.goto(`${portal.igateUrl}/vi/dossier/search?size=100`));
    expect(first.content).toHaveLength(100);
    const stored = await waitForServed(first.content);
    for (const entry of first.content) expectSameDossier(stored.get(String(entry.code)), entry);
  });

  it('puts the right timeliness badge, readable by screen readers, on every dossier row', async () => {
    const expected = first.content.map((entry) => ({ code: String(entry.code), text: expectedBadge(timelinessOf(entry)) }));
    await expect.poll(async () => (await rowBadges()).map(({ code, text }) => ({ code, text })), POLL).toEqual(expected);
    for (const badge of await rowBadges()) expect(badge.label).toBe(`Hồ sơ ${badge.code}: ${badge.text}`);
  });

  it('shows a summary chip counting the overdue and due-soon dossiers of the page', async () => {
    const states = first.content.map((entry) => timelinessOf(entry).state);
    const overdue = states.filter((s) => s === 'overdue').length;
    const dueSoon = states.filter((s) => s === 'due_soon').length;
    const chip = page.locator('tthc-summary-chip [role="status"]');
    await expect.poll(() => chip.getAttribute('aria-label'), POLL).toBe(`tthc-desk: ${overdue} hồ sơ quá hạn, ${dueSoon} sắp đến hạn trên trang này`);
  });

  for (const viewport of [{ width: 1280, height: 700 }, { width: 640, height: 560 }]) {
    it(`keeps the summary chip off the table's last columns at ${viewport.width}×${viewport.height}, at the top and at the end`, async () => {
      await page.setViewportSize(viewport);
      try {
        await page.goto(`${portal.igateUrl}/vi/dossier/search?size=100`);
        await page.locator('tthc-summary-chip').waitFor({ state: 'attached', timeout: 20_000 });
        await expect.poll(() => coveredCells(page), POLL).toEqual([]);
        await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
        await expect.poll(() => page.evaluate(() => Math.ceil(scrollY + innerHeight) >= document.documentElement.scrollHeight), POLL).toBe(true);
        await expect.poll(() => coveredCells(page), POLL).toEqual([]);
      } finally {
        await page.setViewportSize({ width: 1280, height: 720 });
      }
    });
  }

  it('keeps NFD text as NFC and reads +0000 timestamps in Vietnam time', async () => {
    const big = await servedPage(() => page.goto(`${portal.igateUrl}/vi/dossier/search?size=1000`));
    const decomposed = (entry: Json) => [JSON.stringify(entry.dossierStatus), JSON.stringify(entry.procedure), JSON.stringify(entry.agency)].some((text) => text !== text.normalize('NFC'));
    const nfd = big.content.find(decomposed);
    const utc = big.content.find((entry) => typeof entry.appointmentDate === 'string' && entry.appointmentDate.endsWith('+0000'));
    expect(nfd, 'the demo portal serves NFD text').toBeDefined();
    expect(utc, 'the demo portal serves +0000 timestamps').toBeDefined();
    const stored = await waitForServed([nfd!, utc!]);
    const nfdStored = stored.get(String(nfd!.code))!;
    expectSameDossier(nfdStored, nfd!);
    for (const text of [nfdStored.status ?? '', nfdStored.procedureName ?? '', nfdStored.agency ?? '']) expect(text).toBe(text.normalize('NFC'));
    const utcStored = stored.get(String(utc!.code))!;
    expectSameDossier(utcStored, utc!);
    expect(vietnamDateOf(utcStored.appointmentAt!)).toBe(vietnamDateOf(new Date(Date.parse(String(utc!.appointmentDate).replace(/\+0000$/, 'Z')))));
    const utcBadge = expectedBadge(timelinessOf(utc!));
    await expect.poll(async () => (await rowBadges()).find((b) => b.code === utc!.code)?.text, POLL).toBe(utcBadge);
  });

  it('captures the next page when the officer pages through results', async () => {
    await servedPage(() => page.goto(`${portal.igateUrl}/vi/dossier/search?size=20`));
    const second = await servedPage(() => page.getByRole('button', { name: 'Trang sau' }).click());
    expect(second.number).toBe(1);
    const stored = await waitForServed(second.content);
    for (const entry of second.content) expectSameDossier(stored.get(String(entry.code)), entry);
    const expected = second.content.map((entry) => ({ code: String(entry.code), text: expectedBadge(timelinessOf(entry)) }));
    await expect.poll(async () => (await rowBadges()).map(({ code, text }) => ({ code, text })), POLL).toEqual(expected);
  });

  it('follows SPA navigation to the procedure list and back, recording the first day each procedure was seen', async () => {
    const procedures = await servedPage(() => page.getByRole('link', { name: 'Thủ tục hành chính' }).click(), '/ba/procedure/search');
    const codes = procedures.content.map((entry) => nationalProcedureCode(String(entry.code)));
    expect(codes.length).toBeGreaterThan(0);
    await expect
      .poll(async () => {
        const seen = await readExtensionStore<{ procedureCode: string; firstSeenOn: string }>(browser.serviceWorker, 'procedureFirstSeen');
        return codes.filter((code) => !seen.some((s) => s.procedureCode === code && s.firstSeenOn === todayInVietnam()));
      }, POLL)
      .toEqual([]);
    const stored = await readExtensionStore<{ code: string; name: string }>(browser.serviceWorker, 'procedures');
    for (const entry of procedures.content) {
      expect(stored.find((p) => p.code === nationalProcedureCode(String(entry.code)))?.name).toBe(nameOf(entry));
    }
    const back = await servedPage(() => page.goBack());
    const expected = back.content.map((entry) => ({ code: String(entry.code), text: expectedBadge(timelinessOf(entry)) }));
    await expect.poll(async () => (await rowBadges()).map(({ code, text }) => ({ code, text })), POLL).toEqual(expected);
  });

  it('shows a response it cannot read as "not understood" while the page keeps working', async () => {
    const served = (await servedPage(() => page.goto(`${portal.igateUrl}/vi/dossier/search?size=20&page=7&broken=shape`))) as unknown as { items: Json[] };
    const notice = page.locator('tthc-not-understood [role="alert"]');
    await expect.poll(() => notice.textContent(), POLL).toMatch(/^tthc-desk chưa hiểu được trang này: 1 bản ghi không đọc được/);
    await expect.poll(() => page.locator('#outlet').getAttribute('data-state'), POLL).toBe('ready');
    expect(await page.locator('tr.mat-row').count()).toBe(20);
    expect(await page.locator('.load-error').count()).toBe(0);
    await expect
      .poll(async () => (await readExtensionStore<{ url: string; count: number }>(browser.serviceWorker, 'captureProblems')).some((p) => p.url.endsWith('/vi/dossier/search') && p.count === 1), POLL)
      .toBe(true);
    // The rows the page still shows are read from the DOM instead, with their badges.
    const stored = await waitForStored(served.items.map((entry) => String(entry.code)));
    for (const entry of served.items) {
      expect(storedMs(stored.get(String(entry.code))!.appointmentAt)).toBe(instantMs(entry.appointmentDate));
    }
    const expected = served.items.map((entry) => ({ code: String(entry.code), text: expectedBadge(timelinessOf(entry)) }));
    await expect.poll(async () => (await rowBadges()).map(({ code, text }) => ({ code, text })), POLL).toEqual(expected);
    // The page keeps paging with our observer in place.
    const second = await servedPage(() => page.getByRole('button', { name: 'Trang sau' }).click());
    expect(second).toBeDefined();
    await expect.poll(() => page.locator('tr.mat-row').count(), POLL).toBe(20);
    // Moving on to a page the adapter understands clears the notice.
    await servedPage(() => page.getByRole('link', { name: 'Tra cứu hồ sơ', exact: true }).click());
    await expect.poll(() => notice.count(), POLL).toBe(0);
  });

  it('counts damaged entries as not understood and still stores the good ones', async () => {
    const served = await servedPage(() => page.goto(`${portal.igateUrl}/vi/dossier/search?size=30&broken=entries&page=3`));
    const damaged = served.content.filter((entry) => entry.code === null);
    const good = served.content.filter((entry) => entry.code !== null);
    expect(damaged.length).toBeGreaterThan(0);
    const notice = page.locator('tthc-not-understood [role="alert"]');
    await expect.poll(() => notice.textContent(), POLL).toMatch(new RegExp(`^tthc-desk chưa hiểu được trang này: ${damaged.length} bản ghi không đọc được`));
    const stored = await waitForServed(good);
    for (const entry of good) expectSameDossier(stored.get(String(entry.code)), entry);
  });

  it('captures a dossier from the national portal lookup page, which has no JSON to read', async () => {
    const entry = first.content.find((e) => e.returnedDate == null && e.completedDate == null && e.appointmentDate) ?? first.content[0]!;
    const code = String(entry.code);
    await page.goto(`${portal.dvcqgUrl}/p/home/dvc-tra-cuu-ho-so.html?ma_ho_so=${encodeURIComponent(code)}`);
    await expect.poll(async () => (await storedDossiers()).get(code) as unknown as { site?: string } | undefined, POLL).toMatchObject({ site: 'dvcqg' });
    // The national page shows fewer fields; what the provincial response gave is kept.
    expectSameDossier((await storedDossiers()).get(code), entry);
    const badge = page.locator('tthc-badge[data-kind="dossier"] span');
    await expect.poll(() => badge.textContent(), POLL).toBe(expectedBadge(timelinessOf(entry)));
  });

  it('keeps no personal data by default', async () => {
    const applicants = first.content.map((entry) => ((entry.applicant ?? {}) as { data?: { fullname?: string } }).data?.fullname).filter((name): name is string => !!name);
    expect(applicants.length).toBeGreaterThan(0);
    const firstCodes = new Set(first.content.map((entry) => String(entry.code)));
    const stored = [...(await storedDossiers()).values()].filter((d) => firstCodes.has(d.code));
    expect(stored).toHaveLength(first.content.length);
    expect(stored.filter((d) => 'applicant' in d)).toEqual([]);
    const everything = JSON.stringify(stored).normalize('NFC');
    for (const name of applicants) expect(everything).not.toContain(name.normalize('NFC'));
  });

  it('writes no status observation while no dossier has changed status', async () => {
    const observations = await readExtensionStore<{ dossierCode: string }>(browser.serviceWorker, 'statusObservations');
    expect(observations).toEqual([]);
  });

  it('reads responses the page fetches with XMLHttpRequest, as text and as JSON', async () => {
    await servedPage(() => page.goto(`${portal.igateUrl}/vi/procedure/search`), '/ba/procedure/search');
    const served = await page.evaluate(async () => {
      const load = (url: string, responseType: XMLHttpRequestResponseType) =>
        new Promise<unknown>((resolve, reject) => {
          const xhr = new XMLHttpRequest();
          xhr.open('GET', url);
          xhr.responseType = responseType;
          xhr.onload = () => resolve(responseType === 'json' ? xhr.response : JSON.parse(xhr.responseText));
          xhr.onerror = () => reject(new Error('xhr failed'));
          xhr.send();
        });
      return [await load('/pa/dossier/search?size=5&page=501', ''), await load('/pa/dossier/search?size=5&page=502', 'json')];
    }) as SpringPage[];
    const entries = served.flatMap((p) => p.content);
    expect(entries).toHaveLength(10);
    const stored = await waitForServed(entries);
    for (const entry of entries) expectSameDossier(stored.get(String(entry.code)), entry);
  });

  it("hands over only the responses an adapter claims, not the portal's other JSON", async () => {
    await servedPage(() => page.goto(`${portal.igateUrl}/vi/procedure/search`), '/ba/procedure/search');
    // The portal's own JSON that no adapter reads, such as the signed-in officer's profile.
    await page.route('**/hu/user/me', (route) => route.fulfill({ json: { fullname: 'Nguyễn Văn B', identityNumber: '049090000002' } }));
    try {
      const handedOver = await page.evaluate(async (channel) => {
        const seen: string[] = [];
        const claimedArrived = new Promise<void>((resolve) => {
          window.addEventListener('message', (event: MessageEvent) => {
            const data = event.data as { channel?: unknown; kind?: unknown; url?: unknown } | null;
            if (data?.channel !== channel || data.kind !== 'response') return;
            seen.push(new URL(String(data.url)).pathname);
            if (new URL(String(data.url)).pathname === '/pa/dossier/search') resolve();
          });
        });
        await (await fetch('/hu/user/me')).json();
        // Posted in order: had the profile crossed, it would be seen before this claimed response.
        await (await fetch('/pa/dossier/search?size=1&page=503')).json();
        await claimedArrived;
        return seen;
      }, PAGE_CHANNEL);
      expect(handedOver).toEqual(['/pa/dossier/search']);
    } finally {
      await page.unroute('**/hu/user/me');
    }
  });

  it("adds a status observation when a dossier's status changes, keeping the earlier one", async () => {
    const entry = first.content.find((e) => e.returnedDate == null && e.completedDate == null && e.appointmentDate)!;
    const code = String(entry.code);
    const returned = { ...entry, dossierStatus: { id: 4, name: 'Đã trả kết quả' }, returnedDate: '2026-01-05T09:00:00.000+0700' };
    // The portal a day later: the same search page, with this dossier returned.
    await page.route('**/pa/dossier/search?**', (route) => route.fulfill({ json: { ...first, content: first.content.map((e) => (e.code === code ? returned : e)) } }));
    try {
      await servedPage(() => page.goto(`${portal.igateUrl}/vi/dossier/search?size=100`));
      const firstSeenAt = ((await storedDossiers()).get(code) as unknown as { firstSeenAt: string }).firstSeenAt;
      await expect
        .poll(async () => (await readExtensionStore<{ dossierCode: string; status: string; seenAt: string }>(browser.serviceWorker, 'statusObservations')).filter((o) => o.dossierCode === code).map((o) => o.status), POLL)
        .toEqual([nameOf(entry.dossierStatus), 'Đã trả kết quả']);
      const timeline = (await readExtensionStore<{ dossierCode: string; seenAt: string }>(browser.serviceWorker, 'statusObservations')).filter((o) => o.dossierCode === code);
      // The status held since the dossier was first seen, then the change.
      expect(timeline[0]!.seenAt).toBe(firstSeenAt);
      expect(Date.parse(timeline[1]!.seenAt)).toBeGreaterThanOrEqual(Date.parse(firstSeenAt));
      expectSameDossier((await storedDossiers()).get(code), returned);
      await expect.poll(async () => (await rowBadges()).find((b) => b.code === code)?.text, POLL).toBe(expectedBadge(timelinessOf(returned)));
      // The unchanged dossiers of the page got none.
      const observations = await readExtensionStore<{ dossierCode: string }>(browser.serviceWorker, 'statusObservations');
      expect(observations.map((o) => o.dossierCode)).toEqual([code, code]);
    } finally {
      await page.unroute('**/pa/dossier/search?**');
    }
  });

  it("shows a procedure's publication progress on its row of the procedure list", async () => {
    const procedures = await servedPage(() => page.goto(`${portal.igateUrl}/vi/procedure/search`), '/ba/procedure/search');
    const code = nationalProcedureCode(String(procedures.content[0]!.code));
    const today = todayInVietnam();
    const record = publicationRecordSchema.parse({ procedureCode: code, publicationDate: addDays(today, -30), internalProcessDate: addDays(today, -28), postedDate: addDays(today, -20) });
    await putExtensionRows(browser.serviceWorker, 'publications', [{ procedureCode: code, record, updatedAt: `${today}T08:00:00+07:00` }]);
    // The provincial list shows the procedure today, long after its provincialSystem step fell due: no evidence for it.
    const steps = evaluatePublication(record, { today, seenBy: { provincialSystemDate: today } }).steps;
    const late = steps.filter((step) => step.status === 'late' || step.status === 'overdue').length;
    expect(late).toBeGreaterThan(0);
    await page.reload();
    const badge = page.locator('tr.mat-row', { hasText: String(procedures.content[0]!.code) }).locator('tthc-badge[data-kind="procedure"] span');
    await expect.poll(() => badge.textContent(), POLL).toBe(`Công bố: ${late} bước trễ hạn`);
    expect(await badge.getAttribute('aria-label')).toBe(`Thủ tục ${code}: Công bố: ${late} bước trễ hạn`);
  });

  it("keeps applicants' names only after the unit turns personal data on", async () => {
    await putExtensionRows(browser.serviceWorker, 'settings', [{ key: 'keepPersonalData', value: true }]);
    try {
      const served = await servedPage(() => page.goto(`${portal.igateUrl}/vi/dossier/search?size=10&page=40`));
      const entry = served.content[0]!;
      const applicant = ((entry.applicant ?? {}) as { data: Json }).data;
      await expect
        .poll(async () => (await storedDossiers()).get(String(entry.code))?.applicant, POLL)
        .toEqual({ fullname: portalText(applicant.fullname), identityNumber: portalText(applicant.identityNumber), address: portalText(applicant.address) });
    } finally {
      await putExtensionRows(browser.serviceWorker, 'settings', [{ key: 'keepPersonalData', value: false }]);
    }
  });

  it('captures nothing on an origin the settings no longer list as a portal', async () => {
    await putExtensionRows(browser.serviceWorker, 'settings', [{ key: 'portalOrigins', value: ['https://dichvucong.quangnam.gov.vn'] }]);
    let ignored: SpringPage;
    try {
      ignored = await servedPage(() => page.goto(`${portal.igateUrl}/vi/dossier/search?size=10&page=1500`));
      await expect.poll(() => page.locator('#outlet').getAttribute('data-state'), POLL).toBe('ready');
    } finally {
      await putExtensionRows(browser.serviceWorker, 'settings', [{ key: 'portalOrigins', value: ['http://127.0.0.1:*'] }]);
    }
    // A later page is captured again; by then the ignored one would have been stored before it.
    const later = await servedPage(() => page.goto(`${portal.igateUrl}/vi/dossier/search?size=10&page=1501`));
    const stored = await waitForStored(later.content.map((entry) => String(entry.code)));
    expect(ignored.content.filter((entry) => stored.has(String(entry.code)))).toEqual([]);
    expect(await page.locator('tthc-badge').count()).toBe(10);
  });

  it('shows the number of overdue dossiers on the toolbar badge', async () => {
    const stored = [...(await storedDossiers()).values()];
    const overdue = stored.filter((d) => dossierTimeliness(d, { today: todayInVietnam(), dueSoonWorkingDays: 2 }).state === 'overdue').length;
    expect(overdue).toBeGreaterThan(0);
    await expect.poll(() => browser.serviceWorker.evaluate(() => (globalThis as unknown as { chrome: { action: { getBadgeText(details: object): Promise<string> } } }).chrome.action.getBadgeText({})), POLL).toBe(String(overdue));
  });

  it("counts only the unit's overdue dossiers once the officer sets the unit on the options page", async () => {
    const today = todayInVietnam();
    const overdueByAgency = new Map<string, number>();
    for (const d of (await storedDossiers()).values()) {
      if (d.agencyCode && dossierTimeliness(d, { today, dueSoonWorkingDays: 2 }).state === 'overdue') overdueByAgency.set(d.agencyCode, (overdueByAgency.get(d.agencyCode) ?? 0) + 1);
    }
    const [agencyCode, overdue] = [...overdueByAgency].sort((a, b) => a[1] - b[1])[0]!;
    const everyUnit = [...overdueByAgency.values()].reduce((sum, n) => sum + n, 0);
    expect(overdue).toBeLessThan(everyUnit);
    const options = await browser.openExtensionPage('options.html');
    try {
      const code = options.locator('input[name="unitAgencyCodes"]');
      await code.fill(agencyCode);
      await code.locator('xpath=ancestor::form').locator('button[type="submit"]').click();
      await expect.poll(() => browser.serviceWorker.evaluate(() => (globalThis as unknown as { chrome: { action: { getBadgeText(details: object): Promise<string> } } }).chrome.action.getBadgeText({})), POLL).toBe(String(overdue));
    } finally {
      await options.close();
    }
  });
});
