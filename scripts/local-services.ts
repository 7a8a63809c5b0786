// The two services `npm start` runs on this machine: the demo portal and the sync server. A busy
// or impossible port becomes one sentence naming the port and the variable that changes it, and a
// service already started is stopped again, so a failed start leaves nothing listening.
import { join, resolve } from 'node:path';
import { bilingual } from '../shared/i18n/i18n.ts';
import { startDemoPortal, type DemoPortal } from '../demo-portal/server.ts';
import { startSyncServer, type RunningSyncServer } from '../sync-server/server.ts';

export interface LocalServices {
  portal: DemoPortal;
  server: RunningSyncServer;
  close(): Promise<void>;
}

/** A service that could not start for a reason the person can fix: its message is the whole story. */
export class ServiceStartError extends Error {}

/** Where `wxt build` writes the extension: TTHC_WXT_OUT when set, as in wxt.config.ts. */
export function builtExtensionDir(root: string, env: NodeJS.ProcessEnv): string {
  return join(resolve(root, env.TTHC_WXT_OUT ?? '.output'), 'chrome-mv3');
}

/** A port from the environment: a whole number the portal's second port (+1) still fits under. */
export function portFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d{1,5}$/.test(raw) || Number(raw) > 65534) throw new ServiceStartError(bilingual('start.badPort', { name, value: raw }));
  return Number(raw);
}

function startProblem(error: unknown, variable: string): Error {
  const { code, port } = error as NodeJS.ErrnoException & { port?: number };
  if (code === 'EADDRINUSE' || code === 'EACCES') return new ServiceStartError(bilingual('start.portInUse', { port: port ?? '?', variable }));
  return error as Error;
}

export async function startLocalServices(opts: { portalPort: number; syncPort: number; dataDir: string; secret: string }): Promise<LocalServices> {
  const host = '127.0.0.1';
  let portal: DemoPortal;
  try {
    portal = await startDemoPortal({ port: opts.portalPort, host });
  } catch (error) {
    throw startProblem(error, 'PORTAL_PORT');
  }
  let server: RunningSyncServer;
  try {
    server = await startSyncServer({ port: opts.syncPort, host, dataDir: opts.dataDir, secret: opts.secret });
  } catch (error) {
    await portal.close();
    throw startProblem(error, 'PORT');
  }
  return {
    portal,
    server,
    close: async () => {
      await Promise.allSettled([portal.close(), server.close()]);
    },
  };
}
