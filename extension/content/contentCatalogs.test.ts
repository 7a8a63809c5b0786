// The content scripts are built with only shared/i18n/catalogs/content.ts (wxt.config.ts): every
// message key written in the code they run must be there, or a badge or notice on the portal page
// would show a bare key instead of a sentence.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogs as all } from '../../shared/i18n/catalogs/index.ts';
import { catalogs as content } from '../../shared/i18n/catalogs/content.ts';

const root = join(import.meta.dirname, '..', '..');
/** What the portal content script and the page observer import (their own folders and the domain they read with). */
const contentSources = ['extension/content', 'extension/overlay', 'extension/entrypoints/portal.content.ts', 'extension/entrypoints/page-observer.content.ts', 'shared/portal', 'shared/dossier', 'shared/portalCoverage', 'shared/schemas'];
const quoted = /['`]([a-zA-Z][a-zA-Z0-9_]*(?:\.[a-zA-Z0-9_]+)+)['`]/g;

function sourceFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).flatMap((name) => {
    const inner = join(path, name);
    if (statSync(inner).isDirectory()) return name === 'fixtures' ? [] : sourceFiles(inner);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [inner] : [];
  });
}

describe('the content scripts\' catalogs', () => {
  it('hold every message key the content scripts write', () => {
    const known = new Set(all.flatMap((catalog) => Object.keys(catalog.vi)));
    const carried = new Set(content.flatMap((catalog) => Object.keys(catalog.vi)));
    const used = contentSources
      .flatMap((source) => sourceFiles(join(root, source)))
      .flatMap((file) => [...readFileSync(file, 'utf8').matchAll(quoted)].map((match) => ({ key: match[1] ?? '', file: file.slice(root.length + 1) })))
      .filter(({ key }) => known.has(key));
    expect(used.length).toBeGreaterThan(20);
    expect(used.filter(({ key }) => !carried.has(key)).map(({ key, file }) => `${key} (${file})`)).toEqual([]);
  });
});
