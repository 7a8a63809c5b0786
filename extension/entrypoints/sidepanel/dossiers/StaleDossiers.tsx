// The unit's unfinished dossiers not seen on the portal for more than N days (a setting, default 3).
import { useMemo } from 'react';
import { getLocale, t } from '../../../../shared/i18n/i18n.ts';
import { formatInstant } from '../../../ui/format.ts';
import type { DossierRow } from './dossierView.ts';
import { staleDossiers } from './staleDossiers.ts';

/** A list longer than this is cut: the officer reopens them on the portal page by page anyway. */
const SHOWN = 50;

export function StaleDossiers({ rows, days, onSelect }: { rows: readonly DossierRow[]; days: number; onSelect: (code: string) => void }) {
  const stale = useMemo(() => staleDossiers(rows, days), [rows, days]);
  return (
    <details className="stale" data-count={stale.length}>
      <summary>
        {t('coverage.stale.title', { days })} <strong>({stale.length})</strong>
      </summary>
      {stale.length === 0 ? (
        <p className="muted">{t('coverage.stale.none', { days })}</p>
      ) : (
        <>
          <p className="muted">{t('coverage.stale.help')}</p>
          <ul className="stale-list">
            {stale.slice(0, SHOWN).map(({ dossier }) => (
              <li key={dossier.code}>
                <button type="button" className="link code" onClick={() => onSelect(dossier.code)}>{dossier.code}</button>{' '}
                <span className="muted">{t('coverage.lastSeen')}: {formatInstant(dossier.lastSeenAt, getLocale())}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </details>
  );
}
