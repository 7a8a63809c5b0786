// One editor cannot stall the server: a flood of updates is metered per connection (slowed, then
// closed with a reason the stock client reports) and work per update stays constant, so another
// unit's edits, /healthz and a newcomer's join go on; a room past its quota refuses clearly.
// The server runs in its own process, as `tthc-desk serve` does, with its default limits.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyncServer } from './server.ts';
import { connectSynced, disconnect, spawnServer, startFlooder, tempDir, testSecret, waitFor, waitSaved, type ServerProcess } from '../test-support/sync-server.ts';
import { signToken } from './token.ts';

const token = (unit: string, user: string) => signToken({ unit, user, role: 'editor' }, testSecret);
const floodSize = 100_000;
const oneSecond = 1000;

describe('a flood of updates from one editor', () => {
  let server: ServerProcess;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = tempDir('flood');
    server = await spawnServer(dataDir);
  });
  afterAll(async () => {
    server.child.kill('SIGTERM');
    await server.exited;
    rmSync(dataDir, { recursive: true, force: true });
  });

  const metric = async (name: string) => {
    const text = await (await fetch(`${server.url.replace('ws://', 'http://')}/metrics`)).text();
    const line = text.split('\n').find((candidate) => candidate.startsWith(`${name} `));
    return Number(line?.slice(name.length + 1) ?? 0);
  };

  it(`${floodSize.toLocaleString('en')} updates: another unit’s delivery p99, /healthz and a new join each stay under a second; the flooder is slowed, then closed with its reason`, async () => {
    const healthz = `${server.url.replace('ws://', 'http://')}/healthz`;
    const sender = await connectSynced(server.url, 'unit-calm', await token('unit-calm', 'lan'));
    const receiver = await connectSynced(server.url, 'unit-calm', await token('unit-calm', 'binh'));

    // The calm unit: one edit every 50 ms, timed from the sender's set to the receiver's observe.
    const sentAt = new Map<string, number>();
    const latencies: number[] = [];
    receiver.doc.getMap<number>('calm').observe((event) => {
      for (const key of event.keysChanged) latencies.push(performance.now() - sentAt.get(key)!);
    });
    let calmEdits = 0;
    const calm = setInterval(() => {
      const key = String(calmEdits++);
      sentAt.set(key, performance.now());
      sender.doc.getMap<number>('calm').set(key, calmEdits);
    }, 50);

    // /healthz, asked one request after another throughout.
    const healthTimes: number[] = [];
    let polling = true;
    const polls = (async () => {
      while (polling) {
        const started = performance.now();
        const response = await fetch(healthz);
        healthTimes.push(performance.now() - started);
        expect(response.status).toBe(200);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();

    // The flood, from its own process: every update a new key, 2,000 per turn of its event loop.
    const flooder = startFlooder(server.url, 'unit-flood', await token('unit-flood', 'flooder'), floodSize, 2000);
    await waitFor(async () => (await metric('tthc_sync_throttled_total')) > 0, 'the flooder to be slowed', 30_000);
    const newcomerToken = await token('unit-new', 'newcomer');
    const joinStarted = performance.now();
    const newcomer = await connectSynced(server.url, 'unit-new', newcomerToken);
    const joinMs = performance.now() - joinStarted;
    disconnect(newcomer);
    await flooder.sent;
    await waitFor(() => flooder.closes.length > 0, 'the flooder to be closed', 60_000);
    clearInterval(calm);
    await waitFor(() => latencies.length === calmEdits, 'every calm edit to arrive', 30_000);
    polling = false;
    await polls;

    latencies.sort((a, b) => a - b);
    const p99 = latencies[Math.floor(latencies.length * 0.99)]!;
    expect(calmEdits).toBeGreaterThan(20);
    expect(p99).toBeLessThan(oneSecond);
    expect(Math.max(...healthTimes)).toBeLessThan(oneSecond);
    expect(joinMs).toBeLessThan(oneSecond);
    expect(flooder.closes[0]).toEqual({ code: 4529, reason: 'too many updates' });

    // Slowed first: far fewer updates were taken than sent, then closed, and its reconnection
    // refused during the cooldown (the stock client resends everything once that is over).
    expect(await metric('tthc_sync_updates_in_total')).toBeLessThan(floodSize / 2);
    await waitFor(async () => (await metric('tthc_sync_refused_connections_total{reason="too_many_updates"}')) > 0, 'the flooder’s reconnection to be refused');
    expect(await metric('tthc_sync_flooding_closed_total')).toBe(1);
    await flooder.stop();
    disconnect(sender, receiver);
  }, 180_000);
});

describe('the room quota', () => {
  it('refuses an update that would pass the quota with 4413 "room quota exceeded"; the stock client stops, nothing of it is stored, other rooms go on', async () => {
    const dataDir = tempDir('quota');
    const server = await startSyncServer({ port: 0, dataDir, secret: testSecret, limits: { roomQuotaBytes: 16 * 1024 } });
    const writer = await connectSynced(server.url, 'unit-full', await token('unit-full', 'lan'), { ack: '1' });
    writer.doc.getText('notes').insert(0, 'a'.repeat(10 * 1024));
    await waitSaved(writer);
    let final: { code: number; reason: string } | null = null;
    writer.provider.on('closed', (event) => {
      final = event;
    });
    writer.doc.getText('notes').insert(0, 'b'.repeat(10 * 1024));
    await waitFor(() => final !== null, 'the writer to be refused');
    expect(final).toEqual({ code: 4413, reason: 'room quota exceeded' });

    const reader = await connectSynced(server.url, 'unit-full', await token('unit-full', 'binh'));
    expect(reader.doc.getText('notes').toString()).toBe('a'.repeat(10 * 1024));
    const other = await connectSynced(server.url, 'unit-other', await token('unit-other', 'lan'), { ack: '1' });
    other.doc.getText('notes').insert(0, 'vẫn lưu được');
    await waitSaved(other);
    const metrics = await (await fetch(`${server.url.replace('ws://', 'http://')}/metrics`)).text();
    expect(metrics).toMatch(/^tthc_sync_quota_refused_total 1$/m);
    disconnect(writer, reader, other);
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
});
