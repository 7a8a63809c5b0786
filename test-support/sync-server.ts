// Shared by the sync-server integration tests: real clients (the stock y-websocket provider),
// real child processes, and real redis-server / PostgreSQL instances on free loopback ports.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { afterAll, beforeAll } from 'vitest';
import { messageSavedAck } from '../sync-server/protocol.ts';
import { startSyncServer, type RunningSyncServer } from '../sync-server/server.ts';
import { SqliteStore } from '../sync-server/sqlite-store.ts';
import type { DocumentStore, StoredUpdate } from '../sync-server/store.ts';

export const testSecret = 'integration-test-secret-0123456789';
const root = join(import.meta.dirname, '..');

/**
 * One in-process sync server on `dataDir` for a test file: started before its first test, closed
 * and its data removed after the last; `started` receives it.
 */
export function withSyncServer(dataDir: string, started: (server: RunningSyncServer) => void): void {
  let server: RunningSyncServer | undefined;
  beforeAll(async () => {
    server = await startSyncServer({ port: 0, dataDir, secret: testSecret });
    started(server);
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
}

/** Polls `condition` until it holds, failing with `what` after the deadline. */
export async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `tthc-${prefix}-`));
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== 'object' || !address) throw new Error('no port');
  return address.port;
}

export interface Client {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** With ack=1: the latest "saved on the server" state vector received (contract §8). */
  saved: () => Map<number, number>;
}

/** The stock client exactly as a browser would use it, with `ws` standing in for WebSocket. */
export function connect(url: string, unit: string, token: string, params: Record<string, string> = {}): Client {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(url, unit, doc, {
    params: { token, ...params },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
  });
  let saved = new Map<number, number>();
  provider.messageHandlers[messageSavedAck] = (_encoder, decoder) => {
    saved = Y.decodeStateVector(decoding.readVarUint8Array(decoder));
  };
  return { doc, provider, saved: () => saved };
}

export async function connectSynced(url: string, unit: string, token: string, params: Record<string, string> = {}): Promise<Client> {
  const client = connect(url, unit, token, params);
  await waitFor(() => client.provider.synced, `client of ${unit} to sync`);
  return client;
}

export function disconnect(...clients: Client[]): void {
  for (const { provider, doc } of clients) {
    provider.destroy();
    doc.destroy();
  }
}

/** Waits until the server acknowledged storing everything the client's doc holds. */
export async function waitSaved(client: Client): Promise<void> {
  await waitFor(() => covers(client.saved(), Y.decodeStateVector(Y.encodeStateVector(client.doc))), 'the server to acknowledge storing');
}

export function covers(stored: Map<number, number>, local: Map<number, number>): boolean {
  return [...local].every(([clientId, clock]) => (stored.get(clientId) ?? 0) >= clock);
}

/** Opens a raw websocket and reports how the upgrade ended: a refusal's status and body, or 101. */
export function tryUpgrade(url: string): Promise<{ status: number; body: string; messages: number }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    let messages = 0;
    ws.on('message', () => {
      messages += 1;
    });
    ws.on('unexpected-response', (_request, response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body, messages }));
    });
    ws.on('open', () => {
      // Give the server a moment to send its first sync message so an accepted socket shows it.
      ws.once('message', () => {
        ws.close();
        resolve({ status: 101, body: '', messages });
      });
    });
    ws.on('error', (error) => reject(error));
  });
}

/** A server in its own process, as `tthc-desk serve` runs it; killable with SIGKILL. */
export interface ServerProcess {
  url: string;
  child: ChildProcess;
  exited: Promise<number | null>;
}

export async function spawnServer(dataDir: string, extraArgs: string[] = []): Promise<ServerProcess> {
  const child = spawn(process.execPath, [join(root, 'cli', 'bin.js'), 'serve', '--port', '0', '--data', dataDir, ...extraArgs], {
    env: { ...process.env, TTHC_DESK_SECRET: testSecret },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /ws:\/\/[\d.]+:\d+/.exec(output);
      if (match) resolve(match[0]);
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    exited.then((code) => reject(new Error(`server exited (${code}): ${output}`)));
  });
  return { url, child, exited };
}

export interface ExternalService {
  url: string;
  stop(): Promise<void>;
}

