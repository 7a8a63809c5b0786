// The officer's unit: its agency code decides which overdue dossiers the toolbar counts.
import { useState, type FormEvent } from 'react';
import { t } from '../../../shared/i18n/i18n.ts';
import { saveSetting, type Settings } from '../../db/settings.ts';
import { db } from '../../ui/pageDatabase.ts';
import { SaveStatus, useSaveStatus } from './SaveStatus.tsx';

export function UnitSettings({ settings }: { settings: Settings }) {
  const [code, setCode] = useState(settings.unitAgencyCode ?? '');
  const [name, setName] = useState(settings.unitAgencyName ?? '');
  const status = useSaveStatus();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const blankToNull = (value: string) => (value.trim() === '' ? null : value.trim());
    status.run(async () => {
      await saveSetting(db, 'unitAgencyCode', blankToNull(code));
      await saveSetting(db, 'unitAgencyName', blankToNull(name));
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
