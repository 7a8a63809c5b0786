// A description of a portal response's structure with no value in it: keys, value types, array
// lengths and the format of date-like strings (digits replaced by "9"). An officer can paste it
// into a message to whoever maintains the adapters when a page is not understood: it shows what
// changed on the portal without carrying an applicant's name, number or address.

/** Keeps a report small enough to paste (and to store with each problem row). */
const LIMITS = { depth: 8, keys: 60, sampledItems: 5, lines: 400 } as const;

/** Date-like strings: ISO and iGate timestamps, dd/MM/yyyy, DD-MM-YYYY. */
const DATE_LIKE = /^(\d{4}-\d{2}-\d{2}([T ][\d:.]+)?(Z|[+-]\d{2}:?\d{2})?|\d{1,2}[/-]\d{1,2}[/-]\d{4}( \d{1,2}:\d{2}(:\d{2})?)?)$/;

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'string') return DATE_LIKE.test(value) ? `date "${value.replace(/\d/g, '9')}"` : 'string';
  return typeof value;
}

/** A key that is itself data (an id or a number used as a key) is not shown. */
const shownKey = (key: string) => (/^[A-Za-z_$][\w$-]{0,60}$/.test(key) ? key : '<key>');

/** Every key of the objects in `items` (a sample of them), with the types seen under it. */
function mergedFields(items: unknown[]): Map<string, unknown[]> {
  const fields = new Map<string, unknown[]>();
  for (const item of items) {
    for (const [key, value] of Object.entries(item as Record<string, unknown>)) {
      const name = shownKey(key);
      fields.set(name, [...(fields.get(name) ?? []), value]);
    }
  }
  return fields;
}

function describe(values: unknown[], indent: string, depth: number, out: string[]): void {
  const objects = values.filter((v) => typeof v === 'object' && v !== null && !Array.isArray(v));
  const arrays = values.filter(Array.isArray) as unknown[][];
  if (depth >= LIMITS.depth) return;
  if (objects.length > 0) {
    const fields = [...mergedFields(objects)];
    for (const [key, seen] of fields.slice(0, LIMITS.keys)) {
      if (out.length >= LIMITS.lines) return;
      const types = [...new Set(seen.map(typeOf))].join(' | ');
      const missing = seen.length < objects.length ? ' (sometimes absent)' : '';
      out.push(`${indent}${key}: ${types}${missing}`);
      describe(seen, `${indent}  `, depth + 1, out);
    }
    if (fields.length > LIMITS.keys) out.push(`${indent}… ${fields.length - LIMITS.keys} more keys`);
  }
  if (arrays.length > 0) {
    const lengths = [...new Set(arrays.map((a) => a.length))].join(', ');
    const items = arrays.flatMap((a) => a.slice(0, LIMITS.sampledItems));
    out.push(`${indent}[items: ${lengths}] ${[...new Set(items.map(typeOf))].join(' | ') || 'none'}`);
    describe(items, `${indent}  `, depth + 1, out);
  }
}

export function shapeReport(body: unknown): string {
  const out = [`(root): ${typeOf(body)}`];
  describe([body], '  ', 0, out);
  return out.join('\n');
}
