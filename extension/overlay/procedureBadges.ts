// Feature: on procedure rows, the procedure's publication progress when the officer has recorded
// it (late steps, open steps, or all on time). Rows of procedures with no record stay bare.
import { t } from '../../shared/i18n/i18n.ts';
import type { PageRow } from '../../shared/portal/types.ts';
import type { PublicationSummary } from '../messaging/messages.ts';
import { showBadge } from './badgeHost.ts';
import type { BadgeLabel } from './timelinessBadge.ts';

function publicationLabel(summary: PublicationSummary): BadgeLabel {
  if (summary.lateSteps > 0) return { text: t('capture.publication.late', { count: summary.lateSteps }), tone: 'bad' };
  if (summary.openSteps > 0) return { text: t('capture.publication.open', { count: summary.openSteps }), tone: 'calm' };
  return { text: t('capture.publication.onTime'), tone: 'good' };
}

/** Draws the badges it can; returns the codes whose publication status is not known yet. */
export function drawProcedureBadges(rows: readonly PageRow[], summaryOf: (code: string) => PublicationSummary | null | undefined): string[] {
  const unknown: string[] = [];
  for (const row of rows) {
    const code = row.procedureCode;
    if (!code || row.dossierCode) continue;
    const summary = summaryOf(code);
    if (summary === undefined) unknown.push(code);
    if (!summary) continue;
    const label = publicationLabel(summary);
    showBadge(row.element, 'procedure', code, { ...label, label: t('capture.publication.label', { code, state: label.text }) });
  }
  return unknown;
}
