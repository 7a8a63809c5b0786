// Chỉ tiêu: the 766 "Tiến độ giải quyết" estimate for the chosen period, labelled an estimate with
// its formula, and the dossiers that cost points (late ones first).
import { useMemo } from 'react';
import { t } from '../../../../shared/i18n/i18n.ts';
import { vietnameseDate } from '../../../../shared/i18n/numbers.ts';
import { periodBounds } from '../../../../shared/indicators/period.ts';
import type { ReportDossier } from '../../../../shared/report/input.ts';
import { estimateProgress766 } from '../../../../shared/report/progress766.ts';
import type { Period } from '../../../../shared/schemas/indicator.ts';

/** How many of the dossiers that cost points are listed; the count says how many there are. */
const LISTED = 50;

export function ProgressEstimate({ period, dossiers }: { period: Period; dossiers: readonly ReportDossier[] }) {
  const estimate = useMemo(() => {
    const [from, to] = periodBounds(period);
    return estimateProgress766(dossiers, { from, to });
  }, [period, dossiers]);
  return (
    <section className="detail progress-766" data-points={estimate.points ?? ''}>
      <h3>{t('report.progress.title')}</h3>
      <p><strong>{estimate.points === null ? t('report.progress.none') : t('report.progress.points', { points: estimate.points })}</strong>{' '}
        <span className="muted">({estimate.onTime}/{estimate.basis})</span></p>
      <p className="muted">{t('report.progress.formula')}</p>
      {estimate.costs.length > 0 && (
        <details>
          <summary>{t('report.progress.costs', { count: estimate.costs.length })}</summary>
          <ol className="cell-dossiers">
            {estimate.costs.slice(0, LISTED).map((cost) => (
              <li key={cost.code} data-reason={cost.reason}>
                <span className="code">{cost.code}</span> {t(`report.progress.reason.${cost.reason}`)}
                {cost.appointmentOn && <span className="muted"> · {vietnameseDate(cost.appointmentOn)} (+{cost.daysLate})</span>}
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}
