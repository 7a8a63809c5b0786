// Records travel to the background as a table: read back, they are what JSON would have carried,
// and a table that does not hold together is refused rather than half read.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { igateAdapter } from '../../shared/portal/igate.ts';
import { MAX_TABLE_RECORDS, packRecords, recordTableSchema, unpackRecords, type RecordTable } from './recordTable.ts';

/** What a runtime message carries: the JSON of the value. */
const overTheWire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const fixture = (name: string): unknown => JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'shared', 'portal', 'fixtures', name), 'utf8'));

describe('record tables', () => {
  it('carry captured dossiers as JSON would, in a fraction of the size when values repeat', () => {
    const page = igateAdapter.parseResponse(new URL('https://igate.example/pa/dossier/search?page=0&size=20'), fixture('igate-dossier-search.json'), { keepPersonalData: true });
    expect(page.dossiers.length).toBeGreaterThan(0);
    // A collected page: the same procedures, agencies and statuses over and over.
    const dossiers = Array.from({ length: 50 }, (_, i) => page.dossiers.map((d) => ({ ...d, code: `${d.code}-${i}` }))).flat();
    const table = overTheWire(packRecords(dossiers));
    expect(unpackRecords(recordTableSchema.parse(table))).toEqual(overTheWire(dossiers));
    expect(JSON.stringify(table).length).toBeLessThan(JSON.stringify(dossiers).length / 2);
  });

  it('keeps the difference between absent, undefined, null, strings and numbers, and a field named __proto__', () => {
    const records = [
      { a: '1', b: 1, c: null, d: undefined, e: { amount: 1, unit: 'working' } },
      { a: 1, b: '1', c: false, e: { amount: 1, unit: 'working' } },
      JSON.parse('{"__proto__": {"polluted": true}, "x": "y"}') as object,
    ];
    const back = unpackRecords(overTheWire(packRecords(records)))!;
    expect(back).toEqual(overTheWire(records));
    expect(back.map((record) => Object.keys(record))).toEqual([['a', 'b', 'c', 'e'], ['a', 'b', 'c', 'e'], ['__proto__', 'x']]);
    expect(Object.getPrototypeOf(back[2])).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // Each record has its own nested objects.
    expect(back[0]!.e).not.toBe(back[1]!.e);
  });

  it('refuses a table whose rows name shapes or values it lacks', () => {
    const table: RecordTable = { shapes: [['a']], values: ['x'], rows: [[0, 0]] };
    expect(unpackRecords(table)).toEqual([{ a: 'x' }]);
    expect(unpackRecords({ ...table, rows: [[1, 0]] })).toBeNull();
    expect(unpackRecords({ ...table, rows: [[0, 1]] })).toBeNull();
    expect(unpackRecords({ ...table, rows: [[0]] })).toBeNull();
    expect(unpackRecords({ ...table, rows: [[0, 0, 0]] })).toBeNull();
  });

  it('checks a table\'s rows as lists of non-negative integer indexes, at most MAX_TABLE_RECORDS of them', () => {
    const table = { shapes: [['a', 'b']], values: ['x', 1], rows: [[0, 0, 1]] };
    expect(recordTableSchema.safeParse(table).success).toBe(true);
    for (const rows of [[[0, -1, 1]], [[0, 0.5, 1]], [[0, '0', 1]], [[0, null, 1]], [[0, Number.NaN, 1]], [[0, 2 ** 53, 1]], [{ 0: 0, length: 1 }], [Object.assign(new Array<number>(3), { 0: 0, 2: 1 })], 'rows', null, {}]) {
      expect(recordTableSchema.safeParse({ ...table, rows }).success, JSON.stringify(rows)).toBe(false);
    }
    expect(recordTableSchema.safeParse({ ...table, rows: Array.from({ length: MAX_TABLE_RECORDS }, () => [0, 0, 1]) }).success).toBe(true);
    expect(recordTableSchema.safeParse({ ...table, rows: Array.from({ length: MAX_TABLE_RECORDS + 1 }, () => [0, 0, 1]) }).success).toBe(false);
  });

  it('gives each record its own nested objects also when a table names one value for several records', () => {
    const table: RecordTable = { shapes: [['e']], values: [{ amount: 1, unit: 'working' }], rows: [[0, 0], [0, 0]] };
    const [first, second] = unpackRecords(table)!;
    expect(first).toEqual({ e: { amount: 1, unit: 'working' } });
    expect(second).toEqual(first);
    expect(second!.e).not.toBe(first!.e);
  });

  it('keeps each record\'s own fields and order when records of one table differ in them', () => {
    const records = [{}, { a: 1, b: 'x' }, { a: 2, b: 'y' }, { b: 'x', a: 1 }, { a: 1 }, { a: 1, b: undefined }, {}];
    const table = packRecords(records);
    const back = unpackRecords(overTheWire(table))!;
    expect(back).toEqual(overTheWire(records));
    expect(back.map((record) => Object.keys(record))).toEqual([[], ['a', 'b'], ['a', 'b'], ['b', 'a'], ['a'], ['a'], []]);
    expect(table.shapes).toHaveLength(4);
  });
});
