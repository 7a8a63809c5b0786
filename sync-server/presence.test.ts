// Presence follows y-protocols' awareness rules, so stock clients agree with the server on who
// is here; checked against the real Awareness implementation and with the stock client.
import { describe, expect, it } from 'vitest';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { encodeAwareness } from './protocol.ts';
import { Presence, presenceTimeoutMs, type PresenceAuthor } from './presence.ts';
import type { RunningSyncServer } from './server.ts';
import { connectSynced, disconnect, tempDir, testSecret, waitFor, withSyncServer } from '../test-support/sync-server.ts';
import { signToken } from './token.ts';

const officer = () => new Awareness(new Y.Doc());
const author = (sub: string, role = 'editor'): PresenceAuthor => ({ sub, role, ids: new Set() });

describe('Presence table', () => {
  it('keeps the newest state per officer and ignores an older clock', () => {
    const lan = officer();
    const presence = new Presence();
    const lanAuthor = author('lan');
    lan.setLocalState({ name: 'Lan', editing: 'task-1' });
    const older = encodeAwarenessUpdate(lan, [lan.clientID]);
    lan.setLocalState({ name: 'Lan', editing: 'task-2' });
    expect(presence.apply(encodeAwarenessUpdate(lan, [lan.clientID]), lanAuthor).payload).not.toBeNull();
    expect(lanAuthor.ids).toEqual(new Set([lan.clientID]));
    expect(presence.apply(older, lanAuthor)).toEqual({ payload: null, refused: 0 });
    const mirror = officer();
    applyAwarenessUpdate(mirror, presence.snapshot()!, 'server');
    expect(mirror.getStates().get(lan.clientID)).toEqual({ name: 'Lan', editing: 'task-2', user: { sub: 'lan', role: 'editor' } });
  });

  it('stamps each state with the token’s user and role, over whatever the client wrote there', () => {
    const binh = officer();
    binh.setLocalState({ name: 'Bình', user: { sub: 'director', role: 'editor' } });
    const presence = new Presence();
    presence.apply(encodeAwarenessUpdate(binh, [binh.clientID]), author('binh', 'viewer'));
    const mirror = officer();
    applyAwarenessUpdate(mirror, presence.snapshot()!, 'server');
    expect(mirror.getStates().get(binh.clientID)).toEqual({ name: 'Bình', user: { sub: 'binh', role: 'viewer' } });
  });

  it('refuses a change to another officer’s state, from a viewer or an editor, and a removal of it', () => {
    const lan = officer();
    lan.setLocalState({ name: 'Lan' });
    const presence = new Presence();
    presence.apply(encodeAwarenessUpdate(lan, [lan.clientID]), author('lan'));
    const before = presence.snapshot();
    // A forger copies Lan's client id and outbids her clock.
    const forged = officer();
    forged.clientID = lan.clientID;
    for (let i = 0; i < 5; i += 1) forged.setLocalState({ name: 'Giám đốc' });
    for (const forger of [author('mallory', 'viewer'), author('eve', 'editor')]) {
      expect(presence.apply(encodeAwarenessUpdate(forged, [lan.clientID]), forger)).toEqual({ payload: null, refused: 1 });
      removeAwarenessStates(forged, [lan.clientID], 'forger');
      expect(presence.apply(encodeAwarenessUpdate(forged, [lan.clientID]), forger).refused).toBe(1);
      expect(forger.ids.size).toBe(0);
    }
    expect(presence.snapshot()).toEqual(before);
  });

  it('lets the same officer take over their state from an earlier connection', () => {
    const lan = officer();
    lan.setLocalState({ name: 'Lan' });
    const presence = new Presence();
    const first = author('lan');
    const second = author('lan');
    presence.apply(encodeAwarenessUpdate(lan, [lan.clientID]), first);
    lan.setLocalState({ name: 'Lan', editing: 'task-3' });
    expect(presence.apply(encodeAwarenessUpdate(lan, [lan.clientID]), second).refused).toBe(0);
    expect(first.ids.size).toBe(0);
    // The earlier connection closing now does not remove the state the new one holds.
    expect(presence.remove(first.ids)).toBeNull();
    expect(presence.snapshot()).not.toBeNull();
  });

  it('relays a removal that the stock Awareness accepts, and expires unrenewed presence', () => {
    const lan = officer();
    lan.setLocalState({ name: 'Lan' });
    const presence = new Presence();
    presence.apply(encodeAwarenessUpdate(lan, [lan.clientID]), author('lan'), 0);
    const mirror = officer();
    applyAwarenessUpdate(mirror, presence.snapshot()!, 'server');
    applyAwarenessUpdate(mirror, presence.remove([lan.clientID])!, 'server');
    expect(mirror.getStates().has(lan.clientID)).toBe(false);

    const binh = officer();
    binh.setLocalState({ name: 'Bình' });
    presence.apply(encodeAwarenessUpdate(binh, [binh.clientID]), author('binh'), 1000);
    expect(presence.expire(1000 + presenceTimeoutMs - 1)).toBeNull();
    expect(presence.expire(1000 + presenceTimeoutMs)).not.toBeNull();
    expect(presence.snapshot()).toBeNull();
  });

  it('accepts a removal the client sent itself, at the same clock', () => {
    const lan = officer();
    lan.setLocalState({ name: 'Lan' });
    const presence = new Presence();
    const lanAuthor = author('lan');
    presence.apply(encodeAwarenessUpdate(lan, [lan.clientID]), lanAuthor);
    removeAwarenessStates(lan, [lan.clientID], 'leaving');
    expect(presence.apply(encodeAwarenessUpdate(lan, [lan.clientID]), lanAuthor).payload).not.toBeNull();
    expect(presence.snapshot()).toBeNull();
    expect(lanAuthor.ids.size).toBe(0);
  });

  it('throws on presence that is not JSON', () => {
    expect(() => new Presence().apply(new Uint8Array([1, 5, 1, 3, 0x7b, 0x7b, 0x7b]), author('lan'))).toThrow();
  });
});

