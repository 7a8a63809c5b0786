// One indicator: its rate for the period, where the numbers come from, and the unit's target.
import { formatCount, getLocale, t } from '../../../../shared/i18n/i18n.ts';
import type { IndicatorResult } from '../../../../shared/indicators/compute.ts';
import type { IndicatorFigure, Period } from '../../../../shared/schemas/indicator.ts';
import { FigureForm } from './FigureForm.tsx';

interface Props {
  result: IndicatorResult;
  centralTarget: number | null;
  period: Period;
  figure: IndicatorFigure | undefined;
  /** False for a rate from a partial capture the officer has not accepted as a sample: shown, not judged. */
  judged: boolean;
}

const percent = (value: number) => `${formatCount(value, getLocale())}%`;

export function IndicatorRow({ result, centralTarget, period, figure, judged }: Props) {
  const titleId = `indicator-${result.id}`;
  return (
    <li className="indicator" aria-labelledby={titleId} data-indicator={result.id} data-source={result.source}>
      <h3 id={titleId}>{result.name[getLocale()]}</h3>
      <div className="row">
        <strong className="rate">{result.rate === null ? t('panel.indicators.noData') : percent(result.rate)}</strong>
        {result.rate !== null && result.numerator !== null && result.denominator !== null && (
          <span className="muted">({formatCount(result.numerator, getLocale())} / {formatCount(result.denominator, getLocale())})</span>
        )}
        {result.source !== 'none' && <span className="muted">· {t(`panel.indicators.${result.source === 'records' ? 'computed' : 'entered'}`)}</span>}
        {result.met !== null && !judged && <span className="badge partial">{t('coverage.partialRate', { count: result.denominator ?? 0 })}</span>}
        {result.met !== null && judged && (
          <span className={`badge ${result.met ? 'status-on_time' : 'status-late'}`}>{t(result.met ? 'panel.indicators.met' : 'panel.indicators.notMet')}</span>
        )}
      </div>
      {result.target !== null && (
        <>
          <div className="meter" aria-hidden="true">
            <span style={{ width: `${Math.min(100, result.rate ?? 0)}%` }} />
          </div>
          <p className="muted target">
            {t('panel.indicators.unitTarget')}: {percent(result.target)}
            {centralTarget !== null && centralTarget !== result.target && ` (${t('panel.indicators.target')}: ${percent(centralTarget)})`}
          </p>
        </>
      )}
      {result.target === null && <p className="muted target">{t('panel.indicators.noTarget')}</p>}
      <details>
        <summary>{t(result.source === 'records' ? 'panel.indicators.figureFormFallback' : 'panel.indicators.figureForm')}</summary>
        <FigureForm key={`${result.id}-${period}`} indicatorId={result.id} period={period} current={figure} />
      </details>
    </li>
  );
}
