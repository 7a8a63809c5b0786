// The side panel: one tab per job the officer does. The language comes from the settings, so the
// side panel and the options page always speak the same one.
import { useEffect, useState } from 'react';
import { setLocale, t } from '../../../shared/i18n/i18n.ts';
import { LanguageSwitch } from '../../ui/LanguageSwitch.tsx';
import { Tabs, type TabDefinition } from '../../ui/Tabs.tsx';
import { useSettings } from '../../ui/useSettings.ts';
import { unitLabel } from '../../db/settings.ts';
import { DossiersTab } from './dossiers/DossiersTab.tsx';
import { PublicationsTab } from './publications/PublicationsTab.tsx';
import { IndicatorsTab } from './indicators/IndicatorsTab.tsx';
import { BoardPanel } from './board/BoardPanel.tsx';
import { ReportTab } from './report/ReportTab.tsx';

type TabId = 'dossiers' | 'publications' | 'indicators' | 'report' | 'board';

export function App() {
  const { settings } = useSettings();
  // t() reads the module's locale, so it is set before any child renders; `key` below redraws all.
  setLocale(settings.locale);
  useEffect(() => {
    document.documentElement.lang = settings.locale;
  }, [settings.locale]);
  const [tab, setTab] = useState<TabId>('dossiers');
  const tabs: TabDefinition<TabId>[] = [
    { id: 'dossiers', label: t('panel.tab.dossiers'), render: () => <DossiersTab settings={settings} /> },
    { id: 'publications', label: t('panel.tab.publications'), render: () => <PublicationsTab /> },
    { id: 'indicators', label: t('panel.tab.indicators'), render: () => <IndicatorsTab settings={settings} /> },
    { id: 'report', label: t('report.tab'), render: () => <ReportTab settings={settings} /> },
    { id: 'board', label: t('board.tab'), render: () => <BoardPanel /> },
  ];
  return (
    <div className="panel" key={settings.locale}>
      <header className="panel-head">
        <h1>tthc-desk</h1>
        {unitLabel(settings) && <span className="unit muted ellipsis">{unitLabel(settings)}</span>}
        <LanguageSwitch locale={settings.locale} />
      </header>
      <main className="panel-main">
        <Tabs tabs={tabs} active={tab} onSelect={setTab} label={t('panel.tabs')} />
      </main>
    </div>
  );
}
