// Content scripts load on every portal page, before the portal's own code: their gzipped size is
// printed after each build and held under a budget (issue 3: 60 KB for all of them together).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const CONTENT_SCRIPT_BUDGET_BYTES = 60 * 1024;

export interface ScriptSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export function contentScriptSizes(outDir: string, files: readonly string[]): ScriptSize[] {
  return files
    .filter((file) => file.startsWith('content-scripts/') && (file.endsWith('.js') || file.endsWith('.css')))
    .map((file) => {
      const content = readFileSync(join(outDir, file));
      return { file, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
    });
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Prints the sizes; throws (failing the build) when the content scripts outgrow the budget. */
export function reportContentScriptSizes(sizes: readonly ScriptSize[]): void {
  const total = sizes.reduce((sum, size) => sum + size.gzipBytes, 0);
  for (const size of sizes) console.log(`  content script ${size.file}: ${kb(size.bytes)}, gzip ${kb(size.gzipBytes)}`);
  console.log(`  content scripts gzipped: ${kb(total)} (budget ${kb(CONTENT_SCRIPT_BUDGET_BYTES)})`);
  if (total > CONTENT_SCRIPT_BUDGET_BYTES) {
    throw new Error(`Content scripts are ${kb(total)} gzipped, over the ${kb(CONTENT_SCRIPT_BUDGET_BYTES)} budget`);
  }
}
