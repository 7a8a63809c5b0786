// Every portal adapter, and the one for a page. Which hosts count as portals is a setting of the
// extension; here only the page shapes decide.
import { dvcqgAdapter } from './dvcqg.ts';
import { igateAdapter } from './igate.ts';
import type { PortalAdapter } from './types.ts';

export const adapters: readonly PortalAdapter[] = [igateAdapter, dvcqgAdapter];

export function adapterForPage(url: URL | string): PortalAdapter | null {
  const parsed = typeof url === 'string' ? new URL(url) : url;
  return adapters.find((adapter) => adapter.matchesPage(parsed)) ?? null;
}

export { dvcqgAdapter, igateAdapter };
