// What the report adds to Chỉ tiêu: the 766 progress estimate for the period and the year's charts,
// both over the unit's dossiers as the report reads them.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Period } from '../../../../shared/schemas/indicator.ts';
import type { Settings } from '../../../db/settings.ts';
import { MonthlyCharts } from './MonthlyCharts.tsx';
import { ProgressEstimate } from './ProgressEstimate.tsx';
import { loadReportDossiers } from './reportData.ts';
import './report.css';

interface Props {
  period: Period;
  settings: Settings;
  /** The plan's online-dossier target; without one the line sits at 100%. */
  onlineTarget: number | null;
}

export function IndicatorsFromReport({ period, settings, onlineTarget }: Props) {
  const source = useLiveQuery(() => loadReportDossiers(settings), [settings.unit, settings.phaseStatusNames]);
  if (!source) return null;
  return (
    <>
      <ProgressEstimate period={period} dossiers={source.dossiers} />
      <MonthlyCharts year={Number(period.slice(0, 4))} dossiers={source.dossiers} targets={{ onTimeRate: 100, onlineRate: onlineTarget ?? 100, progress766: 100 }} />
    </>
  );
}
