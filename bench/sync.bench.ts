// `npm run bench:sync`: the same load against this sync server and the reference
// @y/websocket-server, each in its own child process so CPU and RSS are its own, in one run.
// Load: CLIENTS raw y-websocket-protocol clients over ROOMS rooms, each sending one small Yjs
// update RATE times a second for SECONDS; every other client of the room must receive it.
// Reported per server: updates delivered per second, fan-out latency p50/p99 (send → receive at
// each other client), server CPU and RSS, and memory per idle room (IDLE_ROOMS rooms, each with
// one small document and one connected officer). This server relays each update on receipt and
// stores it durably (SQLite, group commit, WAL flushed with fdatasync) before acknowledging it;
// the reference keeps memory only.
// Targets: throughput ≥ reference, p99 ≤ reference, CPU ≤ reference, peak RSS ≤ reference,
// memory per idle room < reference. This server runs with its default settings, every client
// from one address (one officer per client), and the reconnection storm is timed: CLIENTS stock
// clients connected, the server restarted, all back within 30 s with the stock client's backoff.
// The machine is shared, so each server runs ROUNDS (5) times, alternating which goes first, and
// the table shows medians (the rounds are printed too): with 3, one noisy round of each could
// decide a p99 verdict within a few percent. Scale with env: CLIENTS, ROOMS, RATE,
// SECONDS, ROUNDS, IDLE_ROOMS, IDLE_SECONDS. Diagnostics: TRACE_SPIKES=1 prints where each burst of
// slow deliveries came from (bench/spike-trace.ts); CPU_PROF=DIR writes a CPU profile of this
// server per round into DIR (Node's --cpu-prof, sampled every 250 µs).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { encodeUpdate } from '../sync-server/protocol.ts';
import { signToken } from '../sync-server/token.ts';
import { SpikeTrace, type ServerPauses } from './spike-trace.ts';

const setting = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const CLIENTS = setting('CLIENTS', 1000);
const ROOMS = setting('ROOMS', 100);
const RATE = setting('RATE', 1);
const SECONDS = setting('SECONDS', 10);
const IDLE_ROOMS = setting('IDLE_ROOMS', 1000);
const WARMUP_SECONDS = 2;
const IDLE_SECONDS = setting('IDLE_SECONDS', 16);
const ROUNDS = setting('ROUNDS', 5);
const root = join(import.meta.dirname, '..');
const secret = 'bench-secret-0123456789abcdefghij';
const ticksPerSecond = 100;
const probe = ['--expose-gc', '--import', join(import.meta.dirname, 'memory-probe.ts')];

/** Live memory after a full garbage collection in the server process (bench/memory-probe.ts). */
function liveBytes(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    child.once('message', (usage: { heapUsed: number; external: number }) => resolve(usage.heapUsed + usage.external));
    child.send('measure');
  });
}

