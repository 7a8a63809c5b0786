// An officer's edit reaches the others before the disk does, and nothing the server states rests
// on what it could still lose (room.ts): the store below holds every append until the test lets
// it go, so each step of the update line can be watched while the edit is relayed but unstored.
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startSyncServer, type RunningSyncServer } from './server.ts';
import { SqliteStore } from './sqlite-store.ts';
import { connectSynced, covers, disconnect, HeldStore, tempDir, testSecret, waitFor, waitSaved, type Client } from '../test-support/sync-server.ts';
import { signToken } from './token.ts';

const unit = 'unit-relay';
const token = (user: string) => signToken({ unit, user, role: 'editor' }, testSecret);
const stateVector = (client: Client) => Y.decodeStateVector(Y.encodeStateVector(client.doc));

let server: RunningSyncServer | null = null;
let held: HeldStore | null = null;
let dataDir = '';
const clients: Client[] = [];

afterEach(async () => {
  disconnect(...clients.splice(0));
  held?.release();
  await server?.close();
  server = null;
  rmSync(dataDir, { recursive: true, force: true });
});

async function start(): Promise<HeldStore> {
  dataDir = tempDir('relay');
  const store = new HeldStore(dataDir);
  held = store;
  server = await startSyncServer({ port: 0, dataDir, secret: testSecret }, { store });
  return store;
}

async function officer(user: string): Promise<Client> {
  const client = await connectSynced(server!.url, unit, await token(user), { ack: '1' });
  clients.push(client);
  return client;
}

async function storedTitle(): Promise<unknown> {
  const reader = new SqliteStore(dataDir, { readOnly: true });
  const doc = new Y.Doc();
  for (const update of await reader.load(unit)) Y.applyUpdate(doc, update);
  await reader.close();
  return doc.getMap('board').get('title');
}

describe('an edit relayed before it is stored', () => {
  it('reaches the colleagues and an officer who joins meanwhile, and is acknowledged only once stored', async () => {
    const store = await start();
    const lan = await officer('lan');
    const binh = await officer('binh');
    lan.doc.getMap('board').set('title', 'Kế hoạch quý IV');
    await waitFor(() => binh.doc.getMap('board').get('title') === 'Kế hoạch quý IV', 'Binh to get the edit while it is held');
    await waitFor(() => store.appends > 0, 'the batch to reach the store');
    const chi = await officer('chi');
    await waitFor(() => chi.doc.getMap('board').get('title') === 'Kế hoạch quý IV', 'Chi, joining meanwhile, to get it too');
    expect(covers(lan.saved(), stateVector(lan))).toBe(false);
    expect(await storedTitle()).toBeUndefined();

    store.release();
    await waitSaved(lan);
    expect(await storedTitle()).toBe('Kế hoạch quý IV');
  });

  it('reaches the colleagues intact whatever the frame length encoding (7-bit, 16-bit, 64-bit)', async () => {
    const store = await start();
    store.release();
    const lan = await officer('lan');
    const binh = await officer('binh');
    // Relayed messages are framed by frame.ts, not by ws: updates past 125 and 65,535 bytes take
    // the longer length encodings.
    for (const length of [60, 200, 70_000, 300_000]) {
      const text = 'đ'.repeat(length);
      lan.doc.getMap('board').set(`text-${length}`, text);
      await waitFor(() => binh.doc.getMap('board').get(`text-${length}`) === text, `Binh to get a ${length}-character value`);
    }
  });
});
