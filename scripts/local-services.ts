// The two services `npm start` runs on this machine: the demo portal and the sync server. A busy
// or impossible port becomes one sentence naming the port and the variable that changes it, and a
// service already started is stopped again, so a failed start leaves nothing listening.
import { createServer } from 'node:net';
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

/** Whether a port can be listened on now. */
function canListen(port: number, host: string): Promise<boolean> {
  const probe = createServer();
  return new Promise((done) => {
    probe.once('error', () => done(false));
    probe.listen(port, host, () => probe.close(() => done(true)));
  });
}

/**
 * A port to suggest instead of one that failed: one the system hands out as free now, never the
 * failed one, and with the next port free as well when the service needs two (the demo portal).
 */
export async function freePortSuggestion(host: string, failed: number, pair: boolean): Promise<number> {
  for (;;) {
    const probe = createServer();
    const port = await new Promise<number>((done) => probe.listen(0, host, () => done((probe.address() as { port: number }).port)));
    await new Promise((done) => probe.close(done));
    const usable = port !== failed && (!pair || (port + 1 !== failed && port < 65535 && await canListen(port + 1, host)));
    if (usable) return port;
  }
}

async function startProblem(error: unknown, variable: string, host: string, pair: boolean): Promise<Error> {
  const { code, port } = error as NodeJS.ErrnoException & { port?: number };
  if (code !== 'EADDRINUSE' && code !== 'EACCES') return error as Error;
  const suggestion = await freePortSuggestion(host, port ?? -1, pair);
  return new ServiceStartError(bilingual('start.portInUse', { port: port ?? '?', variable, suggestion }));
}

export async function startLocalServices(opts: { portalPort: number; syncPort: number; dataDir: string; secret: string }): Promise<LocalServices> {
  const host = '127.0.0.1';
  let portal: DemoPortal;
  try {
    portal = await startDemoPortal({ port: opts.portalPort, host });
  } catch (error) {
    throw await startProblem(error, 'PORTAL_PORT', host, true);
  }
  let server: RunningSyncServer;
  try {
    server = await startSyncServer({ port: opts.syncPort, host, dataDir: opts.dataDir, secret: opts.secret });
  } catch (error) {
    await portal.close();
    throw await startProblem(error, 'PORT', host, false);
  }
  return {
    portal,
    server,
    close: async () => {
      await Promise.allSettled([portal.close(), server.close()]);
    },
  };
}
