// The officer's unit, one setting: its name and the portal's agency codes of its dossiers (a Sở
// and its one-stop desk may have two). Every figure (Hồ sơ, Chỉ tiêu, toolbar, notification)
// counts only those codes' dossiers; the board's room is set with the board's connection below.
import { useState } from 'react';
import { t } from '../../../shared/i18n/i18n.ts';
import { saveSetting, settingSchemas, type Settings } from '../../db/settings.ts';
import { db } from '../../ui/pageDatabase.ts';
import { useSaveStatus } from './SaveStatus.tsx';
import { Field, SettingsForm } from './SettingsForm.tsx';

/** Codes typed one per line or separated by commas, semicolons or spaces. */
export function readAgencyCodes(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).map((code) => code.trim()).filter((code) => code !== ''))];
}

type UnitKind = NonNullable<Settings['unitKind']>;

export function UnitSettings({ settings }: { settings: Settings }) {
  const [codes, setCodes] = useState(settings.unit.agencyCodes.join(', '));
  const [name, setName] = useState(settings.unit.name ?? '');
  const [stale, setStale] = useState(String(settings.staleAfterDays));
  const [kind, setKind] = useState<UnitKind | ''>(settings.unitKind ?? '');
  const status = useSaveStatus();
  const submit = () => {
    // Each value is checked before any is saved, and a problem is shown at its own field.
    const unit = settingSchemas.unit.safeParse({ name: name.trim() === '' ? null : name.trim(), agencyCodes: readAgencyCodes(codes) });
    if (!unit.success) {
      status.fail(t('options.invalid', { detail: unit.error.issues[0]?.message ?? '' }), unit.error.issues[0]?.path[0] === 'name' ? 'unitName' : 'unitAgencyCodes');
      return;
    }
    const staleAfterDays = settingSchemas.staleAfterDays.safeParse(stale.trim() === '' ? Number.NaN : Number(stale));
    if (!staleAfterDays.success) {
      status.fail(t('options.invalid', { detail: staleAfterDays.error.issues[0]?.message ?? '' }), 'staleAfterDays');
      return;
    }
    status.run(async () => {
      await saveSetting(db, 'unit', unit.data);
      await saveSetting(db, 'staleAfterDays', staleAfterDays.data);
      await saveSetting(db, 'unitKind', kind === '' ? null : kind);
    });
  };
  return (
    <SettingsForm legend={t('options.unit')} status={status} onSave={submit} help={t('options.unitSentence')}>
      <div className="form-grid">
        <Field name="unitName" label={t('options.unitName')} status={status}
          control={(props) => <input {...props} value={name} onChange={(event) => setName(event.target.value)} />} />
        <Field name="unitAgencyCodes" label={t('options.unitCodes')} status={status}
          control={(props) => <input {...props} value={codes} placeholder="000.00.53.H48, 000.20.53.H48" onChange={(event) => setCodes(event.target.value)} />} />
        <Field name="staleAfterDays" label={t('options.staleAfterDays')} status={status}
          control={(props) => <input {...props} type="number" min={1} max={365} value={stale} onChange={(event) => setStale(event.target.value)} />} />
        <Field name="unitKind" label={t('report.unitKind')} status={status}
          control={(props) => (
            <select {...props} value={kind} onChange={(event) => setKind(event.target.value as UnitKind | '')}>
              <option value="">—</option>
              {(['department', 'district', 'commune'] as const).map((k) => <option key={k} value={k}>{t(`report.level.${k}`)}</option>)}
            </select>
          )} />
      </div>
    </SettingsForm>
  );
}
