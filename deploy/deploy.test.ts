// The deployment files of this directory, run as they are: nginx with deploy/nginx-tthc-desk.conf
// and a self-signed certificate in front of the server, two stock clients syncing over wss://
// through it; and the command lines of the systemd units, accepted by this version of the CLI.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { startSyncServer } from '../sync-server/server.ts';
import { freePort, tempDir, testSecret, waitFor } from '../test-support/sync-server.ts';
import { signToken } from '../sync-server/token.ts';

const root = join(import.meta.dirname, '..');
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** The file's text with each production value replaced; a value missing from the file fails the test. */
function substituted(file: string, replacements: [string, string][]): string {
  let text = readFileSync(join(import.meta.dirname, file), 'utf8');
  for (const [from, to] of replacements) {
    expect(text.split(from).length - 1, `${file} holds "${from}" once`).toBe(1);
    text = text.replace(from, to);
  }
  return text;
}

function selfSignedCertificate(dir: string): { cert: string; key: string } {
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost', '-keyout', key, '-out', cert], { stdio: 'ignore' });
  return { cert, key };
}

function httpsGet(url: string, ca: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request(url, { ca }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    })
      .on('error', reject)
      .end();
  });
}

describe('nginx in front of the server (deploy/nginx-tthc-desk.conf)', () => {
  it('syncs two stock clients over wss:// through the proxy and keeps /metrics internal', async () => {
    const dir = tempDir('nginx');
    dirs.push(dir);
    // nginx's workers run as an unprivileged user when started by root: they must reach the files.
    chmodSync(dir, 0o755);
    const server = await startSyncServer({ port: 0, dataDir: join(dir, 'data'), secret: testSecret, trustProxy: ['127.0.0.1'] });
    const { cert, key } = selfSignedCertificate(dir);
    const [httpPort, tlsPort] = [await freePort(), await freePort()];
    writeFileSync(
      join(dir, 'site.conf'),
      substituted('nginx-tthc-desk.conf', [
        ['listen 80;', `listen 127.0.0.1:${httpPort};`],
        ['listen 443 ssl;', `listen 127.0.0.1:${tlsPort} ssl;`],
        ['/etc/ssl/tthc-desk/fullchain.pem', cert],
        ['/etc/ssl/tthc-desk/privkey.pem', key],
        ['server 127.0.0.1:1234;', `server 127.0.0.1:${server.port};`],
      ]),
    );
    writeFileSync(
      join(dir, 'nginx.conf'),
      `pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events {}
http {
  access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  include ${dir}/site.conf;
}
`,
    );
    execFileSync('/usr/sbin/nginx', ['-t', '-q', '-p', dir, '-c', join(dir, 'nginx.conf')]);
    const nginx: ChildProcess = spawn('/usr/sbin/nginx', ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'ignore' });
    const nginxExited = new Promise((resolve) => nginx.once('exit', resolve));
    const ca = readFileSync(cert, 'utf8');
    const providers: WebsocketProvider[] = [];
    try {
      const origin = `https://127.0.0.1:${tlsPort}`;
      await waitFor(async () => (await httpsGet(`${origin}/healthz`, ca).catch(() => ({ status: 0 }))).status === 200, 'the server to answer through nginx', 20_000);
      expect((await httpsGet(`${origin}/metrics`, ca)).status).toBe(404);

      // The stock client, trusting the test's certificate authority as a browser trusts a real one.
      class TrustingWebSocket extends WebSocket {
        constructor(url: string, protocols?: string | string[]) {
          super(url, protocols, { ca });
        }
      }
      const token = await signToken({ unit: 'so-tu-phap', user: 'lan', role: 'editor' }, testSecret);
      const docs = [new Y.Doc(), new Y.Doc()];
      for (const doc of docs) {
        providers.push(
          new WebsocketProvider(`wss://127.0.0.1:${tlsPort}`, 'so-tu-phap', doc, {
            params: { token },
            WebSocketPolyfill: TrustingWebSocket as unknown as typeof globalThis.WebSocket,
            disableBc: true,
          }),
        );
      }
      await waitFor(() => providers.every((provider) => provider.synced), 'both clients to sync over wss://');
      docs[0]!.getMap('board').set('task-1', 'Công bố TTHC mới');
      docs[1]!.getText('notes').insert(0, 'qua nginx');
      await waitFor(() => docs[1]!.getMap('board').get('task-1') === 'Công bố TTHC mới' && docs[0]!.getText('notes').toString() === 'qua nginx', 'edits to cross the proxy both ways');
    } finally {
      for (const provider of providers) provider.destroy();
      nginx.kill('SIGQUIT');
      await nginxExited;
      await server.close();
    }
  }, 60_000);
});

describe('systemd units', () => {
  /** ExecStart of a unit file, with % escapes resolved and the installation paths moved to this checkout. */
  function execStart(file: string, replacements: [string, string][]): string {
    const line = substituted(file, [['/opt/tthc-desk/node_modules/.bin/node', process.execPath], ...replacements])
      .split('\n')
      .find((entry) => entry.startsWith('ExecStart='));
    return line!.slice('ExecStart='.length).replaceAll('%%', '%').replaceAll('/opt/tthc-desk/', `${root}/`);
  }

  it('starts the server with the service line and stops it with exit 0 on its KillSignal (SIGTERM)', async () => {
    const dir = tempDir('systemd');
    dirs.push(dir);
    const port = await freePort();
    const command = execStart('tthc-desk-sync.service', [
      ['--port 1234', `--port ${port}`],
      ['--data /var/lib/tthc-desk', `--data ${dir}`],
    ]);
    expect(readFileSync(join(import.meta.dirname, 'tthc-desk-sync.service'), 'utf8')).toMatch(/^KillSignal=SIGTERM$/m);
    const [program, ...args] = command.split(' ');
    const child = spawn(program!, args, { env: { ...process.env, TTHC_DESK_SECRET: testSecret }, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    await waitFor(() => output.includes(`ws://127.0.0.1:${port}`), 'the service line to start the server');
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('the backup service line writes a dated copy usable as --data', async () => {
    const dir = tempDir('systemd-backup');
    dirs.push(dir);
    const dataDir = join(dir, 'data');
    const server = await startSyncServer({ port: 0, dataDir, secret: testSecret });
    await server.close();
    const command = execStart('tthc-desk-backup.service', [
      ['--data /var/lib/tthc-desk', `--data ${dataDir}`],
      ['"/var/backups/tthc-desk/', `"${dir}/backups/`],
    ]);
    const sh = /^\/bin\/sh -c '(.*)'$/.exec(command)![1]!;
    execFileSync('/bin/sh', ['-c', sh], { env: { ...process.env }, stdio: 'ignore' });
    const [copy] = readdirSync(join(dir, 'backups'));
    expect(copy).toMatch(/^\d{4}-\d{2}-\d{2}T\d{4}$/);
    expect(existsSync(join(dir, 'backups', copy!, 'tthc-desk-sync.sqlite'))).toBe(true);
  });
});