describe('presence between officers of one server', () => {
  let server: RunningSyncServer;
  withSyncServer(tempDir('presence'), (started) => {
    server = started;
  });

  type Officer = Awaited<ReturnType<typeof connectSynced>>;
  const token = (user: string, role: 'editor' | 'viewer') => signToken({ unit: 'unit-pr', user, role }, testSecret);
  const stateOf = (viewer: Officer, id: number) => viewer.provider.awareness.getStates().get(id) as { name?: string; user?: { sub: string; role: string } } | undefined;

  it('shows who is on the board, stamped with their token’s user, a latecomer sees those already there, and leaving removes them', async () => {
    const lan = await connectSynced(server.url, 'unit-pr', await token('lan', 'viewer'));
    lan.provider.awareness.setLocalStateField('name', 'Lan');
    const binh = await connectSynced(server.url, 'unit-pr', await token('binh', 'editor'));
    await waitFor(() => stateOf(binh, lan.doc.clientID)?.name === 'Lan', 'the latecomer to see Lan');
    expect(stateOf(binh, lan.doc.clientID)?.user).toEqual({ sub: 'lan', role: 'viewer' });
    binh.provider.awareness.setLocalStateField('name', 'Bình');
    await waitFor(() => stateOf(lan, binh.doc.clientID)?.name === 'Bình', 'Lan to see Bình');
    expect(stateOf(lan, binh.doc.clientID)?.user).toEqual({ sub: 'binh', role: 'editor' });
    const leaving = binh.doc.clientID;
    disconnect(binh);
    await waitFor(() => !lan.provider.awareness.getStates().has(leaving), 'Bình to leave Lan’s view');
    disconnect(lan);
  });

  it('drops a viewer’s and an editor’s attempt to change or remove another officer’s presence', async () => {
    const lan = await connectSynced(server.url, 'unit-pr', await token('lan', 'editor'));
    lan.provider.awareness.setLocalStateField('name', 'Lan');
    const watcher = await connectSynced(server.url, 'unit-pr', await token('watcher', 'viewer'));
    await waitFor(() => stateOf(watcher, lan.doc.clientID)?.name === 'Lan', 'the watcher to see Lan');
    for (const [sub, role] of [['mallory', 'viewer'], ['eve', 'editor']] as const) {
      const forger = await connectSynced(server.url, 'unit-pr', await token(sub, role));
      const forged = new Awareness(new Y.Doc());
      forged.clientID = lan.doc.clientID;
      for (let i = 0; i < 10; i += 1) forged.setLocalState({ name: 'Giám đốc', user: { sub: 'lan', role: 'editor' } });
      forger.provider.ws!.send(encodeAwareness(encodeAwarenessUpdate(forged, [lan.doc.clientID])));
      removeAwarenessStates(forged, [lan.doc.clientID], 'forger');
      forger.provider.ws!.send(encodeAwareness(encodeAwarenessUpdate(forged, [lan.doc.clientID])));
      // Sent after the forgeries on the same socket, so relayed after whatever they caused.
      forger.provider.awareness.setLocalStateField('name', `${sub} is here`);
      await waitFor(() => stateOf(watcher, forger.doc.clientID)?.name === `${sub} is here`, `the watcher to see ${sub}`);
      expect(stateOf(watcher, forger.doc.clientID)?.user).toEqual({ sub, role });
      expect(stateOf(watcher, lan.doc.clientID)).toEqual({ name: 'Lan', user: { sub: 'lan', role: 'editor' } });
      disconnect(forger);
    }
    const metrics = await (await fetch(`${server.url.replace('ws://', 'http://')}/metrics`)).text();
    expect(Number(/^tthc_sync_presence_refused_total (\d+)/m.exec(metrics)?.[1])).toBeGreaterThanOrEqual(4);
    disconnect(lan, watcher);
  });
});