interface ServerUnderTest {
  name: string;
  child: ChildProcess;
  url: string;
  /** The query string the `index`th client must add to reach a room (one officer each). */
  query(room: string, index: number): Promise<string>;
  /** Where the server reports its own figures, if it does. */
  metricsUrl?: string;
  cleanup(): void;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

function waitForOutput(child: ChildProcess, pattern: RegExp): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let output = '';
    const look = (chunk: Buffer) => {
      output += chunk.toString();
      const match = pattern.exec(output);
      if (match) resolve(match);
    };
    child.stdout!.on('data', look);
    child.stderr!.on('data', look);
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${output}`)));
  });
}

/** This server with its default settings (admission limits included), as `tthc-desk serve` runs. */
async function spawnOurs(dataDir: string, port = 0): Promise<{ child: ChildProcess; url: string }> {
  const profile = process.env.CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.CPU_PROF}`, '--cpu-prof-interval=250'] : [];
  const child = spawn(process.execPath, [...probe, ...profile, join(root, 'cli', 'bin.js'), 'serve', '--port', String(port), '--data', dataDir], {
    env: { ...process.env, TTHC_DESK_SECRET: secret },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const [url] = await waitForOutput(child, /ws:\/\/[\d.]+:\d+/);
  return { child, url };
}

const tokens = new Map<string, Promise<string>>();
/** Every client is its own officer (the server caps connections per user). */
function officerToken(room: string, index: number): Promise<string> {
  const key = `${room}/${index}`;
  if (!tokens.has(key)) tokens.set(key, signToken({ unit: room, user: `officer-${index}`, role: 'editor' }, secret));
  return tokens.get(key)!;
}

async function startOurs(): Promise<ServerUnderTest> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tthc-bench-'));
  const { child, url } = await spawnOurs(dataDir);
  return {
    name: 'tthc-desk sync-server (durable)',
    child,
    url,
    metricsUrl: `${url.replace('ws://', 'http://')}/metrics`,
    query: async (room, index) => `?token=${await officerToken(room, index)}`,
    cleanup: () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

async function startReference(): Promise<ServerUnderTest> {
  const port = await freePort();
  const child = spawn(process.execPath, [...probe, join(root, 'node_modules', '@y', 'websocket-server', 'src', 'server.js')], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  await waitForOutput(child, /running at/);
  return { name: '@y/websocket-server 0.1.1 (memory only)', child, url: `ws://127.0.0.1:${port}`, query: async () => '', cleanup: () => undefined };
}

/** CPU seconds (user + system) the process has used so far. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
}

function memoryKiB(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
}

/** The server's event-loop gaps and GC pauses so far (TRACE_SPIKES: bench/memory-probe.ts records them). */
function serverPauses(child: ChildProcess): Promise<ServerPauses> {
  return new Promise((resolve) => {
    child.once('message', (pauses: ServerPauses) => resolve(pauses));
    child.send('pauses');
  });
}

/** A lean client speaking the y-websocket protocol; the receive side only reads update metadata. */
class LoadClient {
  readonly doc = new Y.Doc();
  readonly ws: WebSocket;
  synced = false;
  #pendingUpdate: Uint8Array | null = null;

  constructor(url: string, onDelivery: (receiver: LoadClient, update: Uint8Array) => void) {
    this.ws = new WebSocket(url, { perMessageDeflate: false });
    this.ws.binaryType = 'nodebuffer';
    this.doc.on('update', (update: Uint8Array) => {
      this.#pendingUpdate = update;
    });
    this.ws.on('open', () => this.ws.send(Buffer.from([0, 0, 1, 0]))); // sync step 1 with an empty state vector
    this.ws.on('error', () => undefined);
    this.ws.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(data);
      if (decoding.readVarUint(decoder) !== 0) return;
      const step = decoding.readVarUint(decoder);
      if (step === 1) this.synced = true;
      if (step === 1 || step === 2) onDelivery(this, decoding.readVarUint8Array(decoder));
    });
  }

  /** Appends one number; the bytes sent are the Yjs update of exactly that edit. */
  edit(value: number): { clock: number } {
    const clock = Y.getState(this.doc.store, this.doc.clientID);
    this.doc.getArray<number>('log').push([value]);
    if (this.#pendingUpdate) this.ws.send(encodeUpdate(this.#pendingUpdate));
    this.#pendingUpdate = null;
    return { clock };
  }
}

async function waitUntil(condition: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Result {
  delivered: number;
  expected: number;
  updatesPerSecond: number;
  /** How long the bench took to send the measured updates (SECONDS when it kept up). */
  sendingSeconds: number;
  /** Mean time to store one batch durably (group commit), from the server's own /metrics. */
  storeMs: number;
  /** p99 of storing one batch, as the upper bound of its histogram bucket. */
  storeP99Ms: number;
  p50: number;
  p99: number;
  cpuPercent: number;
  rssMiB: number;
  peakRssMiB: number;
  /** Where the memory goes: RSS at start, peak once the idle rooms were measured, live heap + external after the load. */
  startRssMiB: number;
  idlePeakRssMiB: number;
  liveMiB: number;
  /** Live heap + external bytes after a full GC, per idle room. */
  perIdleRoomKiB: number;
  perIdleRoomRssKiB: number;
}

/** Mean and p99 (as a histogram bucket bound) of storing one batch, from the server's /metrics. */
async function storeLatency(metricsUrl: string): Promise<{ meanMs: number; p99Ms: number }> {
  const text = await (await fetch(metricsUrl)).text();
  const figure = (name: string) => Number(new RegExp(`^${name} (\\S+)`, 'm').exec(text)?.[1]);
  const count = figure('tthc_sync_store_latency_seconds_count');
  const buckets = [...text.matchAll(/^tthc_sync_store_latency_seconds_bucket\{le="([^"]+)"\} (\d+)/gm)];
  const p99 = buckets.find(([, , cumulative]) => Number(cumulative) >= 0.99 * count)?.[1] ?? 'NaN';
  return { meanMs: (figure('tthc_sync_store_latency_seconds_sum') / count) * 1000, p99Ms: Number(p99) * 1000 };
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function connectAll(server: ServerUnderTest, rooms: string[], onDelivery: (receiver: LoadClient, update: Uint8Array) => void): Promise<LoadClient[]> {
  const clients: LoadClient[] = [];
  for (let i = 0; i < rooms.length; i += 50) {
    const batch = await Promise.all(rooms.slice(i, i + 50).map(async (room, j) => new LoadClient(`${server.url}/${room}${await server.query(room, i + j)}`, onDelivery)));
    clients.push(...batch);
    await waitUntil(() => batch.every((client) => client.synced), 'clients to sync');
  }
  return clients;
}

/** Memory one idle room costs, measured on the fresh server before any load. */
async function measureIdleRooms(server: ServerUnderTest): Promise<{ perIdleRoomKiB: number; perIdleRoomRssKiB: number }> {
  const pid = server.child.pid!;
  await sleep(500);
  const rssBefore = memoryKiB(pid, 'VmRSS');
  const liveBefore = await liveBytes(server.child);
  const idlers = await connectAll(server, Array.from({ length: IDLE_ROOMS }, (_, i) => `idle-room-${i}`), () => undefined);
  for (const idler of idlers) idler.edit(1);
  // Idle = no edit for IDLE_SECONDS: long enough for this server's hibernation (10 s + upkeep).
  await sleep(IDLE_SECONDS * 1000);
  const perIdleRoomRssKiB = (memoryKiB(pid, 'VmRSS') - rssBefore) / IDLE_ROOMS;
  const perIdleRoomKiB = ((await liveBytes(server.child)) - liveBefore) / 1024 / IDLE_ROOMS;
  for (const idler of idlers) idler.ws.terminate();
  return { perIdleRoomKiB, perIdleRoomRssKiB };
}

async function measure(server: ServerUnderTest, withIdleRooms: boolean): Promise<Result> {
  const pid = server.child.pid!;
  const startRssMiB = memoryKiB(pid, 'VmRSS') / 1024;
  const idle = withIdleRooms ? await measureIdleRooms(server) : { perIdleRoomKiB: NaN, perIdleRoomRssKiB: NaN };
  const idlePeakRssMiB = memoryKiB(pid, 'VmHWM') / 1024;
  const sentAt = new Map<number, Float64Array>();
  let measuring = false;
  let lastDelivery = 0;
  let delivered = 0;
  let expected = 0;
  const latencies: number[] = [];
  const trace = process.env.TRACE_SPIKES ? new SpikeTrace(pid) : null;
  const onDelivery = (receiver: LoadClient, update: Uint8Array) => {
    const now = performance.now();
    const { from, to } = Y.parseUpdateMeta(update);
    for (const [clientId, start] of from) {
      const times = sentAt.get(clientId);
      if (!times || clientId === receiver.doc.clientID) continue;
      for (let clock = start; clock < to.get(clientId)!; clock += 1) {
        const sent = times[clock];
        if (!measuring || sent === undefined || sent === 0) continue;
        delivered += 1;
        lastDelivery = now;
        latencies.push(now - sent);
        trace?.delivery(now, now - sent);
      }
    }
  };
  const rooms = Array.from({ length: CLIENTS }, (_, i) => `bench-room-${i % ROOMS}`);
  const clients = await connectAll(server, rooms, onDelivery);
  const capacity = Math.ceil(RATE * (SECONDS + WARMUP_SECONDS + 5)) + 10;
  for (const client of clients) sentAt.set(client.doc.clientID, new Float64Array(capacity));
  const receiversPerUpdate = CLIENTS / ROOMS - 1;

  // One timer paces every client: RATE updates a second each, spread evenly. The count owed is
  // computed from the clock, so a late timer sends its backlog and both servers get the same total.
  const total = CLIENTS * RATE * SECONDS;
  const warmup = CLIENTS * RATE * WARMUP_SECONDS;
  let next = 0;
  let sequence = 0;
  let began = 0;
  const pacingStart = performance.now();
  let cpuBefore = 0;
  const pacer = setInterval(() => {
    if (measuring) trace?.sample();
    const owed = Math.min(warmup + total, Math.floor(((performance.now() - pacingStart) / 1000) * CLIENTS * RATE));
    for (; sequence < owed; sequence += 1) {
      if (sequence === warmup) {
        measuring = true;
        began = performance.now();
        cpuBefore = cpuSeconds(pid);
      }
      const client = clients[next]!;
      next = (next + 1) % clients.length;
      const { clock } = client.edit(sequence);
      const times = sentAt.get(client.doc.clientID)!;
      if (clock < times.length) times[clock] = measuring ? performance.now() : 0;
      if (measuring) expected += receiversPerUpdate;
    }
    if (sequence >= warmup + total) clearInterval(pacer);
  }, 10);
  await waitUntil(() => sequence >= warmup + total, 'every update to be sent', (WARMUP_SECONDS + SECONDS) * 1000 + 60_000);
  const sendingSeconds = (performance.now() - began) / 1000;
  await waitUntil(() => delivered >= expected, 'every update to be delivered', 30_000).catch(() => undefined);
  const cpuUsed = cpuSeconds(pid) - cpuBefore;
  const elapsed = (lastDelivery - began) / 1000;
  measuring = false;
  const store = server.metricsUrl ? await storeLatency(server.metricsUrl) : { meanMs: NaN, p99Ms: NaN };
  const rssMiB = memoryKiB(pid, 'VmRSS') / 1024;
  const peakRssMiB = memoryKiB(pid, 'VmHWM') / 1024;
  const liveMiB = (await liveBytes(server.child)) / 1024 / 1024;
  if (trace) trace.report(server.name, await serverPauses(server.child));
  for (const client of clients) client.ws.terminate();

  const sorted = Float64Array.from(latencies).sort();
  return {
    delivered,
    expected,
    updatesPerSecond: delivered / elapsed,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    sendingSeconds,
    storeMs: store.meanMs,
    storeP99Ms: store.p99Ms,
    cpuPercent: (cpuUsed / elapsed) * 100,
    rssMiB,
    peakRssMiB,
    startRssMiB,
    idlePeakRssMiB,
    liveMiB,
    ...idle,
  };
}

async function run(start: () => Promise<ServerUnderTest>, withIdleRooms: boolean): Promise<{ name: string; result: Result }> {
  const server = await start();
  try {
    return { name: server.name, result: await measure(server, withIdleRooms) };
  } finally {
    const exited = new Promise((resolve) => server.child.once('exit', resolve));
    server.child.kill('SIGTERM');
    await exited;
    server.cleanup();
  }
}

/**
 * The reconnection storm: CLIENTS stock y-websocket clients (one officer each, all from this
 * machine's one address) connect to this server at once; then it restarts on the same port and
 * data, and every client comes back with the stock client's own backoff. Timed from the restart
 * command to the last client synced again (the server's start included).
 */
async function reconnectionStorm(): Promise<{ connectSeconds: number; stopSeconds: number; startSeconds: number; reconnectSeconds: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tthc-bench-storm-'));
  // The stock client adds one process 'exit' listener per provider.
  process.setMaxListeners(CLIENTS + 10);
  let ours = await spawnOurs(dataDir);
  const port = Number(new URL(ours.url).port);
  const stop = async () => {
    const exited = new Promise((resolve) => ours.child.once('exit', resolve));
    ours.child.kill('SIGTERM');
    await exited;
  };
  const officers = await Promise.all(
    Array.from({ length: CLIENTS }, async (_, i) => {
      const room = `bench-room-${i % ROOMS}`;
      const doc = new Y.Doc();
      const provider = new WebsocketProvider(ours.url, room, doc, {
        params: { token: await officerToken(room, i) },
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
      });
      return { doc, provider };
    }),
  );
  const allSynced = () => officers.every(({ provider }) => provider.synced);
  try {
    const connecting = performance.now();
    await waitUntil(allSynced, 'every officer to connect', 120_000);
    const connectSeconds = (performance.now() - connecting) / 1000;
    for (const { doc } of officers) doc.getArray<number>('log').push([1]);
    const restarting = performance.now();
    await stop();
    const stopped = performance.now();
    ours = await spawnOurs(dataDir, port);
    const started = performance.now();
    await waitUntil(allSynced, 'every officer to reconnect', 120_000);
    const seconds = (from: number, to: number) => (to - from) / 1000;
    return {
      connectSeconds,
      stopSeconds: seconds(restarting, stopped),
      startSeconds: seconds(stopped, started),
      reconnectSeconds: seconds(restarting, performance.now()),
    };
  } finally {
    for (const { doc, provider } of officers) {
      provider.destroy();
      doc.destroy();
    }
    await stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Per figure, the median over rounds (idle-room figures come from the first round only). */
function medianResult(results: Result[]): Result {
  const median = (pick: (r: Result) => number) => {
    const values = results.map(pick).filter(Number.isFinite).sort((a, b) => a - b);
    return values.length === 0 ? NaN : values[Math.floor((values.length - 1) / 2)]!;
  };
  return {
    delivered: median((r) => r.delivered),
    expected: median((r) => r.expected),
    updatesPerSecond: median((r) => r.updatesPerSecond),
    sendingSeconds: median((r) => r.sendingSeconds),
    storeMs: median((r) => r.storeMs),
    storeP99Ms: median((r) => r.storeP99Ms),
    p50: median((r) => r.p50),
    p99: median((r) => r.p99),
    cpuPercent: median((r) => r.cpuPercent),
    rssMiB: median((r) => r.rssMiB),
    peakRssMiB: median((r) => r.peakRssMiB),
    startRssMiB: median((r) => r.startRssMiB),
    idlePeakRssMiB: median((r) => r.idlePeakRssMiB),
    liveMiB: median((r) => r.liveMiB),
    perIdleRoomKiB: results[0]!.perIdleRoomKiB,
    perIdleRoomRssKiB: results[0]!.perIdleRoomRssKiB,
  };
}

console.log(
  `sync bench: ${CLIENTS} clients over ${ROOMS} rooms, ${RATE} updates/s each for ${SECONDS} s (after ${WARMUP_SECONDS} s warm-up), ` +
    `${ROUNDS} rounds alternating which server goes first; ${IDLE_ROOMS} idle rooms (one small doc and one connection each, ` +
    `measured after ${IDLE_SECONDS} s without an edit)`,
);
const referenceRuns: Result[] = [];
const ourRuns: Result[] = [];
let referenceName = '';
let ourName = '';
for (let round = 0; round < ROUNDS; round += 1) {
  const order = round % 2 === 0 ? (['reference', 'ours'] as const) : (['ours', 'reference'] as const);
  for (const which of order) {
    const { name, result } = await run(which === 'reference' ? startReference : startOurs, round === 0);
    if (which === 'reference') {
      referenceName = name;
      referenceRuns.push(result);
    } else {
      ourName = name;
      ourRuns.push(result);
    }
    console.log(
      `round ${round + 1} ${which.padEnd(9)}: ${result.updatesPerSecond.toFixed(0)} updates/s, p50 ${result.p50.toFixed(2)} ms, p99 ${result.p99.toFixed(2)} ms, ` +
        `store p99 ≤ ${result.storeP99Ms} ms, CPU ${result.cpuPercent.toFixed(1)} %, RSS at start ${result.startRssMiB.toFixed(0)} MiB, ` +
        `peak after idle rooms ${result.idlePeakRssMiB.toFixed(0)} MiB, peak ${result.peakRssMiB.toFixed(0)} MiB, live after load ${result.liveMiB.toFixed(0)} MiB, ` +
        `load average ${loadavg()[0]!.toFixed(2)}`,
    );
  }
}
const storm = await reconnectionStorm();
const reference = { name: referenceName, result: medianResult(referenceRuns) };
const ours = { name: ourName, result: medianResult(ourRuns) };

const fmt = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
const rows: [string, (r: Result) => string][] = [
  ['updates delivered/s', (r) => fmt(r.updatesPerSecond, 0)],
  ['delivered / expected', (r) => `${r.delivered} / ${r.expected}`],
  ['seconds to send (target SECONDS)', (r) => fmt(r.sendingSeconds, 2)],
  ['fan-out latency p50 (ms)', (r) => fmt(r.p50, 2)],
  ['fan-out latency p99 (ms)', (r) => fmt(r.p99, 2)],
  ['mean durable store per batch (ms)', (r) => fmt(r.storeMs, 2)],
  ['p99 durable store per batch (ms, ≤)', (r) => fmt(r.storeP99Ms, 1)],
  ['server CPU (% of one core)', (r) => fmt(r.cpuPercent)],
  ['server RSS after load (MiB)', (r) => fmt(r.rssMiB)],
  ['server peak RSS (MiB)', (r) => fmt(r.peakRssMiB)],
  ['memory per idle room (KiB, live)', (r) => fmt(r.perIdleRoomKiB)],
  ['memory per idle room (KiB, RSS)', (r) => fmt(r.perIdleRoomRssKiB)],
];
const width = 34;
console.log(`\nmedian of ${ROUNDS} rounds\n${'metric'.padEnd(width)}${'reference'.padStart(16)}${'tthc-desk'.padStart(16)}${'ratio'.padStart(10)}`);
const ratio = (a: number, b: number) => fmt(a / b, 2);
const ratios: Record<string, string> = {
  'updates delivered/s': ratio(ours.result.updatesPerSecond, reference.result.updatesPerSecond),
  'fan-out latency p50 (ms)': ratio(ours.result.p50, reference.result.p50),
  'fan-out latency p99 (ms)': ratio(ours.result.p99, reference.result.p99),
  'server CPU (% of one core)': ratio(ours.result.cpuPercent, reference.result.cpuPercent),
  'server RSS after load (MiB)': ratio(ours.result.rssMiB, reference.result.rssMiB),
  'server peak RSS (MiB)': ratio(ours.result.peakRssMiB, reference.result.peakRssMiB),
  'memory per idle room (KiB, live)': ratio(ours.result.perIdleRoomKiB, reference.result.perIdleRoomKiB),
  'memory per idle room (KiB, RSS)': ratio(ours.result.perIdleRoomRssKiB, reference.result.perIdleRoomRssKiB),
};
for (const [label, value] of rows) {
  console.log(`${label.padEnd(width)}${value(reference.result).padStart(16)}${value(ours.result).padStart(16)}${(ratios[label] ?? '').padStart(10)}`);
}
console.log(`\nreference: ${reference.name}; tthc-desk: ${ours.name}`);
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
console.log(`throughput ≥ reference: ${verdict(ours.result.updatesPerSecond >= reference.result.updatesPerSecond * 0.99)}`);
console.log(`p99 ≤ reference: ${verdict(ours.result.p99 <= reference.result.p99)}`);
console.log(`memory per idle room < reference: ${verdict(ours.result.perIdleRoomKiB < reference.result.perIdleRoomKiB)}`);
console.log(`peak RSS ≤ reference: ${verdict(ours.result.peakRssMiB <= reference.result.peakRssMiB)}`);
console.log(`CPU ≤ reference: ${verdict(ours.result.cpuPercent <= reference.result.cpuPercent)}`);
console.log(`every update delivered: ${verdict(ours.result.delivered >= ours.result.expected)}`);
console.log(
  `reconnection storm (default settings, every client from one address): ${CLIENTS} stock clients connected in ${fmt(storm.connectSeconds, 1)} s; ` +
    `after a restart all reconnected in ${fmt(storm.reconnectSeconds, 1)} s (target ≤ 30 s: ${verdict(storm.reconnectSeconds <= 30)}: ` +
    `stopping ${fmt(storm.stopSeconds, 1)} s, starting ${fmt(storm.startSeconds, 1)} s, the rest reconnecting); load average ${loadavg()[0]!.toFixed(2)}`,
);
