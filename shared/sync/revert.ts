// Turning a document back into an older state AS A NEW CHANGE: the edits computed here are
// ordinary Yjs operations on the current document, so they are stored, relayed and merged like
// any officer's edit, and an officer who was offline converges when he returns. Works on any
// document of top-level Y.Map, Y.Text and Y.Array (values may nest further maps, texts, arrays).
import * as Y from 'yjs';

export type TopLevelKind = 'map' | 'text' | 'array';

export interface RevertOptions {
  /** Also remove what was added after the old state (new keys, inserted text and items). */
  exact: boolean;
}

/**
 * Edits `current` (inside the caller's transaction) so that everything the old state held is back:
 * a key deleted or changed since gets its old value, deleted text and items are inserted again.
 * What was added since stays unless `exact`. Returns how many edits were made.
 */
export function revertTo(current: Y.Doc, old: Y.Doc, options: RevertOptions): number {
  let edits = 0;
  for (const name of new Set([...old.share.keys(), ...current.share.keys()])) {
    const kind = topLevelKind(old, name) ?? topLevelKind(current, name);
    if (kind === 'map') edits += revertMap(current.getMap(name), old.getMap(name), options);
    else if (kind === 'text') edits += revertText(current.getText(name), old.getText(name).toString(), options);
    else if (kind === 'array') edits += revertArray(current.getArray(name), old.getArray(name), options);
  }
  return edits;
}

/**
 * A stored document does not say which kind each top-level type is: read it from its content.
 * null for a type that holds nothing (it needs no reverting).
 */
export function topLevelKind(doc: Y.Doc, name: string): TopLevelKind | null {
  const type = doc.share.get(name);
  if (!type) return null;
  if (type instanceof Y.Map) return 'map';
  if (type instanceof Y.Text) return 'text';
  if (type instanceof Y.Array) return 'array';
  if (type._map.size > 0) return 'map';
  if (type._start === null) return null;
  for (let item: Y.Item | null = type._start; item !== null; item = item.right) {
    if (item.content instanceof Y.ContentString || item.content instanceof Y.ContentFormat) return 'text';
  }
  return 'array';
}

function revertMap(current: Y.Map<unknown>, old: Y.Map<unknown>, options: RevertOptions): number {
  let edits = 0;
  for (const [key, was] of old.entries()) {
    const now = current.get(key);
    if (!current.has(key)) {
      current.set(key, copyOf(was));
      edits += 1;
    } else if (was instanceof Y.Map && now instanceof Y.Map) edits += revertMap(now, was, options);
    else if (was instanceof Y.Text && now instanceof Y.Text) edits += revertText(now, was.toString(), options);
    else if (was instanceof Y.Array && now instanceof Y.Array) edits += revertArray(now, was, options);
    else if (!sameValue(was, now)) {
      current.set(key, copyOf(was));
      edits += 1;
    }
  }
  if (options.exact) {
    for (const key of [...current.keys()]) {
      if (old.has(key)) continue;
      current.delete(key);
      edits += 1;
    }
  }
  return edits;
}

function revertText(current: Y.Text, old: string, options: RevertOptions): number {
  // Compared by code point, so a change never splits a surrogate pair; Y.Text counts UTF-16 units.
  const segments = diffSequences(Array.from(old), Array.from(current.toString()), (a, b) => a === b);
  let at = 0;
  let edits = 0;
  for (const segment of segments) {
    const text = segment.items.join('');
    if (segment.side === 'old') {
      current.insert(at, text);
      edits += 1;
    } else if (segment.side === 'current' && options.exact) {
      current.delete(at, text.length);
      edits += 1;
      continue;
    }
    at += text.length;
  }
  return edits;
}

function revertArray(current: Y.Array<unknown>, old: Y.Array<unknown>, options: RevertOptions): number {
  const segments = diffSequences(old.toArray(), current.toArray(), sameValue);
  let at = 0;
  let edits = 0;
  for (const segment of segments) {
    if (segment.side === 'old') {
      current.insert(at, segment.items.map(copyOf));
      edits += 1;
    } else if (segment.side === 'current' && options.exact) {
      current.delete(at, segment.items.length);
      edits += 1;
      continue;
    }
    at += segment.items.length;
  }
  return edits;
}

/** A value of the old document, fit to be inserted into the current one (a type is copied). */
function copyOf(value: unknown): unknown {
  return value instanceof Y.AbstractType ? value.clone() : value;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Y.AbstractType || b instanceof Y.AbstractType) {
    return a instanceof Y.AbstractType && b instanceof Y.AbstractType && a.constructor === b.constructor && JSON.stringify(a.toJSON()) === JSON.stringify(b.toJSON());
  }
  return JSON.stringify(a) === JSON.stringify(b);
}

export interface Segment<T> {
  /** 'both': unchanged; 'old': only in the old sequence (removed since); 'current': added since. */
  side: 'both' | 'old' | 'current';
  items: T[];
}

/** Above this many compared pairs, the changed middle is taken as replaced whole (memory stays bounded). */
const maxComparedPairs = 4_000_000;

/**
 * The two sequences as runs of common, removed and added items, in order: the common prefix and
 * suffix, and between them a longest common subsequence (dynamic programming).
 */
export function diffSequences<T>(old: readonly T[], current: readonly T[], same: (a: T, b: T) => boolean): Segment<T>[] {
  let start = 0;
  while (start < old.length && start < current.length && same(old[start]!, current[start]!)) start += 1;
  let endOld = old.length;
  let endCurrent = current.length;
  while (endOld > start && endCurrent > start && same(old[endOld - 1]!, current[endCurrent - 1]!)) {
    endOld -= 1;
    endCurrent -= 1;
  }
  const segments: Segment<T>[] = [];
  const push = (side: Segment<T>['side'], item: T) => {
    const last = segments.at(-1);
    if (last?.side === side) last.items.push(item);
    else segments.push({ side, items: [item] });
  };
  for (let i = 0; i < start; i += 1) push('both', old[i]!);
  const rows = endOld - start;
  const columns = endCurrent - start;
  if (rows * columns > maxComparedPairs) {
    for (let i = start; i < endOld; i += 1) push('old', old[i]!);
    for (let j = start; j < endCurrent; j += 1) push('current', current[j]!);
  } else {
    // lengths[i][j]: longest common subsequence of old[start+i..] and current[start+j..].
    const lengths = new Uint32Array((rows + 1) * (columns + 1));
    const cell = (i: number, j: number) => i * (columns + 1) + j;
    for (let i = rows - 1; i >= 0; i -= 1) {
      for (let j = columns - 1; j >= 0; j -= 1) {
        lengths[cell(i, j)] = same(old[start + i]!, current[start + j]!) ? lengths[cell(i + 1, j + 1)]! + 1 : Math.max(lengths[cell(i + 1, j)]!, lengths[cell(i, j + 1)]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < rows || j < columns) {
      if (i < rows && j < columns && same(old[start + i]!, current[start + j]!)) {
        push('both', old[start + i]!);
        i += 1;
        j += 1;
      } else if (j < columns && (i === rows || lengths[cell(i, j + 1)]! >= lengths[cell(i + 1, j)]!)) {
        push('current', current[start + j]!);
        j += 1;
      } else {
        push('old', old[start + i]!);
        i += 1;
      }
    }
  }
  for (let i = endOld; i < old.length; i += 1) push('both', old[i]!);
  return segments;
}
