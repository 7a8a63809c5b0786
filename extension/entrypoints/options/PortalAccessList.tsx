// For each portal origin the officer added, whether the browser lets tthc-desk run there; a
// refused one says so and can be asked again.
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { t } from '../../../shared/i18n/i18n.ts';
import { askForPortalHosts, portalAccessOf, type PortalAccess } from './portalAccess.ts';

function usePortalAccess(portalOrigins: readonly string[]): PortalAccess[] {
  const [access, setAccess] = useState<PortalAccess[]>([]);
  const key = portalOrigins.join('\n');
  useEffect(() => {
    let current = true;
    const refresh = () => {
      void portalAccessOf(key === '' ? [] : key.split('\n')).then((next) => {
        if (current) setAccess(next);
      });
    };
    refresh();
    browser.permissions.onAdded.addListener(refresh);
    browser.permissions.onRemoved.addListener(refresh);
    return () => {
      current = false;
      browser.permissions.onAdded.removeListener(refresh);
      browser.permissions.onRemoved.removeListener(refresh);
    };
  }, [key]);
  return access;
}

export function PortalAccessList({ portalOrigins }: { portalOrigins: readonly string[] }) {
  const access = usePortalAccess(portalOrigins);
  if (access.length === 0) return null;
  return (
    <section aria-label={t('portalAccess.title')}>
      <p className="muted">{t('portalAccess.title')}</p>
      <ul className="portal-access">
        {access.map(({ origin, granted }) => (
          <li key={origin} data-origin={origin} data-granted={granted}>
            <code>{origin}</code>{' '}
            {granted ? (
              <span className="notice success">{t('portalAccess.granted')}</span>
            ) : (
              <>
                <span className="notice error" role="alert">{t('portalAccess.refused')}</span>{' '}
                <button type="button" onClick={() => void askForPortalHosts([origin])}>{t('portalAccess.ask')}</button>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
