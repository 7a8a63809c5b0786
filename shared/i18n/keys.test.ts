// Every message key written literally in the code must exist in a catalog: a typo would show the
// officer a bare key such as "panel.dossier.empty" instead of a sentence.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogs } from './catalogs/index.ts';

const root = join(import.meta.dirname, '..', '..');
const folders = ['shared', 'extension', 'cli', 'sync-server', 'scripts'];
const literalKey = /\b(?:t|bilingual|UsageError)\('([a-zA-Z][a-zA-Z0-9_]*(?:\.[a-zA-Z0-9_]+)+)'/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'fixtures' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('message keys used in the code', () => {
  it('all exist in a catalog', () => {
    const known = new Set(catalogs.flatMap((catalog) => Object.keys(catalog.vi)));
    const missing = folders
      .flatMap((folder) => sourceFiles(join(root, folder)))
      .flatMap((file) => [...readFileSync(file, 'utf8').matchAll(literalKey)].map((match) => `${match[1]} (${file.slice(root.length + 1)})`))
      .filter((entry) => !known.has(entry.split(' ')[0] ?? ''));
    expect(missing).toEqual([]);
  });
});
