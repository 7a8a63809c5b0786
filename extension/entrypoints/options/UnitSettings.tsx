// The officer's unit: its agency code decides which overdue dossiers the toolbar counts.
import { useState, type FormEvent } from 'react';
import { t } from '../../../shared/i18n/i18n.ts';
import { saveSetting, type Settings } from '../../db/settings.ts';
import { db } from '../../ui/database.ts';
import { SaveStatus, useSaveStatus } from './SaveStatus.tsx';

export function UnitSettings({ settings }: { settings: Settings }) {
  const [code, setCode] = useState(settings.unitAgencyCode ?? '');
  const [name, setName] = useState(settings.unitAgencyName ?? '');
  const [kind, setKind] = useState<NonNullable<Settings['unitKind']> | ''>(settings.unitKind ?? '');
  const status = useSaveStatus();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const blankToNull = (value: string) => (value.trim() === '' ? null : value.trim());
    status.run(async () => {
      await saveSetting(db, 'unitAgencyCode', blankToNull(code));
      await saveSetting(db, 'unitAgencyName', blankToNull(name));
      await saveSetting(db, 'unitKind', kind === '' ? null : kind);
    });
  };
  return (
    <form onSubmit={submit} noValidate>
      <fieldset>
        <legend>{t('options.unit')}</legend>
        <div className="form-grid">
          <label className="field">
            <span>{t('options.unitCode')}</span>
            <input name="unitAgencyCode" value={code} onChange={(event) => setCode(event.target.value)} />
          </label>
          <label className="field">
            <span>{t('options.unitName')}</span>
            <input name="unitAgencyName" value={name} onChange={(event) => setName(event.target.value)} />
          </label>
          <label className="field">
            <span>{t('report.unitKind')}</span>
            <select name="unitKind" value={kind} onChange={(event) => setKind(event.target.value as NonNullable<Settings['unitKind']> | '')}>
              <option value="">—</option>
              {(['department', 'district', 'commune'] as const).map((k) => <option key={k} value={k}>{t(`report.level.${k}`)}</option>)}
            </select>
          </label>
        </div>
        <p className="muted">{t('options.unitHelp')}</p>
        <div className="row">
          <button type="submit" className="primary">{t('panel.save')}</button>
          <SaveStatus status={status} />
        </div>
      </fieldset>
    </form>
  );
}
