// Chỉ tiêu: the plan's rates for a period, computed from the records where they hold what a rate
// needs, else from figures entered for the period, against the unit's target (annex rule a/b,
// from last year's result with the configured reading of "+10%").
import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { t } from '../../../../shared/i18n/i18n.ts';
import { computeIndicators } from '../../../../shared/indicators/compute.ts';
import { plan2024Indicators } from '../../../../shared/indicators/plan2024.ts';
import type { Period } from '../../../../shared/schemas/indicator.ts';
import { todayInVietnam } from '../../../../shared/time/dates.ts';
import { periodBounds } from '../../../../shared/indicators/period.ts';
import { mayJudge } from '../../../../shared/portalCoverage/coverage.ts';
import { hasUnit, isOfUnit, saveSetting, unitLabel, type Settings } from '../../../db/settings.ts';
import { db } from '../../../ui/pageDatabase.ts';
import { CoverageLine } from '../../../ui/CoverageLine.tsx';
import { useCoverage } from '../../../ui/useCoverage.ts';
import { InputProblem } from '../../../ui/inputProblem.ts';
import { IndicatorRow } from './IndicatorRow.tsx';
import { loadIndicatorSources } from './indicatorData.ts';
import { parsePeriod, previousYear } from './indicatorInput.ts';
import { IndicatorsFromReport } from '../report/IndicatorsFromReport.tsx';

export function IndicatorsTab({ settings }: { settings: Settings }) {
  const today = todayInVietnam();
  const sources = useLiveQuery(() => loadIndicatorSources(today), [today]);
  const [periodText, setPeriodText] = useState(String(plan2024Indicators.year));
  const [period, setPeriod] = useState<Period>(String(plan2024Indicators.year));
  const [periodProblem, setPeriodProblem] = useState<string | null>(null);
  const plan = useMemo(
    () => ({ ...plan2024Indicators, targetRule: { ...plan2024Indicators.targetRule, increaseAs: settings.indicatorIncreaseAs } }),
    [settings.indicatorIncreaseAs],
  );
  const [unitOnly, setUnitOnly] = useState(true);
  const { unit } = settings;
  const unitScoped = hasUnit({ unit }) && unitOnly;
  const results = useMemo(() => {
    if (!sources) return undefined;
    const scoped = unitScoped ? { ...sources, dossiers: sources.dossiers.filter((dossier) => isOfUnit(dossier, { unit })) } : sources;
    const lastYear = computeIndicators(plan, { ...scoped, period: previousYear(period) });
    const previousResults = Object.fromEntries(lastYear.flatMap((result) => (result.rate === null ? [] : [[result.id, result.rate]])));
    return computeIndicators(plan, { ...scoped, period, previousResults });
  }, [sources, plan, period, unitScoped, unit]);
  const [from, to] = periodBounds(period);
  const coverage = useCoverage({ from, to });
  // The officer's explicit acceptance of a partial capture as a sample, per period.
  const [acceptedPeriods, setAcceptedPeriods] = useState<ReadonlySet<Period>>(new Set());
  const sampleAccepted = acceptedPeriods.has(period);
  const acceptSample = (accepted: boolean) => {
    const next = new Set(acceptedPeriods);
    if (accepted) next.add(period);
    else next.delete(period);
    setAcceptedPeriods(next);
  };
  const judged = mayJudge(coverage?.complete ?? false, sampleAccepted);

  const choosePeriod = (text: string) => {
    setPeriodText(text);
    try {
      setPeriod(parsePeriod(text));
      setPeriodProblem(null);
    } catch (error) {
      if (!(error instanceof InputProblem)) throw error;
      setPeriodProblem(t(error.key));
    }
  };

  return (
    <div className="tab-body stack">
      <h2>{t('panel.indicators.title', { year: plan.year })}</h2>
      <div className="form-grid">
        <label className="field">
          <span>{t('panel.indicators.period')}</span>
          <input name="period" value={periodText} aria-invalid={periodProblem !== null} placeholder="2024, 2024-Q1, 2024-03" onChange={(event) => choosePeriod(event.target.value)} />
        </label>
        <label className="field">
          <span>{t('panel.indicators.increaseAs')}</span>
          <select value={settings.indicatorIncreaseAs} onChange={(event) => void saveSetting(db, 'indicatorIncreaseAs', event.target.value as Settings['indicatorIncreaseAs'])}>
            <option value="points">{t('panel.indicators.increaseAs.points')}</option>
            <option value="factor">{t('panel.indicators.increaseAs.factor')}</option>
          </select>
        </label>
      </div>
      {periodProblem && <p className="notice error" role="alert">{periodProblem}</p>}
      <CoverageLine view={coverage} />
      {coverage && !coverage.complete && (
        <label className="check">
          <input type="checkbox" name="acceptSample" checked={sampleAccepted} onChange={(event) => acceptSample(event.target.checked)} />
          {t('coverage.acceptSample')}
        </label>
      )}
      {hasUnit({ unit }) && (
        <label className="check">
          <input type="checkbox" name="unitOnly" checked={unitOnly} onChange={(event) => setUnitOnly(event.target.checked)} />
          {t('panel.filter.unitOnly', { unit: unitLabel(settings) ?? '' })}
        </label>
      )}
      <p className="muted">{t('panel.indicators.targetRule', { previous: previousYear(period) })}</p>
      {results === undefined ? (
        <p className="muted">{t('panel.loading')}</p>
      ) : (
        <ol className="indicators">
          {results.map((result) => (
            <IndicatorRow
              key={result.id}
              result={result}
              centralTarget={plan.indicators.find((indicator) => indicator.id === result.id)?.target ?? null}
              period={period}
              figure={sources?.figures.find((figure) => figure.indicatorId === result.id && figure.period === period)}
              judged={result.source !== 'records' || judged}
            />
          ))}
        </ol>
      )}
      <IndicatorsFromReport period={period} settings={settings} onlineTarget={plan.indicators.find((i) => i.id === 'onlineDossiers')?.target ?? null} />
    </div>
  );
}
