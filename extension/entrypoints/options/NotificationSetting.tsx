// Whether the background shows the daily deadline notification (on by default).
import { useId } from 'react';
import { t } from '../../../shared/i18n/i18n.ts';
import { saveSetting, type Settings } from '../../db/settings.ts';
import { db } from '../../ui/database.ts';
import { SaveStatus, useSaveStatus } from './SaveStatus.tsx';

export function NotificationSetting({ settings }: { settings: Settings }) {
  const helpId = useId();
  const status = useSaveStatus();
  return (
    <fieldset>
      <legend>{t('options.notifications')}</legend>
      <label className="check">
        <input
          name="deadlineNotifications"
          type="checkbox"
          checked={settings.deadlineNotifications}
          aria-describedby={helpId}
          onChange={(event) => {
            const on = event.target.checked;
            status.run(() => saveSetting(db, 'deadlineNotifications', on));
          }}
        />
        {t('options.deadlineNotifications')}
      </label>
      <SaveStatus status={status} />
      <p id={helpId} className="muted">{t('options.deadlineNotificationsHelp')}</p>
    </fieldset>
  );
}
