// `node scripts/portal-fixtures.ts`: saves the demo portal's API responses and rendered pages
// (Chromium) into shared/portal/fixtures/, with the records the adapters read from them as
// `*.expected.json`. Run it after a deliberate change to the demo portal or an adapter, then read
// the diff of the expected files: they are the golden records the tests compare against.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startDemoPortal } from '../demo-portal/server.ts';
import { adapterForPage, igateAdapter } from '../shared/portal/index.ts';

const dir = join(import.meta.dirname, '..', 'shared', 'portal', 'fixtures');
/** A fixed clock, so the recent dossiers (pending, due soon) are the same on every run. */
const NOW = new Date('2024-12-16T09:00:00+07:00');
/** Fixture URLs use the real portal's host so the files do not depend on a port. */
const IGATE = 'https://dichvucong.quangnam.gov.vn';
const API = 'https://apiigate.quangnam.gov.vn';
const DVCQG = 'https://dichvucong.gov.vn';

const portal = await startDemoPortal({ now: NOW });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });

function save(name: string, content: string): void {
  writeFileSync(join(dir, name), content.endsWith('\n') ? content : `${content}\n`);
}

function expected(name: string, fixture: string, url: string, result: unknown): void {
  save(`${name}.expected.json`, JSON.stringify({ fixture, url, options: { keepPersonalData: false }, ...(result as object) }, null, 2));
}

async function saveResponse(name: string, path: string): Promise<unknown> {
  const body = await (await fetch(`${portal.igateUrl}${path}`)).json();
  save(`${name}.json`, JSON.stringify(body, null, 2));
  const url = `${API}${path}`;
  expected(name, `${name}.json`, url, igateAdapter.parseResponse(new URL(url), body, { keepPersonalData: false }));
  return body;
}

async function savePage(name: string, base: string, realBase: string, path: string, ready: string): Promise<void> {
  const page = await browser.newPage();
  await page.goto(`${base}${path}`);
  await page.waitForSelector(ready);
  const html = `<!doctype html>\n${await page.evaluate(() => document.documentElement.outerHTML)}`;
  await page.close();
  save(`${name}.html`, html);
  const url = `${realBase}${path}`;
  const { parseHTML } = await import('linkedom');
  const { document } = parseHTML(html);
  const adapter = adapterForPage(url);
  if (!adapter) throw new Error(`no adapter for ${url}`);
  expected(name, `${name}.html`, url, adapter.parseDocument(document as unknown as Document, new URL(url), { keepPersonalData: false }));
}

/** The first page of a day's dossiers that shows NFD text, both timestamp offsets and both return-date names. */
async function variedDossierQuery(): Promise<string> {
  for (let day = 3; day < 28; day += 1) {
    const date = `2024-06-${String(day).padStart(2, '0')}`;
    const query = `page=0&size=20&sort=appointmentDate,asc&accepted-from=${date}&accepted-to=${date}`;
    const text = await (await fetch(`${portal.igateUrl}/pa/dossier/search?${query}`)).text();
    const nfd = text !== text.normalize('NFC');
    if (nfd && text.includes('+0000"') && text.includes('+0700"') && text.includes('"completedDate"') && text.includes('"returnedDate"') && text.includes('T17:00:00.000+0000')) return query;
  }
  throw new Error('no varied page found');
}

try {
  const query = await variedDossierQuery();
  const searched = (await saveResponse('igate-dossier-search', `/pa/dossier/search?${query}`)) as { content: { code: string }[] };
  await saveResponse('igate-dossier-search-broken-shape', `/pa/dossier/search?${query}&broken=shape`);
  await saveResponse('igate-dossier-search-broken-entries', `/pa/dossier/search?${query}&broken=entries`);
  await saveResponse('igate-procedure-search', '/ba/procedure/search?page=0&size=10');
  await saveResponse('igate-procedure-detail', '/ba/procedure/650000000000000000000018');
  await savePage('igate-dossier-search-page', portal.igateUrl, IGATE, `/vi/dossier/search?${query.replace(/&sort=[^&]*/, '')}`, '#outlet[data-state="ready"] tr.mat-row');
  await savePage('igate-dossier-search-empty-page', portal.igateUrl, IGATE, '/vi/dossier/search?code=KHONG-CO', '#outlet[data-state="ready"] .no-result');
  await savePage('igate-procedure-search-page', portal.igateUrl, IGATE, '/vi/procedure/search?size=10', '#outlet[data-state="ready"] tr.mat-row');
  await savePage('igate-procedure-detail-page', portal.igateUrl, IGATE, '/vi/procedure/detail/650000000000000000000018', '#outlet[data-state="ready"] .procedure-detail');
  await savePage('dvcqg-tra-cuu-ho-so', portal.dvcqgUrl, DVCQG, `/p/home/dvc-tra-cuu-ho-so.html?ma_ho_so=${searched.content[0]!.code}`, 'table.ket-qua-ho-so');
  console.log(`saved fixtures from ${query}`);
} finally {
  await browser.close();
  await portal.close();
}
