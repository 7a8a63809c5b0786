// A dossier's timeliness as colour and words; the words carry the meaning, so screen readers and
// colour-blind officers read the same thing, in the wording the badge on the portal page uses.
import type { Timeliness } from '../../../../shared/dossier/timeliness.ts';
import { timelinessLabel } from '../../../../shared/dossier/timelinessLabel.ts';

export function TimelinessBadge({ timeliness }: { timeliness: Timeliness }) {
  const label = timelinessLabel(timeliness);
  return <span className={`badge badge-${timeliness.state}`} title={label}>{label}</span>;
}
