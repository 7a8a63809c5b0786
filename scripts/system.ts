// Makes sure the system programs the tests and `npm start` need are present, installing them
// through Debian's packages when we may (root with apt-get), otherwise naming what to install.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface SystemProgram {
  /** Debian package that provides it. */
  debianPackage: string;
  /** Any one of these paths present means it is installed. */
  paths: string[];
  /** What it is for, shown when it cannot be installed. */
  purpose: string;
}

export const chromium: SystemProgram = {
  debianPackage: 'chromium',
  paths: ['/usr/bin/chromium'],
  purpose: 'browser tests',
};
export const redis: SystemProgram = {
  debianPackage: 'redis-server',
  paths: ['/usr/bin/redis-server'],
  purpose: 'sync-server scale-out tests',
};
export const postgresql: SystemProgram = {
  debianPackage: 'postgresql',
  paths: ['/usr/lib/postgresql'],
  purpose: 'sync-server PostgreSQL storage tests',
};

export const nginx: SystemProgram = {
  debianPackage: 'nginx',
  paths: ['/usr/sbin/nginx'],
  purpose: 'the wss:// reverse-proxy test of deploy/',
};
export const openssl: SystemProgram = {
  debianPackage: 'openssl',
  paths: ['/usr/bin/openssl'],
  purpose: 'the self-signed certificate of the reverse-proxy test',
};

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;
const hasAptGet = () => existsSync('/usr/bin/apt-get');

export function ensureSystemPrograms(programs: SystemProgram[]): void {
  const missing = programs.filter((p) => !p.paths.some((path) => existsSync(path)));
  if (missing.length === 0) return;
  const names = missing.map((p) => p.debianPackage);
  if (isRoot() && hasAptGet()) {
    console.log(`Đang cài / installing: ${names.join(', ')} (apt-get)`);
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    const result = spawnSync('apt-get', ['install', '-y', '-qq', ...names], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (result.status === 0) return;
  }
  const list = missing.map((p) => `${p.debianPackage} (${p.purpose})`).join(', ');
  console.error(`Thiếu chương trình hệ thống: ${list}. Hãy cài: sudo apt-get install ${names.join(' ')} / Missing system programs: ${list}. Install them: sudo apt-get install ${names.join(' ')}`);
  process.exit(1);
}
