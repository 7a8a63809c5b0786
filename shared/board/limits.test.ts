// No board operation can make an update near the sync server's message limit (4 MiB by default,
// sync-server/config.ts): each is made here with every field at its bound, in the widest
// characters (4 bytes in UTF-8), and its update measured.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { taskDescription } from './layout.ts';
import { addChecklistItem, addColumn, commentOnTask, createTask, updateTask, type EditContext } from './operations.ts';
import { readBoard } from './reader.ts';
import { DESCRIPTION_MAX_CHARS } from './schema.ts';
import { ensureDossierOverdueTask } from './seeding.ts';

const SERVER_LIMIT = 4 * 1024 * 1024;
const ONE_OPERATION_AT_MOST = 256 * 1024;
const wide = (n: number) => '𝔸'.repeat(n / 2);
const ctx: EditContext = { user: wide(120), at: '2024-03-12T08:15:30+07:00', origin: 'limits' };

function updateOf(doc: Y.Doc, operation: () => unknown): Uint8Array {
  const updates: Uint8Array[] = [];
  const record = (update: Uint8Array) => updates.push(update);
  doc.on('update', record);
  operation();
  doc.off('update', record);
  return Y.mergeUpdates(updates);
}

describe('the size of one board operation', () => {
  it('stays far below the server limit with every field full', () => {
    const doc = new Y.Doc();
    const many = (n: number, length: number) => Array.from({ length: n }, (_, i) => `${i}`.padEnd(length, 'x'));
    let id = '';
    const sizes = {
      create: updateOf(doc, () => {
        id = createTask(doc, { title: wide(500), assignees: many(50, 120), labels: many(50, 60), links: { dossierCode: wide(200), procedureCode: wide(200), planItem: wide(20) } }, ctx);
      }).length,
      update: updateOf(doc, () => updateTask(doc, id, { title: wide(500), addLabels: many(50, 60), links: { dossierCode: wide(200) } }, ctx)).length,
      comment: updateOf(doc, () => commentOnTask(doc, id, wide(5000), ctx)).length,
      checklist: updateOf(doc, () => addChecklistItem(doc, id, wide(500), ctx)).length,
      column: updateOf(doc, () => addColumn(doc, wide(60), ctx)).length,
      description: updateOf(doc, () => taskDescription(doc, id).insert(0, wide(DESCRIPTION_MAX_CHARS))).length,
      seeded: updateOf(doc, () => ensureDossierOverdueTask(doc, { code: wide(200), procedureCode: wide(200), appointmentOn: '2024-03-01' }, ctx)).length,
    };
    for (const size of Object.values(sizes)) expect(size).toBeLessThan(ONE_OPERATION_AT_MOST);
    expect(ONE_OPERATION_AT_MOST * 4).toBeLessThan(SERVER_LIMIT);
  });

  it('refuses a title, a comment or a code past its bound, writing nothing', () => {
    const doc = new Y.Doc();
    expect(() => createTask(doc, { title: 'x'.repeat(501) }, ctx)).toThrow();
    expect(() => ensureDossierOverdueTask(doc, { code: 'X'.repeat(1024 * 1024), procedureCode: null, appointmentOn: '2024-03-01' }, ctx)).toThrow();
    expect(readBoard(doc).tasks).toEqual([]);
  });

  it('removes bidi and zero-width controls from titles and codes, so look-alikes name one task', () => {
    const doc = new Y.Doc();
    const id = createTask(doc, { title: '\u202EBáo cáo\u202C quý\u200B I' }, ctx);
    const clean = ensureDossierOverdueTask(doc, { code: 'H48-0009', procedureCode: null, appointmentOn: '2024-03-01' }, ctx);
    const spoofed = ensureDossierOverdueTask(doc, { code: 'H48\u200B-0009\u2066', procedureCode: null, appointmentOn: '2024-03-01' }, ctx);
    expect(spoofed).toBe(clean);
    expect(readBoard(doc).tasks.find((task) => task.id === id)?.title).toBe('Báo cáo quý I');
    expect(readBoard(doc).tasks).toHaveLength(2);
  });
});
