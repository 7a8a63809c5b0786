// Golden fixtures: every `*.expected.json` in fixtures/ names a saved response or page, the URL it
// came from and the options; the adapter for that URL must read exactly the expected records.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { t } from '../i18n/i18n.ts';
import { dossierSchema } from '../schemas/dossier.ts';
import { procedureSchema } from '../schemas/procedure.ts';
import { adapterForPage, adapters } from './index.ts';
import type { ParseOptions, ParseResult } from './types.ts';

const dir = join(import.meta.dirname, 'fixtures');

interface Expected extends ParseResult { fixture: string; url: string; options: ParseOptions }

const expectations = readdirSync(dir)
  .filter((name) => name.endsWith('.expected.json'))
  .map((name) => ({ name, expected: JSON.parse(readFileSync(join(dir, name), 'utf8')) as Expected }));

function parseFixture({ fixture, url, options }: Expected): ParseResult {
  const text = readFileSync(join(dir, fixture), 'utf8');
  const parsedUrl = new URL(url);
  if (fixture.endsWith('.json')) {
    const adapter = adapters.find((a) => a.claimsResponse(parsedUrl));
    if (!adapter) throw new Error(`no adapter claims ${url}`);
    return adapter.parseResponse(parsedUrl, JSON.parse(text), options);
  }
  const adapter = adapterForPage(parsedUrl);
  if (!adapter) throw new Error(`no adapter for page ${url}`);
  return adapter.parseDocument(parseHTML(text).document as unknown as Document, parsedUrl, options);
}

describe('golden fixtures', () => {
  it('cover saved API responses, saved pages, both sites and both privacy settings', () => {
    const fixtures = expectations.map((e) => e.expected.fixture);
    expect(fixtures.some((f) => f.startsWith('igate') && f.endsWith('.json'))).toBe(true);
    expect(fixtures.some((f) => f.startsWith('igate') && f.endsWith('.html'))).toBe(true);
    expect(fixtures.some((f) => f.startsWith('dvcqg') && f.endsWith('.html'))).toBe(true);
    expect(expectations.some((e) => e.expected.options.keepPersonalData)).toBe(true);
    expect(expectations.length).toBeGreaterThanOrEqual(15);
  });

  for (const { name, expected } of expectations) {
    it(`${expected.fixture} reads as ${name}`, () => {
      const result = parseFixture(expected);
      const unread = expected.unreadFields ? { unreadFields: expected.unreadFields } : {};
      expect(result).toEqual({ dossiers: expected.dossiers, procedures: expected.procedures, rejected: expected.rejected, ...unread });
      for (const dossier of result.dossiers) expect(dossierSchema.parse(dossier)).toEqual(dossier);
      for (const procedure of result.procedures) expect(procedureSchema.parse(procedure)).toEqual(procedure);
      for (const rejection of result.rejected) expect(t(rejection.reason)).not.toBe(rejection.reason);
      if (!expected.options.keepPersonalData) expect(result.dossiers.every((d) => d.applicant === undefined)).toBe(true);
    });
  }
});

describe('what the golden records show', () => {
  const load = (name: string) => expectations.find((e) => e.name === name)!.expected;

  it('normalises decomposed (NFD) portal text to NFC', () => {
    const raw = readFileSync(join(dir, 'igate-handwritten-cases.json'), 'utf8');
    expect(raw).not.toBe(raw.normalize('NFC'));
    const [first] = parseFixture(load('igate-handwritten-cases.expected.json')).dossiers;
    expect(first?.procedureName).toBe('Tạm ngừng kinh doanh hộ kinh doanh'.normalize('NFC'));
    expect(first?.procedureName?.normalize('NFC')).toBe(first?.procedureName);
  });

  it('reads a +0000 appointment at 17:00 UTC as midnight of the next day in Vietnam', () => {
    const dossier = parseFixture(load('igate-handwritten-cases.expected.json')).dossiers.find((d) => d.code === '000.00.20.H48-240502-0007');
    expect(dossier?.appointmentAt).toBe('2024-05-04T00:00:00+07:00');
  });

  it('keeps completedDate as the completion, not as the return, when returnedDate is absent', () => {
    const dossier = parseFixture(load('igate-handwritten-cases.expected.json')).dossiers.find((d) => d.code === '000.00.20.H48-240502-0007');
    expect(dossier?.completedAt).toBe('2024-05-04T06:59:00+07:00');
    expect(dossier?.returnedAt).toBeNull();
  });

  it('keeps a dossier with an unreadable date or status, that field null and counted', () => {
    const result = parseFixture(load('igate-handwritten-cases.expected.json'));
    expect(result.dossiers.find((d) => d.code === '000.00.20.H48-240229-0001')?.appointmentAt).toBeNull();
    expect(result.unreadFields).toMatchObject({ appointmentAt: 1, status: 1 });
  });

  it('reports a response of an unknown shape as not understood instead of returning nothing', () => {
    const result = parseFixture(load('igate-dossier-search-broken-shape.expected.json'));
    expect(result.dossiers).toEqual([]);
    expect(result.rejected.map((r) => r.reason)).toEqual(['portal.rejected.responseShape']);
  });

  it('keeps the good entries of a partly damaged response and counts the damaged ones', () => {
    const body = JSON.parse(readFileSync(join(dir, 'igate-dossier-search-broken-entries.json'), 'utf8')) as { content: unknown[] };
    const result = parseFixture(load('igate-dossier-search-broken-entries.expected.json'));
    expect(result.dossiers.length + result.rejected.length).toBe(body.content.length);
    expect(result.rejected.length).toBeGreaterThan(0);
  });

  it('reads the same dossiers from the demo page as from the API response behind it', () => {
    const fromApi = parseFixture(load('igate-dossier-search.expected.json')).dossiers;
    const fromPage = parseFixture(load('igate-dossier-search-page.expected.json')).dossiers;
    // The page shows one return column, filled from either date: compared with the finish.
    const shared = (d: (typeof fromApi)[number]) => [d.code, d.procedureCode, d.procedureName, d.agency, d.status, d.acceptedAt, d.appointmentAt, d.completedAt ?? d.returnedAt, d.channel];
    expect(fromPage.map(shared)).toEqual(fromApi.map(shared));
  });

  it('never puts personal data in a rejection sample', () => {
    for (const { expected } of expectations) {
      for (const rejection of parseFixture(expected).rejected) expect(rejection.sample ?? '').not.toMatch(/Lê Thị Thử|049\d{9}/);
    }
  });
});
