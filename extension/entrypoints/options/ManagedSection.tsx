// A section of the options page whose settings the organisation set by policy: shown with the
// values in effect, every control disabled, and who set them.
import type { ReactNode } from 'react';
import { t } from '../../../shared/i18n/i18n.ts';

export function ManagedSection({ keys, locked, children }: { keys: readonly string[]; locked: ReadonlySet<string>; children: ReactNode }) {
  if (!keys.some((key) => locked.has(key))) return children;
  return (
    <div className="managed" data-managed={keys.join(' ')}>
      <fieldset disabled className="managed-controls">
        {children}
      </fieldset>
      <p className="muted managed-note">🔒 {t('managed.setByOrganisation')}</p>
    </div>
  );
}
