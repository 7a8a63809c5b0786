// `npm run build`: the release of the extension. Always the store package (wxt zip, for the Chrome
// Web Store or Edge Add-ons); with TTHC_DESK_EXTENSION_KEY (a PEM kept outside the repository) and
// TTHC_DESK_UPDATE_URL (where IT will serve the files), also the self-hosted .crx and its
// updates.xml, and the policy lines that force-install it.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { builtExtensionDir } from './local-services.ts';
import { extensionIdOfKey, packCrx, PackageError, requireKeyOutside, updateManifest } from './package-crx.ts';

const root = join(import.meta.dirname, '..');
const outDir = resolve(root, process.env.TTHC_WXT_OUT ?? '.output');

const zipped = spawnSync(join(root, 'node_modules', '.bin', 'wxt'), ['zip'], { cwd: root, stdio: 'inherit' });
if (zipped.status !== 0) process.exit(zipped.status ?? 1);
const storeZip = readdirSync(outDir).find((name) => name.endsWith('-chrome.zip'));
console.log(`Gói cho cửa hàng / store package: ${join(outDir, storeZip ?? '?')}`);

const keyFile = process.env.TTHC_DESK_EXTENSION_KEY;
if (!keyFile) {
  console.log('Không có TTHC_DESK_EXTENSION_KEY: bỏ qua gói .crx tự lưu trữ. / No TTHC_DESK_EXTENSION_KEY: the self-hosted .crx is skipped (see README, "The extension, pushed by IT").');
  process.exit(0);
}
const updateUrl = process.env.TTHC_DESK_UPDATE_URL?.replace(/\/+$/, '');
try {
  requireKeyOutside(root, keyFile);
  if (!updateUrl || !/^https:\/\/\S+$/.test(updateUrl)) throw new PackageError('Set TTHC_DESK_UPDATE_URL to the https:// address where updates.xml and the .crx will be served.');
  const extensionDir = builtExtensionDir(root, process.env);
  const { version } = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as { version: string };
  const crxName = `tthc-desk-${version}.crx`;
  packCrx(extensionDir, keyFile, join(outDir, crxName));
  const id = extensionIdOfKey(readFileSync(keyFile, 'utf8'));
  writeFileSync(join(outDir, 'updates.xml'), updateManifest(id, version, `${updateUrl}/${crxName}`));
  console.log(`Gói tự lưu trữ / self-hosted package: ${join(outDir, crxName)} + ${join(outDir, 'updates.xml')}
Mã tiện ích / extension ID: ${id}
Chính sách / policy ExtensionInstallForcelist: ${id};${updateUrl}/updates.xml`);
} catch (error) {
  if (!(error instanceof PackageError)) throw error;
  console.error(error.message);
  process.exit(2);
}
