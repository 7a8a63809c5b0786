// Whether applicants' personal data is kept at all (off by default, Nghị định 13/2023).
import { useId } from 'react';
import { t } from '../../../shared/i18n/i18n.ts';
import { saveSetting, type Settings } from '../../db/settings.ts';
import { forgetApplicants } from '../../db/store.ts';
import { db } from '../../ui/database.ts';
import { SaveStatus, useSaveStatus } from './SaveStatus.tsx';

export function PrivacySetting({ settings }: { settings: Settings }) {
  const helpId = useId();
  const status = useSaveStatus();
  return (
    <fieldset>
      <legend>{t('options.privacy')}</legend>
      <label className="check">
        <input
          name="keepPersonalData"
          type="checkbox"
          checked={settings.keepPersonalData}
          aria-describedby={helpId}
          onChange={(event) => {
            const keep = event.target.checked;
            status.run(async () => {
              await saveSetting(db, 'keepPersonalData', keep);
              if (!keep) await forgetApplicants(db);
            });
          }}
        />
        {t('options.keepPersonal')}
      </label>
      <SaveStatus status={status} />
      <p id={helpId} className="muted">{t('options.keepPersonalHelp')}</p>
    </fieldset>
  );
}
