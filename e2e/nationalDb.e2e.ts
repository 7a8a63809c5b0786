// The national portal's procedure pages and the national TTHC database's publication decisions,
// captured in a real browser with the built extension from the demo portal, then offered in the
// publication register and confirmed with one click. Expectations come from what the demo served.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { DemoPortal } from '../demo-portal/server.ts';
import type { ExtensionBrowser } from './support/browser.ts';
import { withPortalSession } from './support/portalSession.ts';
import { putExtensionRows, readExtensionStore } from './support/extensionDb.ts';

interface DecisionRow { ID: string; CODE: string; PUBLISHING_DATE: string }
interface ProcedureRow { ID: string; PROCEDURE_NAME: string }
interface StoredProcedure { code: string; portalId: string | null; site: string; name: string; agency: string | null; level: string | null; decisionNumber?: string | null; resolutionTime?: { days: number; unit: string } | null }

const POLL = { timeout: 20_000, interval: 100 };
let portal: DemoPortal;
let browser: ExtensionBrowser;
let page: Page;

async function rest(params: object): Promise<unknown[]> {
  const response = await fetch(`${portal.dvcqgUrl}/jsp/rest.jsp`, { method: 'POST', body: new URLSearchParams({ params: JSON.stringify(params) }) });
  return (await response.json()) as unknown[];
}

const storedProcedure = async (portalId: string) =>
  (await readExtensionStore<StoredProcedure>(browser.serviceWorker, 'procedures')).find((p) => p.portalId === portalId && p.site === 'dvcqg');

withPortalSession((session) => ({ portal, browser, page } = session));

