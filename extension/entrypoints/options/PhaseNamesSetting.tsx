// Status names the unit adds to the portals' defaults: a dossier whose status contains one is
// waiting (paused) or ended without a result (closed), never overdue (shared/dossier/phase.ts).
import { useState, type FormEvent } from 'react';
import { t } from '../../../shared/i18n/i18n.ts';
import { saveSetting, type Settings } from '../../db/settings.ts';
import { db } from '../../ui/database.ts';
import { SaveStatus, useSaveStatus } from './SaveStatus.tsx';
import { defaultNamesText, namesFromLines } from './phaseNames.ts';

export function PhaseNamesSetting({ settings }: { settings: Settings }) {
  const [paused, setPaused] = useState(settings.phaseStatusNames.paused.join('\n'));
  const [closed, setClosed] = useState(settings.phaseStatusNames.closed.join('\n'));
  const status = useSaveStatus();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    status.run(() => saveSetting(db, 'phaseStatusNames', { paused: namesFromLines(paused), closed: namesFromLines(closed) }));
  };
  return (
    <form onSubmit={submit} noValidate>
      <fieldset>
        <legend>{t('options.phases')}</legend>
        <label className="field">
          <span>{t('options.pausedNames')}</span>
          <textarea name="pausedStatusNames" rows={3} value={paused} onChange={(event) => setPaused(event.target.value)} />
        </label>
        <p className="muted">{t('options.phaseDefaults', { names: defaultNamesText('paused') })}</p>
        <label className="field">
          <span>{t('options.closedNames')}</span>
          <textarea name="closedStatusNames" rows={3} value={closed} onChange={(event) => setClosed(event.target.value)} />
        </label>
        <p className="muted">{t('options.phaseDefaults', { names: defaultNamesText('closed') })}</p>
        <div className="row">
          <button type="submit" className="primary">{t('panel.save')}</button>
          <SaveStatus status={status} />
        </div>
        <p className="muted">{t('options.phasesHelp')}</p>
      </fieldset>
    </form>
  );
}
