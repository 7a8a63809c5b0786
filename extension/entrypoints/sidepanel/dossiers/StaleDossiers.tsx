// The unit's unfinished dossiers not seen on the portal for more than N days (a setting, default 3).
import { useLiveQuery } from 'dexie-react-hooks';
import { getLocale, t } from '../../../../shared/i18n/i18n.ts';
import { db } from '../../../ui/pageDatabase.ts';
import { formatInstant } from '../../../ui/format.ts';
import { readStaleDossiers } from './staleDossiers.ts';

/** A list longer than this is cut: the officer reopens them on the portal page by page anyway. */
const SHOWN = 50;

/** `unitCodes`: the unit's agency codes while the list is scoped to the unit, else null. */
export function StaleDossiers({ unitCodes, days, onSelect }: { unitCodes: readonly string[] | null; days: number; onSelect: (code: string) => void }) {
  const stale = useLiveQuery(() => readStaleDossiers(db, unitCodes, days, SHOWN), [unitCodes, days]);
  if (!stale) return null;
  return (
    <details className="stale" data-count={stale.count}>
      <summary>
        {t('coverage.stale.title', { days })} <strong>({stale.count})</strong>
      </summary>
      {stale.count === 0 ? (
        <p className="muted">{t('coverage.stale.none', { days })}</p>
      ) : (
        <>
          <p className="muted">{t('coverage.stale.help')}</p>
          <ul className="stale-list">
            {stale.dossiers.map((dossier) => (
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
