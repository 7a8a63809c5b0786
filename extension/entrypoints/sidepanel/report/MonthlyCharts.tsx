// Chỉ tiêu month by month for the year: on-time rate, online-dossier rate and the 766 progress
// estimate, each against its target line. Drawn as plain SVG: three series of twelve points need
// no chart library (uPlot, the smallest well-kept one, draws on a canvas and would still need this
// table for screen readers). A month resting on few dossiers is drawn hollow and its count shown;
// the table beside each chart carries the same figures for screen readers.
import { useMemo } from 'react';
import { t } from '../../../../shared/i18n/i18n.ts';
import type { ReportDossier } from '../../../../shared/report/input.ts';
import { monthlyFigures, type MonthFigures } from '../../../../shared/report/monthly.ts';

/** Below this many dossiers a month's rates are shown as thin data. */
export const THIN_MONTH = 10;

type Series = 'onTimeRate' | 'onlineRate' | 'progress766';

const WIDTH = 300;
const HEIGHT = 120;
const PAD = { left: 28, right: 6, top: 8, bottom: 28 };

const x = (month: number) => PAD.left + ((month - 1) * (WIDTH - PAD.left - PAD.right)) / 11;
const y = (rate: number) => PAD.top + ((100 - rate) * (HEIGHT - PAD.top - PAD.bottom)) / 100;

function Chart({ months, series, target }: { months: MonthFigures[]; series: Series; target: number }) {
  const points = months.filter((m) => m[series] !== null);
  const path = points.map((m, i) => `${i === 0 ? 'M' : 'L'}${x(m.month).toFixed(1)},${y(m[series]!).toFixed(1)}`).join(' ');
  const title = t(`report.chart.${series}`);
  return (
    <figure className="month-chart" data-series={series}>
      <figcaption>{title} · {t('report.chart.target', { target })}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} aria-hidden="true" focusable="false">
        {[0, 50, 100].map((tick) => (
          <g key={tick}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} className="grid" />
            <text x={PAD.left - 4} y={y(tick) + 3} textAnchor="end">{tick}</text>
          </g>
        ))}
        <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(target)} y2={y(target)} className="target" />
        <path d={path} className="series" />
        {points.map((m) => (
          <circle key={m.month} cx={x(m.month)} cy={y(m[series]!)} r={3} className={m.basis < THIN_MONTH ? 'thin' : 'full'} />
        ))}
        {months.map((m) => (
          <g key={m.month}>
            <text x={x(m.month)} y={HEIGHT - PAD.bottom + 11} textAnchor="middle">{m.month}</text>
            <text x={x(m.month)} y={HEIGHT - PAD.bottom + 22} textAnchor="middle" className={m.basis < THIN_MONTH ? 'month-basis thin' : 'month-basis'}>{m.basis}</text>
          </g>
        ))}
      </svg>
      <table className="visually-hidden">
        <caption>{title}</caption>
        <thead><tr><th scope="col">{t('report.chart.month')}</th><th scope="col">%</th><th scope="col">{t('report.chart.target', { target })}</th><th scope="col">{t('report.chart.basis')}</th></tr></thead>
        <tbody>
          {months.map((m) => (
            <tr key={m.month}><th scope="row">{m.month}</th><td>{m[series] ?? '—'}</td><td>{target}</td><td>{m.basis}</td></tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

interface Props {
  year: number;
  dossiers: readonly ReportDossier[];
  /** Target lines in percent: the plan's online target; on time and the 766 estimate aim at all dossiers. */
  targets: Record<Series, number>;
}

export function MonthlyCharts({ year, dossiers, targets }: Props) {
  const months = useMemo(() => monthlyFigures([...dossiers], year), [dossiers, year]);
  return (
    <section className="month-charts">
      <h3>{t('report.chart.title', { year })}</h3>
      <p className="muted">{t('report.chart.coverage', { thin: THIN_MONTH })}</p>
      {(['onTimeRate', 'onlineRate', 'progress766'] as const).map((series) => <Chart key={series} months={months} series={series} target={targets[series]} />)}
    </section>
  );
}
