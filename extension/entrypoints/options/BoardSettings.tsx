// Board settings on the options page: the sync server, the unit (one board per unit), the access
// token a unit administrator issued (`tthc-desk token`), and the name colleagues see. Saved under
// the `board` key of the settings table, which the offscreen document watches.
import { useState, type FormEvent } from 'react';
import { t } from '../../../shared/i18n/i18n.ts';
import { boardSettingsFormSchema, type BoardSettings as Board } from '../../board/boardSettings.ts';
import { saveSetting, type Settings } from '../../db/settings.ts';
import { db } from '../../ui/pageDatabase.ts';

export function BoardSettings({ settings }: { settings: Settings }) {
  const [form, setForm] = useState<Board>(settings.board);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = boardSettingsFormSchema.safeParse(form);
    if (!parsed.success) {
      setMessage({ ok: false, text: t(parsed.error.issues[0]?.message ?? 'board.settings.badServer') });
      return;
    }
    await saveSetting(db, 'board', parsed.data);
    setForm(parsed.data);
    setMessage({ ok: true, text: t('board.settings.saved') });
  };
  const field = (key: keyof Board, label: string, type = 'text') => (
    <label className="row">
      <span>{label}</span>
      <input name={`board-${key}`} type={type} value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} />
    </label>
  );
  return (
    <section aria-labelledby="board-settings-title">
      <h2 id="board-settings-title">{t('board.settings.title')}</h2>
      <form onSubmit={(event) => void save(event)}>
        {field('server', t('board.settings.server'))}
        {field('unit', t('board.settings.unit'))}
        {field('token', t('board.settings.token'), 'password')}
        {field('name', t('board.settings.name'))}
        <button type="submit" className="primary">{t('board.settings.save')}</button>
        {message && <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'ok' : 'board-error'}>{message.text}</p>}
      </form>
    </section>
  );
}