export async function startRedis(): Promise<ExternalService> {
  const port = await freePort();
  const dir = tempDir('redis');
  const child = spawn('/usr/bin/redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  await waitFor(() => output.includes('Ready to accept connections'), 'redis-server to start');
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Debian installs each PostgreSQL major under /usr/lib/postgresql/<major>: use the newest. */
function postgresBin(): string {
  const majors = readdirSync('/usr/lib/postgresql').filter((name) => /^\d+$/.test(name)).sort((a, b) => Number(b) - Number(a));
  if (majors[0] === undefined) throw new Error('PostgreSQL is not installed under /usr/lib/postgresql (apt-get install postgresql).');
  return join('/usr/lib/postgresql', majors[0], 'bin');
}

/** PostgreSQL refuses to run as root, so its cluster belongs to the `postgres` user. */
export async function startPostgres(): Promise<ExternalService> {
  const pgBin = postgresBin();
  const port = await freePort();
  const dir = tempDir('pg');
  const asPostgres = (command: string, args: string[]) => {
    const result = spawnSync('runuser', ['-u', 'postgres', '--', join(pgBin, command), ...args], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
  };
  chownSync(dir, uidOf('postgres'), gidOf('postgres'));
  const data = join(dir, 'data');
  asPostgres('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  asPostgres('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-o', `-p ${port} -k ${dir} -h 127.0.0.1`, 'start']);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  await waitFor(async () => {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return true;
    } catch {
      return false;
    }
  }, 'PostgreSQL to accept connections', 20_000);
  return {
    url,
    async stop() {
      asPostgres('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function uidOf(user: string): number {
  return Number(spawnSync('id', ['-u', user], { encoding: 'utf8' }).stdout.trim());
}

function gidOf(user: string): number {
  return Number(spawnSync('id', ['-g', user], { encoding: 'utf8' }).stdout.trim());
}

export interface Flooder {
  /** Close codes and reasons the flooding client received from the server. */
  closes: { code: number; reason: string }[];
  /** Resolves once every update was made in the flooder's doc (sent or waiting to be resent). */
  sent: Promise<void>;
  stop(): Promise<void>;
}

/** A stock client flooding `unit` from its own process (test-support/flooder.ts). */
export function startFlooder(url: string, unit: string, token: string, count: number, perTurn: number): Flooder {
  const child = spawn(process.execPath, [join(import.meta.dirname, 'flooder.ts'), url, unit, token, String(count), String(perTurn)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const closes: Flooder['closes'] = [];
  let lines = '';
  const sent = new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      lines += chunk.toString();
      for (let end = lines.indexOf('\n'); end >= 0; end = lines.indexOf('\n')) {
        const event = JSON.parse(lines.slice(0, end)) as { closed?: { code: number; reason: string }; sent?: number };
        lines = lines.slice(end + 1);
        if (event.closed) closes.push(event.closed);
        if (event.sent !== undefined) resolve();
      }
    });
    exited.then(() => reject(new Error('the flooder exited early')));
  });
  sent.catch(() => undefined);
  return {
    closes,
    sent,
    async stop() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/** A real SQLite store whose appends wait, while it holds, until released (a failing store: rooms.test.ts). */
export class HeldStore implements DocumentStore {
  readonly shared = false;
  readonly inner: SqliteStore;
  appends = 0;
  #held: (() => void)[] = [];
  #holding: boolean;

  constructor(dataDir: string, { holding = true } = {}) {
    this.inner = new SqliteStore(dataDir);
    this.#holding = holding;
  }

  /** Appends from now on wait for release(). */
  hold(): void {
    this.#holding = true;
  }

  async append(entries: readonly StoredUpdate[]): Promise<void> {
    this.appends += 1;
    if (this.#holding) await new Promise<void>((resolve) => this.#held.push(resolve));
    await this.inner.append(entries);
  }

  release(): void {
    this.#holding = false;
    for (const resolve of this.#held.splice(0)) resolve();
  }

  load = (room: string) => this.inner.load(room);
  compact = (room: string) => this.inner.compact(room);
  history = (room: string) => this.inner.history(room);
  rooms = () => this.inner.rooms();
  close = () => this.inner.close();
}
