// Hồ sơ: the captured dossiers with their timeliness, counts, filters, details and export.
import { useDeferredValue, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { t } from '../../../../shared/i18n/i18n.ts';
import { todayInVietnam } from '../../../../shared/time/dates.ts';
import { hasUnit, isOfUnit, phaseRulesOf, unitLabel, type Settings } from '../../../db/settings.ts';
import { db } from '../../../ui/pageDatabase.ts';
import { CoverageLine } from '../../../ui/CoverageLine.tsx';
import { useCoverage } from '../../../ui/useCoverage.ts';
import { StaleDossiers } from './StaleDossiers.tsx';
import { CaptureProblems } from './CaptureProblems.tsx';
import { DossierCounts } from './DossierCounts.tsx';
import { DossierDetail } from './DossierDetail.tsx';
import { DossierFilters } from './DossierFilters.tsx';
import { DossierList } from './DossierList.tsx';
import { ExportButton } from './ExportButton.tsx';
import { SortOrder } from './SortOrder.tsx';
import { countByState, dossierRows, emptyFilter, filterChoices, filterDossiers } from './dossierView.ts';

export function DossiersTab({ settings }: { settings: Settings }) {
  const dossiers = useLiveQuery(() => db.dossiers.toArray(), []);
  const today = todayInVietnam();
  const { dueSoonWorkingDays, phaseStatusNames } = settings;
  const rows = useMemo(
    () => dossierRows(dossiers ?? [], { today, dueSoonWorkingDays, phaseRules: phaseRulesOf({ phaseStatusNames }) }),
    [dossiers, today, dueSoonWorkingDays, phaseStatusNames],
  );
  const [filter, setFilter] = useState(emptyFilter);
  const deferredFilter = useDeferredValue(filter);
  const { unit } = settings;
  const visible = useMemo(() => filterDossiers(rows, deferredFilter, { unit }), [rows, deferredFilter, unit]);
  // With a unit set, every count is the unit's until the officer switches to all captured dossiers.
  const unitScoped = hasUnit({ unit }) && filter.unitOnly;
  const scoped = useMemo(() => (unitScoped ? rows.filter((row) => isOfUnit(row.dossier, { unit })) : rows), [rows, unitScoped, unit]);
  const counts = useMemo(() => countByState(scoped), [scoped]);
  const coverage = useCoverage();
  const choices = useMemo(() => filterChoices(dossiers ?? []), [dossiers]);
  const [selectedCode, setSelectedCode] = useState<string | null>(null);
  const selected = selectedCode === null ? undefined : rows.find((row) => row.dossier.code === selectedCode);

  if (dossiers === undefined) return <p className="muted">{t('panel.loading')}</p>;
  return (
    <div className="tab-body dossiers">
      <CaptureProblems />
      <CoverageLine view={coverage} />
      {dossiers.length === 0 ? (
        <p className="empty">{t('panel.dossiers.empty')}</p>
      ) : (
        <>
          <DossierCounts counts={counts} total={scoped.length} active={filter.state} onPick={(state) => setFilter({ ...filter, state })} />
          <DossierFilters filter={filter} choices={choices} unitName={unitLabel(settings)} onChange={setFilter} />
          <div className="list-head">
            <p className="muted" role="status" aria-live="polite">{t('panel.dossiers.showing', { shown: visible.length, total: scoped.length })}</p>
            <SortOrder sort={filter.sort} onChange={(sort) => setFilter({ ...filter, sort })} />
          </div>
          <ExportButton rows={visible} personalDataKept={settings.keepPersonalData} coverageLine={coverage?.text ?? null} />
          <StaleDossiers rows={scoped} days={settings.staleAfterDays} onSelect={setSelectedCode} />
          {selected && <DossierDetail row={selected} onClose={() => setSelectedCode(null)} />}
          <DossierList rows={visible} selectedCode={selectedCode} onSelect={(code) => setSelectedCode(code === selectedCode ? null : code)} />
        </>
      )}
    </div>
  );
}
