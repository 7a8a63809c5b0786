// Whether the background shows the daily deadline notification (on by default).
import { t } from '../../../shared/i18n/i18n.ts';
import { saveSetting, type Settings } from '../../db/settings.ts';
import { db } from '../../ui/pageDatabase.ts';
import { CheckboxSetting } from './CheckboxSetting.tsx';

export function NotificationSetting({ settings }: { settings: Settings }) {
  return (
    <CheckboxSetting
      name="deadlineNotifications"
      legend={t('options.notifications')}
      label={t('options.deadlineNotifications')}
      help={t('options.deadlineNotificationsHelp')}
      checked={settings.deadlineNotifications}
      save={(on) => saveSetting(db, 'deadlineNotifications', on)}
    />
  );
}
