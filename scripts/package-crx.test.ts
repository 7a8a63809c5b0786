// The self-hosted package: a .crx signed with a key kept outside the repository, whose ID is the
// one the update manifest and the policy name.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../test-support/sync-server.ts';
import { extensionIdOfKey, packCrx, PackageError, requireKeyOutside, updateManifest } from './package-crx.ts';

const dir = tempDir('crx');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** CRX3: "Cr24", version 3, header length, then a protobuf header holding the public key (DER). */
function crxPublicKeys(crx: Buffer): Buffer[] {
  expect(crx.subarray(0, 4).toString()).toBe('Cr24');
  expect(crx.readUInt32LE(4)).toBe(3);
  const header = crx.subarray(12, 12 + crx.readUInt32LE(8));
  return [...header.toString('latin1').matchAll(/0\x82/g)].map((match) => {
    const start = match.index;
    return header.subarray(start, start + 4 + header.readUInt16BE(start + 2));
  });
}

describe('the self-hosted package', () => {
  it('is a CRX signed with the given key, and the update manifest names its ID and version', () => {
    const key = join(dir, 'extension-key.pem');
    execFileSync('openssl', ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', key], { stdio: 'ignore' });
    const extension = join(dir, 'extension');
    mkdirSync(extension);
    writeFileSync(join(extension, 'manifest.json'), JSON.stringify({ manifest_version: 3, name: 'tthc-desk', version: '0.1.0' }));
    const crx = join(dir, 'tthc-desk-0.1.0.crx');
    packCrx(extension, key, crx);
    const id = extensionIdOfKey(readFileSync(key, 'utf8'));
    expect(id).toMatch(/^[a-p]{32}$/);
    const publicKey = execFileSync('openssl', ['pkey', '-in', key, '-pubout', '-outform', 'DER']);
    expect(crxPublicKeys(readFileSync(crx)).some((found) => found.equals(publicKey))).toBe(true);
    const manifest = updateManifest(id, '0.1.0', 'https://it.example.gov.vn/tthc-desk/tthc-desk-0.1.0.crx');
    expect(manifest).toContain(`<app appid='${id}'>`);
    expect(manifest).toContain("codebase='https://it.example.gov.vn/tthc-desk/tthc-desk-0.1.0.crx' version='0.1.0'");
  }, 60_000);

  it('refuses a key kept inside the repository, and a missing key', () => {
    const repository = join(dir, 'repo');
    expect(() => requireKeyOutside(repository, join(repository, 'keys', 'key.pem'))).toThrow(PackageError);
    expect(() => requireKeyOutside(repository, join(dir, 'nowhere.pem'))).toThrow(/openssl genpkey/);
  });
});
