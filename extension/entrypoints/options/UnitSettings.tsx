// The officer's unit: its agency code decides which overdue dossiers the toolbar counts.
import { useState } from 'react';
import { t } from '../../../shared/i18n/i18n.ts';
import { saveSetting, type Settings } from '../../db/settings.ts';
import { db } from '../../ui/pageDatabase.ts';
import { useSaveStatus } from './SaveStatus.tsx';
import { Field, SettingsForm } from './SettingsForm.tsx';

export function UnitSettings({ settings }: { settings: Settings }) {
  const [code, setCode] = useState(settings.unitAgencyCode ?? '');
  const [name, setName] = useState(settings.unitAgencyName ?? '');
  const status = useSaveStatus();
  const submit = () => {
    const blankToNull = (value: string) => (value.trim() === '' ? null : value.trim());
    status.run(async () => {
      await saveSetting(db, 'unitAgencyCode', blankToNull(code));
      await saveSetting(db, 'unitAgencyName', blankToNull(name));
    });
  };
  return (
    <SettingsForm legend={t('options.unit')} status={status} onSave={submit} help={t('options.unitHelp')}>
      <div className="form-grid">
        <Field name="unitAgencyCode" label={t('options.unitCode')} status={status}
          control={(props) => <input {...props} value={code} onChange={(event) => setCode(event.target.value)} />} />
        <Field name="unitAgencyName" label={t('options.unitName')} status={status}
          control={(props) => <input {...props} value={name} onChange={(event) => setName(event.target.value)} />} />
      </div>
    </SettingsForm>
  );
}
