// The board's history list against the real sync server: an editor of the unit reads who changed
// what and when, and brings the board back to a moment from it; a viewer, a missing server and a
// server that is down each give their reason.
import { describe, expect, it } from 'vitest';
import type { RunningSyncServer } from '../../sync-server/server.ts';
import { connectSynced, disconnect, freePort, tempDir, testSecret, waitFor, waitSaved, withSyncServer } from '../../test-support/sync-server.ts';
import { signToken } from '../../sync-server/token.ts';
import { fetchUnitHistory, restoreBoardTo } from './unitHistory.ts';

const dataDir = tempDir('unit-history');
let server: RunningSyncServer;
withSyncServer(dataDir, (started) => {
  server = started;
});

const settings = async (role: 'editor' | 'viewer', url = server.url, unit = 'so-tu-phap') => ({
  server: url,
  unit,
  token: await signToken({ unit, user: 'truong-phong', role }, testSecret),
  name: 'Trưởng phòng',
});
const officer = async (unit: string, user: string) => connectSynced(server.url, unit, await signToken({ unit, user, role: 'editor' }, testSecret), { ack: '1' });

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

  it("brings a cleared board back to the moment before, as the lead's own edit that reaches every officer, keeping later work", async () => {
    const unit = 'so-noi-vu';
    const lan = await officer(unit, 'lan');
    lan.doc.getMap('fields').set('t1\u0001title', 'Công bố TTHC mới');
    lan.doc.getMap('fields').set('t2\u0001title', 'Rà soát');
    await waitSaved(lan);
    const minh = await officer(unit, 'minh');
    minh.doc.getMap('fields').delete('t1\u0001title');
    minh.doc.getMap('fields').delete('t2\u0001title');
    await waitSaved(minh);
    minh.doc.getMap('fields').set('t3\u0001title', 'Việc mới sau đó');
    await waitSaved(minh);
    const history = await fetchUnitHistory(await settings('editor', server.url, unit));
    const beforeMistake = history.ok ? history.history.moments.find((moment) => moment.user === 'lan')! : null;
    expect(beforeMistake).not.toBeNull();

    // The lead's board is a replica connected like the panel's; Lan stays connected and must see it come back.
    const lead = await officer(unit, 'truong-phong');
    const answer = await restoreBoardTo(await settings('editor', server.url, unit), lead.doc, beforeMistake!.at);
    expect(answer).toEqual({ ok: true, edits: 2 });
    await waitSaved(lead);
    await waitFor(() => lan.doc.getMap('fields').get('t1\u0001title') === 'Công bố TTHC mới' && lan.doc.getMap('fields').has('t2\u0001title'), 'the restored tasks to reach a connected officer');
    expect(lan.doc.getMap('fields').get('t3\u0001title')).toBe('Việc mới sau đó');
    disconnect(lan, minh, lead);
  });

  it('names why it cannot restore (a viewer, a server that is down), and takes nothing away restoring to before the first change', async () => {
    const board = (await officer('so-tu-phap', 'lan')).doc;
    expect(await restoreBoardTo(await settings('viewer'), board, '2026-12-01T09:00:00+07:00')).toEqual({ ok: false, reason: 'not_editor' });
    expect(await restoreBoardTo(await settings('editor'), board, '2000-01-01T00:00:00+07:00')).toEqual({ ok: true, edits: 0 });
    expect(board.getMap('fields').get('t1\u0001title')).toBe('Công bố TTHC mới');
    expect(await restoreBoardTo(await settings('editor', `ws://127.0.0.1:${await freePort()}`), board, '2026-12-01T09:00:00+07:00')).toEqual({ ok: false, reason: 'unreachable' });
    board.destroy();
  });
});
