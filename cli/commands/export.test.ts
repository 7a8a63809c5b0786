import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PostgresStore } from '../../sync-server/postgres-store.ts';
import { sqliteFileName, SqliteStore } from '../../sync-server/sqlite-store.ts';
import { freePort, startPostgres, tempDir } from '../../test-support/sync-server.ts';
import { runCommand as run } from '../run-command.ts';

const dataDir = tempDir('export');
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('tthc-desk export', () => {
  it('writes every stored top-level type of the unit as JSON, including the log not yet compacted', async () => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    doc.getMap('columns').set('todo', { title: 'Cần làm' });
    doc.getArray('task:1:comments').push([{ author: 'lan', text: 'đã gọi' }]);
    doc.getText('task:1:description').insert(0, 'Công bố TTHC mới');
    const store = new SqliteStore(dataDir);
    await store.append(updates.slice(0, 1).map((update) => ({ room: 'unit-a', update, user: 'lan', at: Date.now() })));
    await store.compact('unit-a');
    await store.append(updates.slice(1).map((update) => ({ room: 'unit-a', update, user: 'lan', at: Date.now() })));
    await store.close();

    const { code, out, err } = await run(['export', '--unit', 'unit-a', '--data', dataDir]);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const exported = JSON.parse(out.join(''));
    expect(exported.unit).toBe('unit-a');
    expect(exported.types).toEqual({
      columns: { todo: { title: 'Cần làm' } },
      'task:1:comments': [{ author: 'lan', text: 'đã gọi' }],
      'task:1:description': 'Công bố TTHC mới',
    });
    expect(exported.board).toHaveProperty('tasks');
  });

  it('refuses an unknown unit and a directory without a store, exit 2', async () => {
    const unknown = await run(['export', '--unit', 'unit-z', '--data', dataDir]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toHaveLength(1);
    expect(unknown.err[0]).toContain('unit-a');
    const missing = await run(['export', '--unit', 'unit-a', '--data', `${dataDir}/nowhere`]);
    expect(missing.code).toBe(2);
    expect(missing.err).toHaveLength(1);
  });

  it('refuses a store file that is not a database in one sentence, exit 2, leaving the file as it was', async () => {
    const dir = join(dataDir, 'not-a-store');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, sqliteFileName);
    writeFileSync(file, 'notes, not a database');
    const { code, out, err } = await run(['export', '--unit', 'unit-a', '--data', dir]);
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err).toEqual([expect.stringContaining(`File ${file} is not a readable sync store (file is not a database)`)]);
    expect(readFileSync(file, 'utf8')).toBe('notes, not a database');
  });
});

describe('tthc-desk export --postgres', () => {
  it('writes the unit stored in PostgreSQL, snapshot and log, like the SQLite export', async () => {
    const postgres = await startPostgres();
    try {
      const doc = new Y.Doc();
      const updates: Uint8Array[] = [];
      doc.on('update', (update: Uint8Array) => updates.push(update));
      doc.getMap('columns').set('todo', { title: 'Cần làm' });
      doc.getText('task:1:description').insert(0, 'Công bố TTHC mới');
      const store = await PostgresStore.open(postgres.url);
      await store.append([{ room: 'unit-pg', update: updates[0]!, user: 'lan', at: Date.now() }]);
      await store.compact('unit-pg');
      await store.append([{ room: 'unit-pg', update: updates[1]!, user: 'lan', at: Date.now() }]);
      await store.close();

      const { code, out, err } = await run(['export', '--unit', 'unit-pg', '--postgres', postgres.url]);
      expect(err).toEqual([]);
      expect(code).toBe(0);
      expect(JSON.parse(out.join('')).types).toEqual({ columns: { todo: { title: 'Cần làm' } }, 'task:1:description': 'Công bố TTHC mới' });

      // The history reads from PostgreSQL the same way.
      const history = await run(['history', '--unit', 'unit-pg', '--postgres', postgres.url, '--json']);
      expect(history.code).toBe(0);
      expect(JSON.parse(history.out.join('')).map((moment: { user: string }) => moment.user)).toEqual(['lan']);

      const unknown = await run(['export', '--unit', 'unit-z', '--postgres', postgres.url]);
      expect([unknown.code, unknown.err.length]).toEqual([2, 1]);
      expect(unknown.err[0]).toContain('unit-pg');

      const admin = new pg.Client({ connectionString: postgres.url });
      await admin.connect();
      await admin.query('CREATE DATABASE empty_board');
      await admin.end();
      const emptyUrl = postgres.url.replace(/\/postgres$/, '/empty_board');
      const empty = await run(['export', '--unit', 'unit-pg', '--postgres', emptyUrl]);
      expect(empty.code).toBe(2);
      expect(empty.err).toEqual([expect.stringContaining('holds no sync store')]);
      const check = new pg.Client({ connectionString: emptyUrl });
      await check.connect();
      const tables = await check.query("SELECT count(*)::int AS n FROM pg_tables WHERE tablename LIKE 'tthc_sync_%'");
      await check.end();
      expect(tables.rows[0].n).toBe(0);
    } finally {
      await postgres.stop();
    }
  }, 60_000);

  it('refuses an unreachable PostgreSQL in one sentence, exit 2', async () => {
    const { code, out, err } = await run(['export', '--unit', 'unit-pg', '--postgres', `postgres://tthc:secret@127.0.0.1:${await freePort()}/tthc`]);
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err).toEqual([expect.stringContaining('Cannot read the sync store in PostgreSQL at postgres://tthc:***@127.0.0.1')]);
  });

  it('needs exactly one of --data and --postgres, exit 2', async () => {
    for (const sources of [[], ['--data', dataDir, '--postgres', 'postgres://u@127.0.0.1/db']]) {
      const { code, out, err } = await run(['export', '--unit', 'unit-a', ...sources]);
      expect(code).toBe(2);
      expect(out).toEqual([]);
      expect(err).toEqual([expect.stringContaining('Give exactly one source: --data DIR (SQLite) or --postgres URL (PostgreSQL)')]);
    }
  });
});