describe('the national portal and the national TTHC database', () => {
  let decision: DecisionRow;
  let amended: ProcedureRow;
  let code: string;

  beforeAll(async () => {
    // A decision whose number carries the stray trailing dot, and a procedure it amends.
    decision = ((await rest({ service: 'decision_publishment_advanced_search_service_v2', recordPerPage: 50, pageIndex: 1 })) as DecisionRow[]).find((d) => d.CODE.endsWith('.'))!;
    const rows = (await rest({ service: 'get_modified_procedures_by_dp_id_service_v2', id: Number(decision.ID) })) as ProcedureRow[];
    expect(rows.length).toBeGreaterThan(0);
    amended = rows[0]!;
  });

  it('reads the procedure page by its code: name, agency, time limit, and the internal id of its detail link', async () => {
    const listed = (await (await fetch(`${portal.igateUrl}/ba/procedure/search?size=100`)).json()) as { content: { code: string }[] };
    const other = listed.content[listed.content.length - 1]!.code.replace(/^(\d+\.\d+).*$/, '$1');
    await page.goto(`${portal.dvcqgUrl}/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=${other}`);
    const detailId = /ma_thu_tuc=(\d+)/.exec((await page.locator('a.url').getAttribute('href'))!)![1]!;
    const expected = {
      code: other,
      site: 'dvcqg',
      name: (await page.locator('h1.main-title').textContent())!.trim(),
      agency: (await page.locator('.article p').first().textContent())!.trim(),
      resolutionTime: { days: Number(/(\d+) Ngày làm việc/.exec(await page.content())![1]), unit: 'working' },
      level: null,
      decisionNumber: null,
    };
    await expect.poll(() => storedProcedure(detailId), POLL).toMatchObject(expected);
  });

  it('reads the detail page (-nganh-doc variant) of a procedure by its internal id: code, level, decision number, time limit', async () => {
    await page.goto(`${portal.dvcqgUrl}/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet-nganh-doc.html?ma_thu_tuc=${amended.ID}`);
    const html = await page.content();
    await expect.poll(() => storedProcedure(amended.ID), POLL).toBeDefined();
    const stored = (await storedProcedure(amended.ID))!;
    code = /<div class="key">Mã thủ tục:<\/div><\/div><div class="col-sm-9">([^<]+)</.exec(html)![1]!;
    const days = Number(/(\d+) Ngày làm việc/.exec(html)![1]);
    expect(stored).toMatchObject({ code, name: amended.PROCEDURE_NAME, decisionNumber: expect.stringMatching(/\/QĐ-BTP$/) as string, resolutionTime: { days, unit: 'working' } });
    expect(stored.level).toMatch(/^Cấp (Tỉnh|Huyện)$/);
  });

  it("keeps the detail page's level and decision number when the poorer procedure page of the same procedure is read", async () => {
    const before = (await storedProcedure(amended.ID))!;
    // Marked as seen long ago, so the next store of this procedure is visible whatever the clock's precision.
    const LONG_AGO = '2000-01-01T00:00:00+07:00';
    await putExtensionRows(browser.serviceWorker, 'procedures', [{ ...before, lastSeenAt: LONG_AGO }]);
    await page.goto(`${portal.dvcqgUrl}/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=${code}`);
    await expect.poll(async () => (await readExtensionStore<{ code: string; lastSeenAt: string }>(browser.serviceWorker, 'procedures')).find((p) => p.code === code)?.lastSeenAt, POLL).not.toBe(LONG_AGO);
    expect(await storedProcedure(amended.ID)).toMatchObject({ level: before.level, decisionNumber: before.decisionNumber, portalId: amended.ID });
  });

  it('stores the decisions of the decision list, claimed by the request body, number without its stray dot', async () => {
    await page.goto(`${portal.dvcqgUrl}/p/home/dvc-tthc-quyet-dinh-cong-bo.html`);
    const [dd, mm, yyyy] = decision.PUBLISHING_DATE.split('-');
    await expect
      .poll(async () => (await readExtensionStore<{ id: string; number: string; publishedOn: string }>(browser.serviceWorker, 'decisions')).find((d) => d.id === decision.ID), POLL)
      .toMatchObject({ number: decision.CODE.slice(0, -1), publishedOn: `${yyyy}-${mm}-${dd}` });
  });

  it("stores a decision's listed procedures from its page, each with its change", async () => {
    await page.goto(`${portal.dvcqgUrl}/p/home/dvc-tthc-quyet-dinh-cong-bo-chi-tiet.html?ma_quyet_dinh=${decision.ID}`);
    const added = (await rest({ service: 'get_procedures_by_dp_id_service_v2', id: Number(decision.ID) })) as ProcedureRow[];
    const expected = [...added.map((row) => ({ nationalId: row.ID, change: 'new' })), { nationalId: amended.ID, change: 'amended' }];
    await expect
      .poll(async () => (await readExtensionStore<{ decisionId: string; nationalId: string; change: string }>(browser.serviceWorker, 'decisionProcedures')).filter((r) => r.decisionId === decision.ID).map(({ nationalId, change }) => ({ nationalId, change })), POLL)
      .toEqual(expect.arrayContaining(expected));
  });

  it('offers the decision in the publication register, and one click records its number and date', async () => {
    const [dd, mm, yyyy] = decision.PUBLISHING_DATE.split('-');
    const number = decision.CODE.slice(0, -1);
    await putExtensionRows(browser.serviceWorker, 'publications', [{ procedureCode: code, record: { procedureCode: code, procedureName: amended.PROCEDURE_NAME, ministryListDate: `${yyyy}-${mm}-01` }, updatedAt: '2026-01-01T09:00:00+07:00' }]);
    const panel = await browser.openExtensionPage('sidepanel.html');
    await panel.getByRole('tab', { name: 'Công bố' }).click();
    const offer = panel.locator(`article[data-procedure="${code}"] [data-decision-offer="${decision.ID}"]`);
    await expect.poll(() => offer.textContent(), POLL).toContain(`Quyết định ${number} ngày ${dd}/${mm}/${yyyy} (sửa đổi, bổ sung)`);
    await offer.getByRole('button', { name: 'Dùng làm quyết định công bố' }).click();
    await expect
      .poll(async () => (await readExtensionStore<{ procedureCode: string; record: { publicationDate: string | null; publicationDecisionNumber?: string } }>(browser.serviceWorker, 'publications')).find((p) => p.procedureCode === code)?.record, POLL)
      .toMatchObject({ publicationDate: `${yyyy}-${mm}-${dd}`, publicationDecisionNumber: number });
    await expect.poll(() => offer.count(), POLL).toBe(0);
    expect(await panel.locator(`article[data-procedure="${code}"] [data-decision-number]`).textContent()).toBe(`Quyết định công bố: ${number}`);
    // Editing another date in the form keeps the confirmed decision's number.
    await panel.locator(`article[data-procedure="${code}"]`).getByRole('button', { name: 'Sửa' }).click();
    const form = panel.locator('form[aria-labelledby="publication-form-title"]');
    await form.locator('input[name="postedDate"]').fill(`${dd}/${mm}/${yyyy}`);
    await form.getByRole('button', { name: 'Lưu' }).click();
    await expect
      .poll(async () => (await readExtensionStore<{ procedureCode: string; record: { postedDate: string | null; publicationDecisionNumber?: string } }>(browser.serviceWorker, 'publications')).find((p) => p.procedureCode === code)?.record, POLL)
      .toMatchObject({ postedDate: `${yyyy}-${mm}-${dd}`, publicationDecisionNumber: number });
    await panel.close();
  });
});

