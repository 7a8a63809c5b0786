// Hồ sơ: the captured dossiers with their timeliness, counts, filters, details and export. Nothing
// here reads every dossier (the panel opens with 100,000 stored): counts are index counts
// (db/dossierCounts.ts), the list is read page by page (dossierPages.ts); only export reads all.
import { useDeferredValue, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { t } from '../../../../shared/i18n/i18n.ts';
import { todayInVietnam } from '../../../../shared/time/dates.ts';
import { countDossiersByState } from '../../../db/dossierCounts.ts';
import { hasUnit, phaseRulesOf, unitLabel, type Settings } from '../../../db/settings.ts';
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
import { dossierRows, emptyFilter, filterDossiers, type DossierFilter } from './dossierView.ts';
import { readFilterChoices } from './filterChoices.ts';
import { useDossierList } from './useDossierList.ts';

const noChoices = { procedures: [], agencies: [] };

/** Filters the counts cannot answer: with one of them, the list's size is known once it is read. */
const narrowed = (filter: DossierFilter) => filter.codeQuery.trim() !== '' || filter.procedureCode !== '' || filter.agency !== '';

export function DossiersTab({ settings }: { settings: Settings }) {
  const today = todayInVietnam();
  const { unit, dueSoonWorkingDays, phaseStatusNames } = settings;
  const phaseRules = useMemo(() => phaseRulesOf({ phaseStatusNames }), [phaseStatusNames]);
  const [filter, setFilter] = useState(emptyFilter);
  const deferredFilter = useDeferredValue(filter);
  // With a unit set, every count is the unit's until the officer switches to all captured dossiers.
  const unitCodes = hasUnit({ unit }) && filter.unitOnly ? unit.agencyCodes : null;
  const counts = useLiveQuery(() => countDossiersByState(db, { today, dueSoonWorkingDays, unitCodes }), [today, dueSoonWorkingDays, JSON.stringify(unitCodes)]);
  const anyStored = useLiveQuery(async () => (await db.dossiers.limit(1).primaryKeys()).length > 0, []);
  const request = useMemo(() => ({ filter: deferredFilter, unit: { unit }, today, dueSoonWorkingDays, phaseRules }), [deferredFilter, unit, today, dueSoonWorkingDays, phaseRules]);
  const { page, more } = useDossierList(request, counts, narrowed(deferredFilter));
  const coverage = useCoverage();
  const choices = useLiveQuery(() => readFilterChoices(db), []) ?? noChoices;
  const [selectedCode, setSelectedCode] = useState<string | null>(null);
  const selectedDossier = useLiveQuery(async () => (selectedCode === null ? undefined : db.dossiers.get(selectedCode)), [selectedCode]);
  const selected = selectedDossier && selectedDossier.code === selectedCode ? dossierRows([selectedDossier], { today, dueSoonWorkingDays, phaseRules })[0] : undefined;

  if (counts === undefined || anyStored === undefined) return <p className="muted">{t('panel.loading')}</p>;
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  const rows = page?.rows ?? [];
  const shown = narrowed(deferredFilter) ? rows.length : deferredFilter.state === 'all' ? total : counts[deferredFilter.state];
  // Export is an explicit action: it reads every dossier and applies the filter shown.
  const readAll = async () => filterDossiers(dossierRows(await db.dossiers.toArray(), { today, dueSoonWorkingDays, phaseRules }), deferredFilter, { unit });
  return (
    <div className="tab-body dossiers">
      <CaptureProblems />
      <CoverageLine view={coverage} />
      {!anyStored ? (
        <p className="empty">{t('panel.dossiers.empty')}</p>
      ) : (
        <>
          <DossierCounts counts={counts} total={total} active={filter.state} onPick={(state) => setFilter({ ...filter, state })} />
          <DossierFilters filter={filter} choices={choices} unitName={unitLabel(settings)} onChange={setFilter} />
          <div className="list-head">
            <p className="muted" role="status" aria-live="polite">{t('panel.dossiers.showing', { shown, total })}</p>
            <SortOrder sort={filter.sort} onChange={(sort) => setFilter({ ...filter, sort })} />
          </div>
          <ExportButton count={shown} readRows={readAll} personalDataKept={settings.keepPersonalData} coverageLine={coverage?.text ?? null} />
          <StaleDossiers unitCodes={unitCodes} days={settings.staleAfterDays} onSelect={setSelectedCode} />
          {selected && <DossierDetail row={selected} onClose={() => setSelectedCode(null)} />}
          {page && <DossierList rows={rows} selectedCode={selectedCode} onSelect={(code) => setSelectedCode(code === selectedCode ? null : code)} onNearEnd={more} />}
        </>
      )}
    </div>
  );
}
