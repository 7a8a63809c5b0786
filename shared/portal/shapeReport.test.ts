import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shapeReport } from './shapeReport.ts';

const fixture = (name: string): unknown => JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8'));

describe('shapeReport', () => {
  it('gives keys, value types and date formats of a response', () => {
    const report = shapeReport(fixture('igate-dossier-search-broken-shape.json'));
    expect(report.split('\n')[0]).toBe('(root): object');
    expect(report).toContain('  items: array');
    expect(report).toMatch(/^ {2}total: number$/m);
    expect(report).toMatch(/^ {6}appointmentDate: date "9999-99-99T99:99:99\.999\+9999"/m);
    expect(report).toMatch(/^ {6}procedure: object$/m);
  });

  it('carries no value at all: no name, ID number, address or code of the response', () => {
    const body = fixture('igate-handwritten-cases.json');
    const report = shapeReport(body);
    const values: string[] = [];
    const collect = (value: unknown): void => {
      if (typeof value === 'string' && value.length > 2) values.push(value);
      else if (typeof value === 'number' && value > 9) values.push(String(value));
      else if (typeof value === 'object' && value !== null) Object.values(value).forEach(collect);
    };
    collect(body);
    expect(values.length).toBeGreaterThan(20);
    for (const value of values) expect(report, value).not.toContain(value);
    expect(shapeReport({ '049123456789': { fullname: 'Lê Thị Thử' } })).toBe('(root): object\n  <key>: object\n    fullname: string');
  });

  it('marks keys absent from some entries and stays small on a huge response', () => {
    expect(shapeReport([{ a: 1 }, { a: 2, b: 'x' }])).toContain('b: string (sometimes absent)');
    const huge = { content: Array.from({ length: 10_000 }, (_, i) => ({ code: `X-${i}`, nested: { deep: { deeper: [{ more: i }] } } })) };
    const report = shapeReport(huge);
    expect(report.length).toBeLessThan(2_000);
    expect(report).toContain('[items: 10000] object');
  });
});
