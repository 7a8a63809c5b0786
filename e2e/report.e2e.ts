// The Báo cáo tab in Debian's Chromium with the built extension, over dossiers captured from the
// demo portal: its table agrees with `tthc-desk report` run on the very response the page fetched,
// a click on a number lists exactly that cell's dossiers, the .xlsx it exports holds the same
// numbers, and Chỉ tiêu shows the 766 estimate and the year's charts over the same dossiers.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startDemoPortal, type DemoPortal } from '../demo-portal/server.ts';
import { igateAdapter } from '../shared/portal/index.ts';
import { t } from '../shared/i18n/i18n.ts';
import { cellColumns, cellDossiers, type CellColumn, type Counts } from '../shared/report/form06.ts';
import { reportDossierOf } from '../shared/report/input.ts';
import { monthlyFigures } from '../shared/report/monthly.ts';
import { estimateProgress766 } from '../shared/report/progress766.ts';
import { parseReportPeriod } from '../shared/report/period.ts';
import { todayInVietnam } from '../shared/time/dates.ts';
import { readXlsx } from '../shared/xlsx/readSheet.ts';
import { launchWithExtension, type ExtensionBrowser } from './support/browser.ts';
import { readExtensionStore } from './support/extensionDb.ts';

const root = join(import.meta.dirname, '..');
const scratch = mkdtempSync(join(tmpdir(), 'tthc-report-e2e-'));
const POLL = { timeout: 20_000, interval: 100 };
// The year that holds today by the cut-off (15/12 of the year before – 14/12).
const today = todayInVietnam();
const period = parseReportPeriod(String(Number(today.slice(0, 4)) + (today.slice(5) >= '12-15' ? 1 : 0)));

let portal: DemoPortal;
let browser: ExtensionBrowser;
let served: { url: string; body: unknown };
let cli: { period: { from: string; to: string }; total: Pick<Counts, 'received' | 'resolved' | 'pending'> };
let panel: Page;

function runCli(...args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(join(root, 'node_modules', '.bin', 'node'), [join(root, 'cli', 'bin.js'), ...args], { cwd: root }, (error, stdout, stderr) => {
      if (error) reject(new Error(stderr));
      else resolve(stdout);
    });
  });
}

const cellText = (column: CellColumn) => panel.locator(`button[data-cell="total|${column}"]`).textContent();
const countOf = (counts: Pick<Counts, 'received' | 'resolved' | 'pending'>, column: CellColumn) => {
  const [group, part] = column.split('.') as ['received' | 'resolved' | 'pending', string];
  return (counts[group] as Record<string, number>)[part];
};

beforeAll(async () => {
  portal = await startDemoPortal();
  browser = await launchWithExtension();
});

/** Captures a page of the demo portal and runs the CLI on the response the page fetched. */
async function captureAndRunCli(): Promise<void> {
  const page = await browser.context.newPage();
  const [response] = await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).pathname === '/pa/dossier/search'),
    page.goto(`${portal.igateUrl}/vi/dossier/search?size=100`),
  ]);
  served = { url: response.url(), body: await response.json() };
  const codes = (served.body as { content: { code: string }[] }).content.map((entry) => entry.code);
  await expect.poll(async () => (await readExtensionStore<{ code: string }>(browser.serviceWorker, 'dossiers')).length, POLL).toBe(codes.length);
  const file = join(scratch, 'dossier-search.json');
  writeFileSync(file, JSON.stringify(served.body));
  cli = JSON.parse(await runCli('report', file, '--period', period.id, '--json')) as typeof cli;
  panel = await browser.openExtensionPage('sidepanel.html');
  await panel.getByRole('tab', { name: t('report.tab', {}, 'vi') }).click();
  await panel.selectOption('select[name="report-period"]', period.id);
}

afterAll(async () => {
  await browser?.close();
  await portal?.close();
});

/**
 * The served dossiers as the report reads them: one ended without a result was seen so today (the
 * extension captured it today; the CLI's file was saved today), which is the end the report gives it.
 */
function reportedDossiers() {
  const seenAt = new Date().toISOString();
  return igateAdapter.parseResponse(new URL(served.url), served.body, { keepPersonalData: false }).dossiers
    .map((d) => reportDossierOf(d))
    .map((d) => (d.phase === 'closed' ? { ...d, closedSeenAt: seenAt } : d));
}

describe('the Báo cáo tab', () => {
  it('shows the same total row as the CLI on the same dossiers, and what it rests on', async () => {
    await captureAndRunCli();
    expect(cli.period).toEqual({ from: period.from, to: period.to });
    expect(cli.total.received.total).toBeGreaterThan(0);
    for (const column of cellColumns) await expect.poll(() => cellText(column), POLL).toBe(String(countOf(cli.total, column)));
    await expect(panel.locator('.report-basis').getAttribute('data-counted')).resolves.toBe(String(cli.total.received.total));
  });

  it('lists exactly a cell\'s dossiers when its number is clicked', async () => {
    const dossiers = reportedDossiers();
    // Every non-empty cell of the total row, so each column's reading is checked in the browser.
    for (const column of cellColumns.filter((c) => countOf(cli.total, c)! > 0)) {
      await panel.locator(`button[data-cell="total|${column}"]`).click();
      const expected = cellDossiers(dossiers, period, { rowKey: null, column }).map((d) => d.code).sort();
      await expect.poll(async () => (await panel.locator('.cell-dossiers .code').allTextContents()).sort(), POLL).toEqual(expected);
    }
  });

  it('exports the form as .xlsx with the table\'s numbers', async () => {
    const [download] = await Promise.all([panel.waitForEvent('download'), panel.getByRole('button', { name: t('report.exportXlsx', {}, 'vi') }).click()]);
    const path = join(scratch, 'export.xlsx');
    await download.saveAs(path);
    const sheet = readXlsx(readFileSync(path));
    expect(sheet.formulas).toBe(0);
    expect(sheet.rows.at(-1)).toEqual(['Tổng cộng', null, ...cellColumns.map((column) => countOf(cli.total, column))]);
  });

  it('shows the 766 estimate, labelled an estimate, and the month-by-month charts with their table in Chỉ tiêu', async () => {
    const dossiers = reportedDossiers();
    const year = today.slice(0, 4);
    const expected = estimateProgress766(dossiers, { from: `${year}-01-01`, to: `${year}-12-31` });
    await panel.getByRole('tab', { name: t('panel.tab.indicators', {}, 'vi') }).click();
    await panel.fill('input[name="period"]', year);
    await expect.poll(() => panel.locator('.progress-766').getAttribute('data-points'), POLL).toBe(String(expected.points ?? ''));
    await expect(panel.locator('.progress-766').textContent()).resolves.toContain('ước tính');
    const months = monthlyFigures(dossiers, Number(year));
    const basisColumn = panel.locator('[data-series="onTimeRate"] table tbody tr td:nth-child(4)');
    await expect.poll(() => basisColumn.allTextContents(), POLL).toEqual(months.map((m) => String(m.basis)));
  });
});
