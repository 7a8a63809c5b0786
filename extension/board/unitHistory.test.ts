// The board's history list against the real sync server: an editor of the unit reads who changed
// what and when; a viewer, a missing server and a server that is down each give their reason.
import { describe, expect, it } from 'vitest';
import type { RunningSyncServer } from '../../sync-server/server.ts';
import { connectSynced, disconnect, freePort, tempDir, testSecret, waitSaved, withSyncServer } from '../../test-support/sync-server.ts';
import { signToken } from '../../sync-server/token.ts';
import { fetchUnitHistory } from './unitHistory.ts';

const dataDir = tempDir('unit-history');
let server: RunningSyncServer;
withSyncServer(dataDir, (started) => {
  server = started;
});

const settings = async (role: 'editor' | 'viewer', url = server.url) => ({
  server: url,
  unit: 'so-tu-phap',
  token: await signToken({ unit: 'so-tu-phap', user: 'truong-phong', role }, testSecret),
  name: 'Trưởng phòng',
});

describe('the unit history list', () => {
  it("gives an editor the unit's moments: who, when, how many updates", async () => {
    const lan = await connectSynced(server.url, 'so-tu-phap', await signToken({ unit: 'so-tu-phap', user: 'lan', role: 'editor' }, testSecret), { ack: '1' });
    lan.doc.getMap('fields').set('t1\u0001title', 'Công bố TTHC mới');
    lan.doc.getMap('fields').set('t2\u0001title', 'Rà soát');
    await waitSaved(lan);
    disconnect(lan);
    const answer = await fetchUnitHistory(await settings('editor'));
    expect(answer.ok && answer.history.moments.map(({ user, updates }) => ({ user, updates }))).toEqual([{ user: 'lan', updates: 2 }]);
    expect(answer.ok && answer.history.moments[0]!.at).toMatch(/\+07:00$/);
  });

  it('names why it cannot: a viewer, no server set, a server that is down', async () => {
    expect(await fetchUnitHistory(await settings('viewer'))).toEqual({ ok: false, reason: 'not_editor' });
    expect(await fetchUnitHistory({ ...(await settings('editor')), server: '' })).toEqual({ ok: false, reason: 'no_server' });
    expect(await fetchUnitHistory(await settings('editor', `ws://127.0.0.1:${await freePort()}`))).toEqual({ ok: false, reason: 'unreachable' });
  });
});
