// The filter bar: code search, procedure and agency (the state is picked with the count buttons).
import { t } from '../../../../shared/i18n/i18n.ts';
import type { DossierFilter, FilterChoices } from './dossierView.ts';

interface Props {
  filter: DossierFilter;
  choices: FilterChoices;
  /** The officer's unit from the settings, when one is set. */
  unitName: string | null;
  onChange: (filter: DossierFilter) => void;
}

export function DossierFilters({ filter, choices, unitName, onChange }: Props) {
  const set = (patch: Partial<DossierFilter>) => onChange({ ...filter, ...patch });
  return (
    <form className="filters" role="search" onSubmit={(event) => event.preventDefault()}>
      <label className="field wide">
        <span>{t('panel.filter.code')}</span>
        <input type="search" value={filter.codeQuery} placeholder="000.00.53.H48-240312" onChange={(event) => set({ codeQuery: event.target.value })} />
      </label>
      <label className="field">
        <span>{t('panel.filter.procedure')}</span>
        <select value={filter.procedureCode} onChange={(event) => set({ procedureCode: event.target.value })}>
          <option value="">{t('panel.filter.all')}</option>
          {choices.procedures.map((procedure) => (
            <option key={procedure.code} value={procedure.code}>{`${procedure.code} · ${procedure.name}`}</option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('panel.filter.agency')}</span>
        <select value={filter.agency} onChange={(event) => set({ agency: event.target.value })}>
          <option value="">{t('panel.filter.all')}</option>
          {choices.agencies.map((agency) => (
            <option key={agency} value={agency}>{agency}</option>
          ))}
        </select>
      </label>
      {unitName !== null && (
        <label className="check wide">
          <input type="checkbox" checked={filter.unitOnly} onChange={(event) => set({ unitOnly: event.target.checked })} />
          {t('panel.filter.unitOnly', { unit: unitName })}
        </label>
      )}
    </form>
  );
}
