import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { builtExtensionDir, portFromEnv, ServiceStartError, startLocalServices } from './local-services.ts';

const dataDir = () => join(mkdtempSync(join(tmpdir(), 'tthc-start-')), 'sync');
const secret = 'local-services-test-secret-0123456789';

function occupy(): Promise<{ port: number; server: Server }> {
  const server = createServer();
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ port: (server.address() as { port: number }).port, server })));
}

function freePort(): Promise<number> {
  return occupy().then(({ port, server }) => new Promise((resolve) => server.close(() => resolve(port))));
}

function canListen(port: number): Promise<boolean> {
  const server = createServer();
  return new Promise((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

const blockers: Server[] = [];
afterEach(async () => {
  await Promise.all(blockers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

describe('npm start services', () => {
  it('names the busy sync port and the variable that changes it, and leaves the portal stopped', async () => {
    const busy = await occupy();
    blockers.push(busy.server);
    const portalPort = await freePort();
    const start = startLocalServices({ portalPort, syncPort: busy.port, dataDir: dataDir(), secret });
    await expect(start).rejects.toBeInstanceOf(ServiceStartError);
    await expect(start).rejects.toThrow(new RegExp(`Port ${busy.port} is used by another program.*PORT=\\d+ npm start`));
    expect(await canListen(portalPort)).toBe(true);
  });

  it('suggests a port that is free, never the one that just failed', async () => {
    const busy = await occupy();
    blockers.push(busy.server);
    const message = await startLocalServices({ portalPort: 0, syncPort: busy.port, dataDir: dataDir(), secret }).then(() => '', (error: Error) => error.message);
    const suggested = Number(/ PORT=(\d+) npm start/.exec(message)?.[1]);
    expect(suggested).not.toBe(busy.port);
    expect(await canListen(suggested)).toBe(true);
  });

  it('names the busy portal port and PORTAL_PORT', async () => {
    const busy = await occupy();
    blockers.push(busy.server);
    const message = await startLocalServices({ portalPort: busy.port, syncPort: 0, dataDir: dataDir(), secret }).then(() => '', (error: Error) => error.message);
    const suggested = Number(/PORTAL_PORT=(\d+) npm start/.exec(message)?.[1]);
    expect(suggested).not.toBe(busy.port);
    // The demo portal needs the port and the next one (its second origin).
    expect([await canListen(suggested), await canListen(suggested + 1)]).toEqual([true, true]);
  });

  it('starts both services when the ports are free and stops them on close', async () => {
    const services = await startLocalServices({ portalPort: 0, syncPort: 0, dataDir: dataDir(), secret });
    const health = await fetch(`${services.server.url.replace('ws:', 'http:')}/healthz`);
    expect(health.status).toBe(200);
    expect((await fetch(`${services.portal.igateUrl}/vi/dossier/search`)).status).toBe(200);
    await services.close();
    expect(await canListen(services.server.port)).toBe(true);
  });

  it('points at the extension where wxt.config.ts builds it, also with TTHC_WXT_OUT', () => {
    expect(builtExtensionDir('/repo', {})).toBe('/repo/.output/chrome-mv3');
    expect(builtExtensionDir('/repo', { TTHC_WXT_OUT: '.tmp/build-r' })).toBe('/repo/.tmp/build-r/chrome-mv3');
    expect(builtExtensionDir('/repo', { TTHC_WXT_OUT: '/elsewhere/out' })).toBe('/elsewhere/out/chrome-mv3');
  });

  it('refuses a port variable that is not a port, in one sentence', () => {
    expect(portFromEnv({}, 'PORT', 1234)).toBe(1234);
    expect(portFromEnv({ PORT: '9000' }, 'PORT', 1234)).toBe(9000);
    for (const value of ['abc', '-1', '70000', '1e3']) {
      expect(() => portFromEnv({ PORT: value }, 'PORT', 1234)).toThrow(new RegExp(`PORT="${value}" is not a valid port`));
    }
  });
});
