// The portals the extension follows, one origin per line.
import { useState, type FormEvent } from 'react';
import { t } from '../../../shared/i18n/i18n.ts';
import { saveSetting, type Settings } from '../../db/settings.ts';
import { db } from '../../ui/pageDatabase.ts';
import { SaveStatus, useSaveStatus } from './SaveStatus.tsx';
import { parsePortalOrigins } from './portalOrigins.ts';
import { askForPortalHosts } from './portalAccess.ts';
import { PortalAccessList } from './PortalAccessList.tsx';

export function PortalOriginsSetting({ settings }: { settings: Settings }) {
  const [text, setText] = useState(settings.portalOrigins.join('\n'));
  const status = useSaveStatus();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parsePortalOrigins(text);
    if ('badEntry' in parsed) {
      status.fail(t('options.badOrigin', { entry: parsed.badEntry }));
      return;
    }
    // Asked inside the click, the only moment the browser shows its prompt; the list is saved
    // whatever the answer, and PortalAccessList shows an origin that was refused.
    void askForPortalHosts(parsed.origins);
    status.run(() => saveSetting(db, 'portalOrigins', parsed.origins));
  };
  return (
    <form onSubmit={submit} noValidate>
      <fieldset>
        <legend>{t('options.portals')}</legend>
        <label className="field">
          <span>{t('options.portalOrigins')}</span>
          <textarea name="portalOrigins" rows={4} value={text} onChange={(event) => setText(event.target.value)} />
        </label>
        <p className="muted">{t('options.portalOriginsHelp')}</p>
        <PortalAccessList portalOrigins={settings.portalOrigins} />
        <div className="row">
          <button type="submit" className="primary">{t('panel.save')}</button>
          <SaveStatus status={status} />
        </div>
      </fieldset>
    </form>
  );
}
