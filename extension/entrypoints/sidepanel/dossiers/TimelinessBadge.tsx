// A dossier's timeliness as colour and words; the words carry the meaning, so screen readers and
// colour-blind officers read the same thing.
import { t } from '../../../../shared/i18n/i18n.ts';
import type { Timeliness } from '../../../../shared/dossier/timeliness.ts';

export function timelinessLabel(timeliness: Timeliness): string {
  const days = timeliness.workingDaysLeft ?? timeliness.workingDaysLate ?? 0;
  return t(`panel.timeliness.${timeliness.state}`, { days });
}

export function TimelinessBadge({ timeliness }: { timeliness: Timeliness }) {
  return <span className={`badge badge-${timeliness.state}`}>{timelinessLabel(timeliness)}</span>;
}
