// The content scripts on portal origins the officer added in options. The manifest declares them
// only for the built-in portals; for any other origin the browser must first grant its host (asked
// from the options page, optional_host_permissions), then they are registered here with
// chrome.scripting. Registrations are brought in line with the settings and the granted
// permissions at every start of the background and whenever either changes.
import { liveQuery } from 'dexie';
import { browser } from 'wxt/browser';
import { extraPortalPatterns } from '../portals/origins.ts';
import type { TthcDatabase } from '../db/database.ts';
import { loadSettings } from '../db/settings.ts';

/** The two scripts the manifest declares for the built-in portals, as WXT builds them. */
const scripts = [
  { id: 'tthc-desk-page-observer', js: ['content-scripts/page-observer.js'], world: 'MAIN' as const },
  { id: 'tthc-desk-portal', js: ['content-scripts/portal.js'], world: 'ISOLATED' as const },
];
const scriptIds = scripts.map((script) => script.id);

async function grantedOf(patterns: readonly string[]): Promise<string[]> {
  const granted = await Promise.all(patterns.map((pattern) => browser.permissions.contains({ origins: [pattern] })));
  return patterns.filter((_, index) => granted[index]);
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** Registers the scripts for the granted extra origins (or none), leaving a registration that already fits. */
export async function syncPortalScripts(portalOrigins: readonly string[]): Promise<string[]> {
  const matches = await grantedOf(extraPortalPatterns(portalOrigins));
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: scriptIds });
  if (registered.length === scripts.length && registered.every((script) => sameSet(script.matches ?? [], matches))) return matches;
  if (registered.length > 0) await browser.scripting.unregisterContentScripts({ ids: registered.map((script) => script.id) });
  if (matches.length > 0) {
    await browser.scripting.registerContentScripts(scripts.map((script) => ({ ...script, matches, runAt: 'document_start' as const, persistAcrossSessions: true })));
  }
  return matches;
}

export function startPortalScripts(db: TthcDatabase): void {
  let origins: readonly string[] | null = null;
  // One sync at a time: two overlapping ones would register the same ids twice.
  let syncing: Promise<unknown> = Promise.resolve();
  function syncSoon(): void {
    if (origins === null) return;
    const current = origins;
    syncing = syncing.then(() => syncPortalScripts(current)).catch((error: unknown) => console.warn('tthc-desk: portal scripts not registered', error));
  }
  // Dexie tells every context of the extension about writes: an origin saved on the options page
  // arrives here (the first answer is the settings at start).
  liveQuery(async () => (await loadSettings(db)).portalOrigins).subscribe({
    next: (next) => {
      origins = next;
      syncSoon();
    },
    error: (error: unknown) => console.warn('tthc-desk: settings not readable', error),
  });
  browser.permissions.onAdded.addListener(syncSoon);
  browser.permissions.onRemoved.addListener(syncSoon);
}
