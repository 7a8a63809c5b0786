// How many working days left makes a pending dossier "due soon".
import { useState } from 'react';
import { t } from '../../../shared/i18n/i18n.ts';
import { MAX_DUE_SOON_WORKING_DAYS, saveSetting, type Settings } from '../../db/settings.ts';
import { db } from '../../ui/pageDatabase.ts';
import { useSaveStatus } from './SaveStatus.tsx';
import { Field, SettingsForm } from './SettingsForm.tsx';

export function DueSoonSetting({ settings }: { settings: Settings }) {
  const [days, setDays] = useState(String(settings.dueSoonWorkingDays));
  const status = useSaveStatus();
  const submit = () => {
    const value = Number(days.trim() === '' ? Number.NaN : days);
    if (!Number.isInteger(value) || value < 0 || value > MAX_DUE_SOON_WORKING_DAYS) {
      status.fail(t('options.badDueSoon', { max: MAX_DUE_SOON_WORKING_DAYS }), 'dueSoonWorkingDays');
      return;
    }
    status.run(() => saveSetting(db, 'dueSoonWorkingDays', value), 'dueSoonWorkingDays');
  };
  return (
    <SettingsForm legend={t('options.dueSoon')} status={status} onSave={submit} help={t('options.dueSoonHelp')}>
      <Field name="dueSoonWorkingDays" label={t('options.dueSoonDays')} status={status}
        control={(props) => <input {...props} type="number" min={0} max={MAX_DUE_SOON_WORKING_DAYS} step={1} value={days} onChange={(event) => setDays(event.target.value)} />} />
    </SettingsForm>
  );
}
