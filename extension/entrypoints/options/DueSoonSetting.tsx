// How many working days left makes a pending dossier "due soon".
import { useState, type FormEvent } from 'react';
import { t } from '../../../shared/i18n/i18n.ts';
import { MAX_DUE_SOON_WORKING_DAYS, saveSetting, type Settings } from '../../db/settings.ts';
import { db } from '../../ui/pageDatabase.ts';
import { SaveStatus, useSaveStatus } from './SaveStatus.tsx';

export function DueSoonSetting({ settings }: { settings: Settings }) {
  const [days, setDays] = useState(String(settings.dueSoonWorkingDays));
  const status = useSaveStatus();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = Number(days.trim() === '' ? Number.NaN : days);
    if (!Number.isInteger(value) || value < 0 || value > MAX_DUE_SOON_WORKING_DAYS) {
      status.fail(t('options.badDueSoon', { max: MAX_DUE_SOON_WORKING_DAYS }));
      return;
    }
    status.run(() => saveSetting(db, 'dueSoonWorkingDays', value));
  };
  return (
    <form onSubmit={submit} noValidate>
      <fieldset>
        <legend>{t('options.dueSoon')}</legend>
        <div className="row">
          <label className="field">
            <span className="visually-hidden">{t('options.dueSoon')}</span>
            <input name="dueSoonWorkingDays" type="number" min={0} max={MAX_DUE_SOON_WORKING_DAYS} step={1} value={days} onChange={(event) => setDays(event.target.value)} />
          </label>
          <button type="submit" className="primary">{t('panel.save')}</button>
          <SaveStatus status={status} />
        </div>
        <p className="muted">{t('options.dueSoonHelp')}</p>
      </fieldset>
    </form>
  );
}