describe('the publication badge on the national procedure pages', () => {
  it('puts the recorded procedure\'s publication progress on the procedure page\'s title and on the detail popup', async () => {
    const [procedure] = await readExtensionStore<{ procedureCode: string }>(browser.serviceWorker, 'publications');
    const stored = (await readExtensionStore<{ code: string; portalId: string | null }>(browser.serviceWorker, 'procedures')).find((p) => p.code === procedure!.procedureCode)!;
    await page.goto(`${portal.dvcqgUrl}/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=${stored.code}`);
    const titleBadge = page.locator('h1.main-title tthc-badge[data-kind="procedure"] span');
    await expect.poll(() => titleBadge.textContent(), POLL).toMatch(/^Công bố: /);
    const text = await titleBadge.textContent();
    await page.goto(`${portal.dvcqgUrl}/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet-dung-chung.html?ma_thu_tuc=${stored.portalId}`);
    const popupBadge = page.locator('#popupChitietTTHC .info-row .col-sm-9 tthc-badge[data-kind="procedure"] span');
    await expect.poll(() => popupBadge.textContent(), POLL).toBe(text);
  });
});

describe('the first-seen day in the publication register: an upper bound, not a done date', () => {
  it('proves the provincial-system step on time when seen by its due date, and marks it "no evidence yet" when seen after', async () => {
    // Published Fri 1/3/2024: the provincial-system step (5 calendar days) was due Wed 6/3.
    const record = (code: string) => ({ procedureCode: code, procedureName: 'Thủ tục thử', publicationDate: '2024-03-01' });
    await putExtensionRows(browser.serviceWorker, 'publications', [
      { procedureCode: '9.000001', record: record('9.000001'), updatedAt: '2024-03-01T09:00:00+07:00' },
      { procedureCode: '9.000002', record: record('9.000002'), updatedAt: '2024-03-01T09:00:00+07:00' },
    ]);
    await putExtensionRows(browser.serviceWorker, 'procedureFirstSeen', [
      { procedureCode: '9.000001', firstSeenOn: '2024-03-05' },
      { procedureCode: '9.000002', firstSeenOn: '2024-03-12' },
    ]);
    const panel = await browser.openExtensionPage('sidepanel.html');
    await panel.getByRole('tab', { name: 'Công bố' }).click();
    const step = (code: string) => panel.locator(`article[data-procedure="${code}"] tr[data-step="provincialSystem"]`);
    await expect.poll(() => step('9.000001').locator('[data-status]').getAttribute('data-status'), POLL).toBe('on_time');
    expect(await step('9.000001').textContent()).toContain('đã công khai chậm nhất ngày 05/03/2024');
    expect(await step('9.000002').locator('[data-status]').getAttribute('data-status')).toBe('overdue');
    expect(await step('9.000002').locator('[data-evidence]').textContent()).toContain('chưa có bằng chứng');
    await panel.close();
  });
});
