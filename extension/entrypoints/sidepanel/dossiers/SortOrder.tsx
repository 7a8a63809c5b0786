// Appointment order of the list, next to the count of dossiers shown.
import { t } from '../../../../shared/i18n/i18n.ts';
import type { DossierFilter } from './dossierView.ts';

export function SortOrder({ sort, onChange }: { sort: DossierFilter['sort']; onChange: (sort: DossierFilter['sort']) => void }) {
  return (
    <label className="sort">
      <span className="visually-hidden">{t('panel.filter.sort')}</span>
      <select value={sort} onChange={(event) => onChange(event.target.value as DossierFilter['sort'])}>
        <option value="appointmentAsc">{t('panel.filter.sortAsc')}</option>
        <option value="appointmentDesc">{t('panel.filter.sortDesc')}</option>
      </select>
    </label>
  );
}
