// `npm start`: builds the extension, starts the demo portal and the sync server on this machine,
// and says where everything is and how to load the extension. Ctrl+C stops both services.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { bilingual } from '../shared/i18n/i18n.ts';
import { signToken } from '../sync-server/token.ts';
import { UsageError } from '../cli/errors.ts';
import { signingSecret } from '../cli/secret.ts';
import { startBanner } from './start-banner.ts';
import { builtExtensionDir, portFromEnv, ServiceStartError, startLocalServices, type LocalServices } from './local-services.ts';

const root = join(import.meta.dirname, '..');
const dataDir = join(root, 'data');
const extensionDir = builtExtensionDir(root, process.env);

/** A local secret kept under data/ so tokens printed today still work after a restart; `file`: where. */
function localSecret(): { secret: string; file: string | null } {
  if (process.env.TTHC_DESK_SECRET) {
    try {
      return { secret: signingSecret(), file: null };
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      console.error(error.message);
      process.exit(2);
    }
  }
  const file = join(dataDir, 'dev-secret');
  mkdirSync(dataDir, { recursive: true });
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return { secret: readFileSync(file, 'utf8').trim(), file };
}

// Checked before the build: a refused secret should not cost a build first.
const { secret, file: secretFile } = localSecret();

// A development build: the demo portal on 127.0.0.1 counts as a portal (extension/portals/origins.ts).
const build = spawnSync(join(root, 'node_modules', '.bin', 'wxt'), ['build'], { cwd: root, stdio: 'inherit', env: { ...process.env, TTHC_LOCAL_PORTALS: '1' } });
if (build.status !== 0) {
  console.error(bilingual('start.buildFailed'));
  process.exit(1);
}

if (!existsSync(join(extensionDir, 'manifest.json'))) {
  console.error(bilingual('start.noExtension', { dir: extensionDir }));
  process.exit(1);
}

const boardDataDir = join(dataDir, 'sync');
let services: LocalServices;
try {
  services = await startLocalServices({
    portalPort: portFromEnv(process.env, 'PORTAL_PORT', 8080),
    syncPort: portFromEnv(process.env, 'PORT', 1234),
    dataDir: boardDataDir,
    secret,
  });
} catch (error) {
  if (!(error instanceof ServiceStartError)) throw error;
  console.error(error.message);
  process.exit(2);
}
const { portal, server } = services;
const demoUnit = 'so-tu-phap';
const token = await signToken({ unit: demoUnit, user: 'can-bo-1', role: 'editor' }, secret);

console.log(startBanner({
  extensionDir, igateUrl: portal.igateUrl, dvcqgUrl: portal.dvcqgUrl, serverUrl: server.url, unit: demoUnit, token, secretFile, boardDataDir,
}));

async function stop(): Promise<void> {
  await services.close();
  process.exit(0);
}
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
