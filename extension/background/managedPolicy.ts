// Mirrors the organisation's policy (chrome.storage.managed) into the settings table, where every
// page and the background read settings (and live queries see it change): at start, and whenever
// IT changes the policy. Outside a managed browser the row is removed.
import { browser } from 'wxt/browser';
import type { TthcDatabase } from '../db/database.ts';
import { MANAGED_ROW_KEY } from '../db/managed.ts';

export function startManagedPolicy(db: TthcDatabase): void {
  const mirror = async () => {
    // Browsers without policy support reject the read: that is the same as no policy.
    const policy = await browser.storage.managed.get().catch(() => ({}));
    if (Object.keys(policy).length === 0) await db.settings.delete(MANAGED_ROW_KEY);
    else await db.settings.put({ key: MANAGED_ROW_KEY, value: policy });
  };
  void mirror();
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') void mirror();
  });
}
