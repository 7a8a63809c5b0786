// The options page: the officer's unit, the due-soon threshold, personal data, portals, language,
// and the board's own settings. Each section saves its own keys.
import { useEffect } from 'react';
import { setLocale, t } from '../../../shared/i18n/i18n.ts';
import { LanguageSwitch } from '../../ui/LanguageSwitch.tsx';
import { useSettings } from '../../ui/useSettings.ts';
import { UnitSettings } from './UnitSettings.tsx';
import { DueSoonSetting } from './DueSoonSetting.tsx';
import { PhaseNamesSetting } from './PhaseNamesSetting.tsx';
import { NotificationSetting } from './NotificationSetting.tsx';
import { PrivacySetting } from './PrivacySetting.tsx';
import { BoardSettings } from './BoardSettings.tsx';
import { PortalOriginsSetting } from './PortalOriginsSetting.tsx';
import { ManagedSection } from './ManagedSection.tsx';
import { DataTransfer } from './DataTransfer.tsx';

export function OptionsApp() {
  const { settings, loaded, locked } = useSettings();
  setLocale(settings.locale);
  useEffect(() => {
    document.documentElement.lang = settings.locale;
  }, [settings.locale]);
  if (!loaded) return <p className="options">{t('panel.loading')}</p>;
  return (
    <main className="options" key={settings.locale}>
      <header className="row">
        <h1>{t('options.title')}</h1>
        <span className="row" style={{ marginLeft: 'auto' }}>
          {t('options.language')}
          <ManagedSection keys={['locale']} locked={locked}>
            <LanguageSwitch locale={settings.locale} />
          </ManagedSection>
        </span>
      </header>
      <ManagedSection keys={['unit']} locked={locked}>
        <UnitSettings settings={settings} />
      </ManagedSection>
      <DueSoonSetting settings={settings} />
      <PhaseNamesSetting settings={settings} />
      <ManagedSection keys={['deadlineNotifications']} locked={locked}>
        <NotificationSetting settings={settings} />
      </ManagedSection>
      <ManagedSection keys={['keepPersonalData']} locked={locked}>
        <PrivacySetting settings={settings} />
      </ManagedSection>
      <ManagedSection keys={['portalOrigins']} locked={locked}>
        <PortalOriginsSetting settings={settings} />
      </ManagedSection>
      <BoardSettings settings={settings} locked={locked} />
      <DataTransfer />
    </main>
  );
}
