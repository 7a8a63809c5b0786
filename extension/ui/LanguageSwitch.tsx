// The language switch, shown on both the side panel and the options page; the choice is a setting.
import { locales, t, type Locale } from '../../shared/i18n/i18n.ts';
import { saveSetting } from '../db/settings.ts';
import { db } from './pageDatabase.ts';

export function LanguageSwitch({ locale }: { locale: Locale }) {
  return (
    <label className="language-switch">
      <span className="visually-hidden">{t('panel.language')}</span>
      <select value={locale} onChange={(event) => void saveSetting(db, 'locale', event.target.value as Locale)}>
        {locales.map((option) => (
          <option key={option} value={option}>{t(`panel.language.${option}`)}</option>
        ))}
      </select>
    </label>
  );
}
