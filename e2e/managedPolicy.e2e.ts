// The extension pushed by IT: Chromium's managed policy file gives the extension its settings
// (chrome.storage.managed). The real extension reads them as a locked layer over what the officer
// saved, and the options page shows them as set by the organisation, not editable.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { t } from '../shared/i18n/i18n.ts';
import { launchWithExtension } from './support/browser.ts';
import { readExtensionStore } from './support/extensionDb.ts';

// Chromium on Debian reads machine policy from here (the tests run as root); the file is removed after.
const policyDir = '/etc/chromium/policies/managed';
const profileDir = mkdtempSync(join(tmpdir(), 'tthc-desk-managed-'));
let policyFile: string | null = null;
afterAll(() => {
  if (policyFile) rmSync(policyFile, { force: true });
  rmSync(profileDir, { recursive: true, force: true });
});

const policy = {
  portalOrigins: ['https://dichvucong.quangnam.gov.vn'],
  syncServer: 'wss://sync.example.gov.vn',
  unit: 'so-tu-phap',
  unitAgencyCodes: ['000.00.53.H48'],
  locale: 'en',
  keepPersonalData: false,
};

describe('managed configuration', () => {
  it('wins over what the officer saved, and the options page shows it locked, set by the organisation', async () => {
    // First without policy: the officer turns personal data on. The extension's ID (from its
    // path) is what the policy file names.
    const before = await launchWithExtension({ profileDir });
    const extensionId = before.extensionId;
    const own = await before.openExtensionPage('options.html');
    await own.locator('input[name="keepPersonalData"]').click();
    await expect.poll(async () => (await readExtensionStore<{ key: string; value: unknown }>(before.serviceWorker, 'settings')).find((row) => row.key === 'keepPersonalData')?.value).toBe(true);
    await before.close();

    mkdirSync(policyDir, { recursive: true });
    policyFile = join(policyDir, `tthc-desk-test-${extensionId}.json`);
    writeFileSync(policyFile, JSON.stringify({ '3rdparty': { extensions: { [extensionId]: policy } } }));
    const browser = await launchWithExtension({ profileDir });
    try {
      const options = await browser.openExtensionPage('options.html');
      // The page is in the policy's language, with the label in that language.
      await options.getByText(t('managed.setByOrganisation', {}, 'en')).first().waitFor();
      const personal = options.locator('input[name="keepPersonalData"]');
      expect([await personal.isChecked(), await personal.isDisabled()]).toEqual([false, true]);
      expect([await options.locator('input[name="unitAgencyCodes"]').inputValue(), await options.locator('input[name="unitAgencyCodes"]').isDisabled()]).toEqual(['000.00.53.H48', true]);
      expect([await options.locator('input[name="board-server"]').inputValue(), await options.locator('input[name="board-server"]').isDisabled()]).toEqual(['wss://sync.example.gov.vn', true]);
      expect(await options.locator('input[name="board-unit"]').inputValue()).toBe('so-tu-phap');
      // The officer's own token stays his to enter.
      expect(await options.locator('input[name="board-token"]').isDisabled()).toBe(false);
      // What the background reads: the policy mirrored beside the officer's saved value, which it overrides.
      const rows = await readExtensionStore<{ key: string; value: unknown }>(browser.serviceWorker, 'settings');
      expect(rows.find((row) => row.key === 'managed')?.value).toEqual(policy);
      expect(rows.find((row) => row.key === 'keepPersonalData')?.value).toBe(true);
      expect(await options.locator('[data-managed]').count()).toBeGreaterThanOrEqual(4);
    } finally {
      await browser.close();
    }
  });
});
