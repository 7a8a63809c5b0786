// Board settings on the options page: the sync server, the unit (one board per unit), the access
// token a unit administrator issued (`tthc-desk token`), and the name colleagues see.
import { useEffect, useState, type FormEvent } from 'react';
import { browser } from 'wxt/browser';
import { t } from '../../../shared/i18n/i18n.ts';
import { BOARD_SETTINGS_KEY, boardSettingsFormSchema, defaultBoardSettings, loadBoardSettings, type BoardSettings as Settings } from '../../board/boardSettings.ts';

export function BoardSettings() {
  const [form, setForm] = useState<Settings>(defaultBoardSettings);
  // The form appears once the stored settings are in it: typing earlier would be overwritten by them.
  const [loaded, setLoaded] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    void loadBoardSettings().then((stored) => {
      setForm(stored);
      setLoaded(true);
    });
  }, []);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = boardSettingsFormSchema.safeParse(form);
    if (!parsed.success) {
      setMessage({ ok: false, text: t(parsed.error.issues[0]?.message ?? 'board.settings.badServer') });
      return;
    }
    await browser.storage.local.set({ [BOARD_SETTINGS_KEY]: parsed.data });
    setForm(parsed.data);
    setMessage({ ok: true, text: t('board.settings.saved') });
  };
  const field = (key: keyof Settings, label: string, type = 'text') => (
    <label className="row">
      <span>{label}</span>
      <input name={`board-${key}`} type={type} value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} />
    </label>
  );
  return (
    <section aria-labelledby="board-settings-title">
      <h2 id="board-settings-title">{t('board.settings.title')}</h2>
      {loaded && <form onSubmit={(event) => void save(event)}>
        {field('server', t('board.settings.server'))}
        {field('unit', t('board.settings.unit'))}
        {field('token', t('board.settings.token'), 'password')}
        {field('name', t('board.settings.name'))}
        <button type="submit" className="primary">{t('board.settings.save')}</button>
        {message && <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'ok' : 'board-error'}>{message.text}</p>}
      </form>}
    </section>
  );
}
