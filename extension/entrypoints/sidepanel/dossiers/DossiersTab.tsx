// Hồ sơ: the captured dossiers with their timeliness, counts, filters, details and export.
import { useDeferredValue, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { t } from '../../../../shared/i18n/i18n.ts';
import { todayInVietnam } from '../../../../shared/time/dates.ts';
import type { Settings } from '../../../db/settings.ts';
import { db } from '../../../ui/pageDatabase.ts';
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
  const rows = useMemo(
    () => dossierRows(dossiers ?? [], { today, dueSoonWorkingDays: settings.dueSoonWorkingDays }),
    [dossiers, today, settings.dueSoonWorkingDays],
  );
  const [filter, setFilter] = useState(emptyFilter);
  const deferredFilter = useDeferredValue(filter);
  const { unitAgencyCode, unitAgencyName } = settings;
  const visible = useMemo(
    () => filterDossiers(rows, deferredFilter, { unitAgencyCode, unitAgencyName }),
    [rows, deferredFilter, unitAgencyCode, unitAgencyName],
  );
  const counts = useMemo(() => countByState(rows), [rows]);
  const choices = useMemo(() => filterChoices(dossiers ?? []), [dossiers]);
  const [selectedCode, setSelectedCode] = useState<string | null>(null);
  const selected = selectedCode === null ? undefined : rows.find((row) => row.dossier.code === selectedCode);

  if (dossiers === undefined) return <p className="muted">{t('panel.loading')}</p>;
  return (
    <div className="tab-body dossiers">
      <CaptureProblems />
      {dossiers.length === 0 ? (
        <p className="empty">{t('panel.dossiers.empty')}</p>
      ) : (
        <>
          <DossierCounts counts={counts} total={rows.length} active={filter.state} onPick={(state) => setFilter({ ...filter, state })} />
          <DossierFilters filter={filter} choices={choices} unitName={unitAgencyName ?? unitAgencyCode} onChange={setFilter} />
          <div className="list-head">
            <p className="muted" role="status" aria-live="polite">{t('panel.dossiers.showing', { shown: visible.length, total: rows.length })}</p>
            <SortOrder sort={filter.sort} onChange={(sort) => setFilter({ ...filter, sort })} />
          </div>
          <ExportButton rows={visible} personalDataKept={settings.keepPersonalData} />
          {selected && <DossierDetail row={selected} onClose={() => setSelectedCode(null)} />}
          <DossierList rows={visible} selectedCode={selectedCode} onSelect={(code) => setSelectedCode(code === selectedCode ? null : code)} />
        </>
      )}
    </div>
  );
}
