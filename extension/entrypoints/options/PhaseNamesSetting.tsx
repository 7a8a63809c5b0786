// Status names the unit adds to the portals' defaults: a dossier whose status contains one is
// waiting (paused) or ended without a result (closed), never overdue (shared/dossier/phase.ts).
import { useState } from 'react';
import { t } from '../../../shared/i18n/i18n.ts';
import { saveSetting, type Settings } from '../../db/settings.ts';
import { db } from '../../ui/pageDatabase.ts';
import { useSaveStatus } from './SaveStatus.tsx';
import { Field, SettingsForm } from './SettingsForm.tsx';
import { defaultNamesText, namesFromLines } from './phaseNames.ts';

export function PhaseNamesSetting({ settings }: { settings: Settings }) {
  const [paused, setPaused] = useState(settings.phaseStatusNames.paused.join('\n'));
  const [closed, setClosed] = useState(settings.phaseStatusNames.closed.join('\n'));
  const status = useSaveStatus();
  const submit = () => {
    status.run(() => saveSetting(db, 'phaseStatusNames', { paused: namesFromLines(paused), closed: namesFromLines(closed) }), 'pausedStatusNames');
  };
  return (
    <SettingsForm legend={t('options.phases')} status={status} onSave={submit} help={t('options.phasesHelp')}>
      <Field name="pausedStatusNames" label={t('options.pausedNames')} status={status} wide
        control={(props) => <textarea {...props} rows={3} value={paused} onChange={(event) => setPaused(event.target.value)} />} />
      <p className="muted">{t('options.phaseDefaults', { names: defaultNamesText('paused') })}</p>
      <Field name="closedStatusNames" label={t('options.closedNames')} status={status} wide
        control={(props) => <textarea {...props} rows={3} value={closed} onChange={(event) => setClosed(event.target.value)} />} />
      <p className="muted">{t('options.phaseDefaults', { names: defaultNamesText('closed') })}</p>
    </SettingsForm>
  );
}
