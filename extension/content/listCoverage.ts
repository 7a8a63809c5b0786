// The coverage hook of the capture path: after a dossier list response is read, tells the
// background what the response said about the whole search (its total, or its slice's place) and
// which dossiers it listed, so the panel can say "60 of the portal's 21,000 dossiers".
import { igateResponseKind } from '../../shared/portal/claims.ts';
import { readListInfo } from '../../shared/portal/listInfo.ts';
import type { Dossier } from '../../shared/schemas/dossier.ts';
import { ask } from '../messaging/messages.ts';

export function reportListCoverage(url: URL, body: unknown, dossiers: readonly Dossier[]): void {
  if (igateResponseKind(url) !== 'dossierSearch') return;
  const info = readListInfo(body);
  if (!info) return;
  void ask({ type: 'coverage.list', url: url.href, info, codes: dossiers.map((d) => d.code) }).catch((error: unknown) => console.warn('tthc-desk: coverage not stored', error));
}
