// The officer's unit, one setting: its name and the portal's agency codes of its dossiers (a Sở
// and its one-stop desk may have two). Every figure (Hồ sơ, Chỉ tiêu, toolbar, notification)
// counts only those codes' dossiers; the board's room is set with the board's connection below.
import { useState, type FormEvent } from 'react';
import { t } from '../../../shared/i18n/i18n.ts';
import { saveSetting, type Settings } from '../../db/settings.ts';
import { db } from '../../ui/database.ts';
import { SaveStatus, useSaveStatus } from './SaveStatus.tsx';

/** Codes typed one per line or separated by commas, semicolons or spaces. */
export function readAgencyCodes(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).map((code) => code.trim()).filter((code) => code !== ''))];
}

export function UnitSettings({ settings }: { settings: Settings }) {
  const [codes, setCodes] = useState(settings.unit.agencyCodes.join(', '));
  const [name, setName] = useState(settings.unit.name ?? '');
  const [stale, setStale] = useState(String(settings.staleAfterDays));
  const [kind, setKind] = useState<NonNullable<Settings['unitKind']> | ''>(settings.unitKind ?? '');
  const status = useSaveStatus();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    status.run(async () => {
      await saveSetting(db, 'unit', { name: name.trim() === '' ? null : name.trim(), agencyCodes: readAgencyCodes(codes) });
      await saveSetting(db, 'staleAfterDays', Number(stale));
      await saveSetting(db, 'unitKind', kind === '' ? null : kind);
    });
  };
  return (
    <form onSubmit={submit} noValidate>
      <fieldset>
        <legend>{t('options.unit')}</legend>
        <p>{t('options.unitSentence')}</p>
        <div className="form-grid">
          <label className="field">
            <span>{t('options.unitName')}</span>
            <input name="unitName" value={name} onChange={(event) => setName(event.target.value)} />
          </label>
          <label className="field">
            <span>{t('options.unitCodes')}</span>
            <input name="unitAgencyCodes" value={codes} placeholder="000.00.53.H48, 000.20.53.H48" onChange={(event) => setCodes(event.target.value)} />
          </label>
          <label className="field">
            <span>{t('options.staleAfterDays')}</span>
            <input name="staleAfterDays" type="number" min={1} max={365} value={stale} onChange={(event) => setStale(event.target.value)} />
          </label>
          <label className="field">
            <span>{t('report.unitKind')}</span>
            <select name="unitKind" value={kind} onChange={(event) => setKind(event.target.value as NonNullable<Settings['unitKind']> | '')}>
              <option value="">—</option>
              {(['department', 'district', 'commune'] as const).map((k) => <option key={k} value={k}>{t(`report.level.${k}`)}</option>)}
            </select>
          </label>
        </div>
        <div className="row">
          <button type="submit" className="primary">{t('panel.save')}</button>
          <SaveStatus status={status} />
        </div>
      </fieldset>
    </form>
  );
}
