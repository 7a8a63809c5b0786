// The coverage sentence, placed above a figure: what the figure is computed from.
import type { CoverageView } from './useCoverage.ts';

export function CoverageLine({ view }: { view: CoverageView | undefined }) {
  if (!view) return null;
  return (
    <p className="coverage muted" data-complete={view.complete} role="note">
      {view.text}
    </p>
  );
}
