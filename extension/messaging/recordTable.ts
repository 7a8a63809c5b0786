// Captured records as they travel from a content script to the background. Chrome copies a
// runtime message byte by byte through the browser process (measured: about 100 ms of CPU per
// megabyte, shared by the browser and the two renderers, whether the message is objects or one
// string), so a period collector's page of 1,000 dossiers cost more to send than to store. A page's
// records repeat most of their values (procedure, agency, sector and status names, field names):
// sent once each, the message is a fraction of the size. The table is built by the untrusted side
// and read back by the background, which checks its shape here and every record afterwards.
import { z } from 'zod';

/** The most records one table carries (a capture batch's limit). */
export const MAX_TABLE_RECORDS = 5000;

/**
 * Whether `rows` is a list of at most MAX_TABLE_RECORDS rows, each a list of indexes (non-negative
 * safe integers). Checked by hand: zod's check of each of a page's 25,000 numbers cost the
 * background more than reading the page's records back.
 */
function isRowList(rows: unknown): rows is number[][] {
  if (!Array.isArray(rows) || rows.length > MAX_TABLE_RECORDS) return false;
  for (let r = 0; r < rows.length; r += 1) {
    const row: unknown = rows[r];
    if (!Array.isArray(row)) return false;
    for (let i = 0; i < row.length; i += 1) {
      const at: unknown = row[i];
      if (!Number.isSafeInteger(at) || (at as number) < 0) return false;
    }
  }
  return true;
}

/**
 * `shapes`: each distinct list of field names, once. `values`: each distinct string, number,
 * boolean or null once, and each other value (a nested object) as often as it occurs. `rows`: per
 * record, the index of its shape, then the index in `values` of each of its fields, in order.
 */
export const recordTableSchema = z.object({
  shapes: z.array(z.array(z.string())),
  values: z.array(z.unknown()),
  rows: z.custom<number[][]>(isRowList, { message: `rows: at most ${MAX_TABLE_RECORDS} lists of non-negative integers` }),
});
export type RecordTable = z.infer<typeof recordTableSchema>;

/** The records as a table; each is a plain object whose values JSON can carry (what a message can). */
export function packRecords(records: readonly object[]): RecordTable {
  const shapes: string[][] = [];
  const shapeIndex = new Map<string, number>();
  const values: unknown[] = [];
  // Strings apart from numbers, booleans and null: the string "1" is not the number 1.
  const stringIndex = new Map<string, number>();
  const otherIndex = new Map<unknown, number>();
  // Records of one page mostly share their fields in one order: the shape before is tried first,
  // field by field, before a shape's key is built and looked up (this loop runs for every field
  // of every record of a page, on the portal tab's CPU).
  let lastKeys: readonly string[] = [];
  let lastShape = -1;
  const rows = records.map((record) => {
    const fields = record as Record<string, unknown>;
    // A field left undefined is absent, as JSON (a message's own form) leaves it.
    const keys = Object.keys(fields).filter((key) => fields[key] !== undefined);
    let shape = lastShape;
    if (lastShape === -1 || keys.length !== lastKeys.length || keys.some((key, i) => key !== lastKeys[i])) {
      const shapeKey = keys.join('\u0000');
      shape = shapeIndex.get(shapeKey) ?? -1;
      if (shape === -1) {
        shape = shapes.push(keys) - 1;
        shapeIndex.set(shapeKey, shape);
      }
      lastKeys = shapes[shape]!;
      lastShape = shape;
    }
    const row = [shape];
    for (const key of keys) {
      const value = fields[key];
      if (typeof value === 'object' && value !== null) {
        row.push(values.push(value) - 1);
        continue;
      }
      const index = typeof value === 'string' ? stringIndex : otherIndex;
      let at = index.get(value);
      if (at === undefined) {
        at = values.push(value) - 1;
        index.set(value, at);
      }
      row.push(at);
    }
    return row;
  });
  return { shapes, values, rows };
}

/**
 * The records a table carries, each a new plain object (a field named `__proto__` stays a field);
 * null when the table does not hold together (a row naming a shape or value it lacks). No two
 * records share an object: a nested value is taken as it is by the first record naming it (the
 * table is the receiver's own copy, and packRecords names each nested value once) and copied for
 * any other, which only a table built otherwise does (a copy each cost a page 1,000 clones).
 */
export function unpackRecords(table: RecordTable): Record<string, unknown>[] | null {
  const { shapes, values, rows } = table;
  const taken = new Uint8Array(values.length);
  const records: Record<string, unknown>[] = [];
  for (const row of rows) {
    const keys = shapes[row[0] ?? -1];
    if (!keys || row.length !== keys.length + 1) return null;
    const entries: [string, unknown][] = [];
    for (let i = 0; i < keys.length; i += 1) {
      const at = row[i + 1]!;
      if (at >= values.length) return null;
      let value = values[at];
      if (typeof value === 'object' && value !== null) {
        if (taken[at] === 1) value = structuredClone(value);
        taken[at] = 1;
      }
      entries.push([keys[i]!, value]);
    }
    records.push(Object.fromEntries(entries));
  }
  return records;
}
