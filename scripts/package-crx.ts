// The self-hosted package IT pushes by policy: the built extension signed into a .crx with a key
// kept outside the repository (Chromium's own packer), and the update manifest Chrome and Edge
// read to install and update it (ExtensionInstallForcelist "ID;URL-of-updates.xml").
import { spawnSync } from 'node:child_process';
import { createHash, createPublicKey } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

/** The extension ID a key gives: the first 128 bits of the SHA-256 of its public key, written with the letters a–p. */
export function extensionIdOfKey(keyPem: string): string {
  const publicKey = createPublicKey(keyPem).export({ type: 'spki', format: 'der' });
  const hex = createHash('sha256').update(publicKey).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16))).join('');
}

/** The gupdate manifest: where the package of this ID and version is. */
export function updateManifest(id: string, version: string, crxUrl: string): string {
  const attribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<?xml version='1.0' encoding='UTF-8'?>
<gupdate xmlns='http://www.google.com/update2/response' protocol='2.0'>
  <app appid='${attribute(id)}'>
    <updatecheck codebase='${attribute(crxUrl)}' version='${attribute(version)}' />
  </app>
</gupdate>
`;
}

export class PackageError extends Error {}

/** A key inside the repository would be committed sooner or later: whoever holds it can publish updates to every officer. */
export function requireKeyOutside(repository: string, keyFile: string): void {
  const inside = relative(resolve(repository), resolve(keyFile));
  if (!inside.startsWith('..')) throw new PackageError(`The signing key ${keyFile} is inside the repository; keep it outside (e.g. /etc/tthc-desk/extension-key.pem).`);
  if (!existsSync(keyFile)) throw new PackageError(`No signing key at ${keyFile}; make one with: openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out ${keyFile}`);
}

/** Signs `extensionDir` into `outFile` with Chromium's packer (--pack-extension). */
export function packCrx(extensionDir: string, keyFile: string, outFile: string, chromium = '/usr/bin/chromium'): void {
  const work = mkdtempSync(join(tmpdir(), 'tthc-crx-'));
  try {
    const dir = join(work, 'tthc-desk');
    cpSync(extensionDir, dir, { recursive: true });
    const result = spawnSync(chromium, ['--no-sandbox', '--headless', `--pack-extension=${dir}`, `--pack-extension-key=${resolve(keyFile)}`], { encoding: 'utf8', timeout: 120_000 });
    if (!existsSync(`${dir}.crx`)) throw new PackageError(`Chromium could not pack the extension: ${result.stderr || result.error?.message || `exit ${result.status}`}`);
    if (readFileSync(`${dir}.crx`).subarray(0, 4).toString() !== 'Cr24') throw new PackageError('Chromium wrote a package that is not a CRX file.');
    renameSync(`${dir}.crx`, outFile);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
