// Board settings on the options page: the sync server, the unit (one board per unit), the access
// token a unit administrator issued (`tthc-desk token`), and the name colleagues see. Saved under
// the `board` key of the settings table, which the offscreen document watches. A token is checked
// with the server before it is saved: the officer learns at once whose token it is, or why the
// server refuses it; a server that does not answer does not stop the save (the board works offline).
import { useState } from 'react';
import { t } from '../../../shared/i18n/i18n.ts';
import { boardSettingsFormSchema, isServerConfigured, type BoardSettings as Board } from '../../board/boardSettings.ts';
import { checkToken, tokenUnit } from '../../board/tokenCheck.ts';
import { saveSetting, type Settings } from '../../db/settings.ts';
import { db } from '../../ui/pageDatabase.ts';
import { useSaveStatus } from './SaveStatus.tsx';
import { Field, SettingsForm } from './SettingsForm.tsx';

/** Why the server refused a token, in words naming the unit it was issued for when that is the reason. */
function refusal(reason: string, settings: Board): string {
  if (reason === 'wrong_unit') return t('board.settings.tokenOtherUnit', { tokenUnit: tokenUnit(settings.token) ?? '?', unit: settings.unit });
  return t(reason === 'expired' ? 'board.settings.tokenExpired' : 'board.settings.tokenInvalid');
}

/** `locked`: with `board.server` / `board.unit`, the organisation set them (shown, not editable). */
export function BoardSettings({ settings, locked }: { settings: Settings; locked: ReadonlySet<string> }) {
  const [form, setForm] = useState<Board>(settings.board);
  const status = useSaveStatus();
  const save = async () => {
    const parsed = boardSettingsFormSchema.safeParse(form);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      status.fail(t(issue?.message ?? 'board.settings.badServer'), `board-${String(issue?.path[0] ?? 'server')}`);
      return;
    }
    const board = parsed.data;
    const verdict = isServerConfigured(board) ? await checkToken(board) : null;
    if (verdict && 'accepted' in verdict && !verdict.accepted) {
      status.fail(refusal(verdict.reason, board), 'board-token');
      return;
    }
    await saveSetting(db, 'board', board);
    setForm(board);
    if (verdict === null) status.saved(t('board.settings.saved'));
    else if ('unreachable' in verdict) status.saved(`${t('board.settings.saved')}. ${t('board.settings.notChecked')}`);
    else status.saved(`${t('board.settings.saved')}. ${t('board.settings.tokenOf', { unit: verdict.unit, user: verdict.user?.sub ?? '?' })}`);
  };
  const field = (key: keyof Board, label: string, type = 'text') => {
    const managed = locked.has(`board.${key}`);
    return (
      <Field name={`board-${key}`} label={label} status={status} wide
        control={(props) => (
          <>
            <input {...props} type={type} value={form[key]} disabled={managed} onChange={(e) => setForm({ ...form, [key]: e.target.value })} />
            {managed && <span className="muted managed-note">🔒 {t('managed.setByOrganisation')}</span>}
          </>
        )} />
    );
  };
  return (
    <SettingsForm legend={t('board.settings.title')} status={status} onSave={() => void save()} help={t('board.settings.unitHelp')}>
      <div className="form-grid">
        {field('server', t('board.settings.server'))}
        {field('unit', t('board.settings.unit'))}
        {field('token', t('board.settings.token'), 'password')}
        {field('name', t('board.settings.name'))}
      </div>
    </SettingsForm>
  );
}
