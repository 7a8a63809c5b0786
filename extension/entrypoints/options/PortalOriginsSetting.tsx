// The portals the extension follows, one origin per line.
import { useState } from 'react';
import { t } from '../../../shared/i18n/i18n.ts';
import { saveSetting, type Settings } from '../../db/settings.ts';
import { db } from '../../ui/pageDatabase.ts';
import { useSaveStatus } from './SaveStatus.tsx';
import { Field, SettingsForm } from './SettingsForm.tsx';
import { parsePortalOrigins } from '../../portals/origins.ts';
import { askForPortalHosts } from './portalAccess.ts';
import { PortalAccessList } from './PortalAccessList.tsx';

export function PortalOriginsSetting({ settings }: { settings: Settings }) {
  const [text, setText] = useState(settings.portalOrigins.join('\n'));
  const status = useSaveStatus();
  const submit = () => {
    const parsed = parsePortalOrigins(text);
    if ('badEntry' in parsed) {
      status.fail(t('options.badOrigin', { entry: parsed.badEntry }), 'portalOrigins');
      return;
    }
    // Asked inside the click, the only moment the browser shows its prompt; the list is saved
    // whatever the answer, and PortalAccessList shows an origin that was refused.
    void askForPortalHosts(parsed.origins);
    status.run(() => saveSetting(db, 'portalOrigins', parsed.origins), 'portalOrigins');
  };
  return (
    <SettingsForm legend={t('options.portals')} status={status} onSave={submit} help={t('options.portalOriginsHelp')}>
      <Field name="portalOrigins" label={t('options.portalOrigins')} status={status}
        control={(props) => <textarea {...props} rows={4} value={text} onChange={(event) => setText(event.target.value)} />} />
      <PortalAccessList portalOrigins={settings.portalOrigins} />
    </SettingsForm>
  );
}
