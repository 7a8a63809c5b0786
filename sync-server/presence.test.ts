// Presence follows y-protocols' awareness rules, so stock clients agree with the server on who
// is here; checked against the real Awareness implementation and with the stock client.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { Presence, presenceTimeoutMs } from './presence.ts';
import { startSyncServer, type RunningSyncServer } from './server.ts';
import { connectSynced, disconnect, tempDir, testSecret, waitFor } from './test-support.ts';
import { signToken } from './token.ts';

const officer = () => new Awareness(new Y.Doc());

describe('Presence table', () => {
  it('keeps the newest state per officer and ignores an older clock', () => {
    const lan = officer();
    const presence = new Presence();
    lan.setLocalState({ name: 'Lan', editing: 'task-1' });
    const older = encodeAwarenessUpdate(lan, [lan.clientID]);
    lan.setLocalState({ name: 'Lan', editing: 'task-2' });
    expect(presence.apply(encodeAwarenessUpdate(lan, [lan.clientID]))?.present).toEqual([lan.clientID]);
    expect(presence.apply(older)).toBeNull();
    const mirror = officer();
    applyAwarenessUpdate(mirror, presence.snapshot()!, 'server');
    expect(mirror.getStates().get(lan.clientID)).toEqual({ name: 'Lan', editing: 'task-2' });
  });

  it('relays a removal that the stock Awareness accepts, and expires unrenewed presence', () => {
    const lan = officer();
    lan.setLocalState({ name: 'Lan' });
    const presence = new Presence();
    presence.apply(encodeAwarenessUpdate(lan, [lan.clientID]), 0);
    const mirror = officer();
    applyAwarenessUpdate(mirror, presence.snapshot()!, 'server');
    applyAwarenessUpdate(mirror, presence.remove([lan.clientID])!, 'server');
    expect(mirror.getStates().has(lan.clientID)).toBe(false);

    const binh = officer();
    binh.setLocalState({ name: 'Bình' });
    presence.apply(encodeAwarenessUpdate(binh, [binh.clientID]), 1000);
    expect(presence.expire(1000 + presenceTimeoutMs - 1)).toBeNull();
    expect(presence.expire(1000 + presenceTimeoutMs)).not.toBeNull();
    expect(presence.snapshot()).toBeNull();
  });

  it('accepts a removal the client sent itself, at the same clock', () => {
    const lan = officer();
    lan.setLocalState({ name: 'Lan' });
    const presence = new Presence();
    presence.apply(encodeAwarenessUpdate(lan, [lan.clientID]));
    removeAwarenessStates(lan, [lan.clientID], 'leaving');
    expect(presence.apply(encodeAwarenessUpdate(lan, [lan.clientID]))?.gone).toEqual([lan.clientID]);
  });

  it('throws on presence that is not JSON', () => {
    expect(() => new Presence().apply(new Uint8Array([1, 5, 1, 3, 0x7b, 0x7b, 0x7b]))).toThrow();
  });
});

describe('presence between officers of one server', () => {
  let server: RunningSyncServer;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = tempDir('presence');
    server = await startSyncServer({ port: 0, dataDir, secret: testSecret });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows who is on the board, a latecomer sees those already there, and leaving removes them', async () => {
    const token = (user: string) => signToken({ unit: 'unit-pr', user, role: 'viewer' }, testSecret);
    const lan = await connectSynced(server.url, 'unit-pr', await token('lan'));
    lan.provider.awareness.setLocalStateField('user', { name: 'Lan' });
    const binh = await connectSynced(server.url, 'unit-pr', await token('binh'));
    const nameOf = (viewer: typeof lan, id: number) => (viewer.provider.awareness.getStates().get(id) as { user?: { name: string } } | undefined)?.user?.name;
    await waitFor(() => nameOf(binh, lan.doc.clientID) === 'Lan', 'the latecomer to see Lan');
    binh.provider.awareness.setLocalStateField('user', { name: 'Bình' });
    await waitFor(() => nameOf(lan, binh.doc.clientID) === 'Bình', 'Lan to see Bình');
    const leaving = binh.doc.clientID;
    disconnect(binh);
    await waitFor(() => !lan.provider.awareness.getStates().has(leaving), 'Bình to leave Lan’s view');
    disconnect(lan);
  });
});
