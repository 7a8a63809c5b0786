// Whether applicants' personal data is kept at all (off by default, Nghị định 13/2023). Turning it
// off also erases what was kept, so "off" means the data is gone, not merely hidden.
import { t } from '../../../shared/i18n/i18n.ts';
import { saveSetting, type Settings } from '../../db/settings.ts';
import { forgetApplicants } from '../../db/store.ts';
import { db } from '../../ui/pageDatabase.ts';
import { CheckboxSetting } from './CheckboxSetting.tsx';

export function PrivacySetting({ settings }: { settings: Settings }) {
  return (
    <CheckboxSetting
      name="keepPersonalData"
      legend={t('options.privacy')}
      label={t('options.keepPersonal')}
      help={t('options.keepPersonalHelp')}
      checked={settings.keepPersonalData}
      save={async (keep) => {
        await saveSetting(db, 'keepPersonalData', keep);
        if (!keep) await forgetApplicants(db);
      }}
    />
  );
}
