import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import writeXlsxFile from 'write-excel-file/universal';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { EditContext } from './operations.ts';
import { planFromCsv, planFromPastedText, planFromRows, planFromXlsx, PlanImportError, planYearOf } from './plan-import.ts';
import { occurrencesOf, unitRole } from './plan-schedule.ts';
import { planTemplate2024 } from './plan-template.ts';
import { builtInPlanItemOf, readBoard } from './reader.ts';
import { plannedTasks, seedPlan } from './seeding.ts';

const item = (deadline: string) => ({ deadline, due: null });
const ctx = (user: string): EditContext => ({ user, at: '2025-01-02T08:00:00+07:00', origin: user });
const csv = readFileSync(join(import.meta.dirname, 'fixtures', 'plan-2025.csv'), 'utf8');

describe('recurring deadlines become occurrences', () => {
  it('section XI\'s "ngày 17 của tháng cuối quý": each quarter and the year', () => {
    expect(occurrencesOf(item('Thời gian chậm nhất là ngày 17 của tháng cuối quý.'), 2024)).toEqual([
      { key: 'Q1', due: '2024-03-17', label: 'Quý I/2024' },
      { key: 'Q2', due: '2024-06-17', label: 'Quý II/2024' },
      { key: 'Q3', due: '2024-09-17', label: 'Quý III/2024' },
      { key: 'Y', due: '2024-12-17', label: 'Năm 2024' },
    ]);
  });
  it('"trước ngày 10 hằng tháng": twelve, due the 10th (read as "Trước ngày D": at the latest that day)', () => {
    const months = occurrencesOf(item('Định kỳ trước ngày 10 hằng tháng'), 2025);
    expect(months).toHaveLength(12);
    expect(months[1]).toEqual({ key: 'M02', due: '2025-02-10', label: 'Tháng 2/2025' });
  });
  it('"định kỳ hằng quý": four, due each quarter\'s last day', () => {
    expect(occurrencesOf(item('Định kỳ hằng quý'), 2024).map((o) => [o.key, o.due])).toEqual([['Q1', '2024-03-31'], ['Q2', '2024-06-30'], ['Q3', '2024-09-30'], ['Q4', '2024-12-31']]);
  });
  it('a list of quarters: one per quarter named; a single quarter stays one task', () => {
    expect(occurrencesOf(item('Quý I, II, III, IV/2024'), 2024).map((o) => o.key)).toEqual(['Q1', 'Q2', 'Q3', 'Q4']);
    expect(occurrencesOf(item('Quý I, II/2024'), 2024).map((o) => o.due)).toEqual(['2024-03-31', '2024-06-30']);
    expect(occurrencesOf({ deadline: 'Quý II/2024', due: '2024-06-30' }, 2024)).toEqual([{ key: null, due: '2024-06-30', label: null }]);
  });
  it('a one-off deadline keeps its date', () => {
    expect(occurrencesOf({ deadline: 'Trước ngày 15/3/2024', due: '2024-03-15' }, 2024)).toEqual([{ key: null, due: '2024-03-15', label: null }]);
  });
});

describe('a unit\'s part in the plan', () => {
  const xi = planTemplate2024.sections.find((s) => s.number === 'XI')!.items;
  it('a commune leads XI.1 and coordinates XI.3; a district leads XI.2; a Sở by name or kind', () => {
    const commune = { name: null, kind: 'commune' as const };
    expect(xi.map((i) => unitRole(i, commune))).toEqual(['lead', null, 'coordinating']);
    expect(xi.map((i) => unitRole(i, { name: null, kind: 'district' }))).toEqual(['coordinating', 'lead', 'coordinating']);
    expect(unitRole(planTemplate2024.sections[3]!.items[2]!, { name: 'Sở Tư pháp', kind: null })).toBe('lead');
  });
  it('seeds only the unit\'s items, each of section XI\'s reports once per quarter and the year', () => {
    const tasks = plannedTasks(planTemplate2024, { name: null, kind: 'commune' });
    expect(tasks.filter((t) => t.item.id === 'XI.1').map((t) => t.id)).toEqual(['plan:2024:XI.1:Q1', 'plan:2024:XI.1:Q2', 'plan:2024:XI.1:Q3', 'plan:2024:XI.1:Y']);
    expect(tasks.some((t) => t.item.id === 'XI.2')).toBe(false);
    expect(tasks.length).toBeLessThan(plannedTasks(planTemplate2024).length);
  });
});

describe('importing a plan table', () => {
  const meta = { source: 'KH 2025', year: 2025 };
  it('reads the plan\'s columns from CSV, sections by Roman numeral, a continued row joined to its item', () => {
    const plan = planFromCsv(csv, meta);
    expect(plan.sections.map((s) => [s.number, s.items.length])).toEqual([['I', 2], ['II', 4]]);
    expect(plan.sections[0]!.items[0]).toMatchObject({ id: 'I.1', lead: ['Các Sở, Ban, ngành', 'UBND cấp huyện'], due: '2025-03-15' });
    expect(plan.sections[0]!.items[1]!.content).toBe('Niêm yết TTHC mới tại trụ sở UBND xã');
    expect(planYearOf(plan, 2000)).toBe(2025);
  });
  it('reads the same table from an .xlsx file', async () => {
    const table = planFromCsv(csv, meta);
    const sheet = [
      ['STT', 'Nội dung công việc', 'Kết quả', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian thực hiện'],
      ...table.sections.flatMap((s) => [[s.number, s.title, '', '', '', ''], ...s.items.map((i) => [i.id.split('.')[1]!, i.content, i.result, i.lead.join('\n'), i.coordinating.join('\n'), i.deadline])]),
    ].map((row) => row.map((value) => ({ value })));
    const bytes = new Uint8Array(await (await writeXlsxFile(sheet).toBlob()).arrayBuffer());
    expect(planFromXlsx(bytes, meta)).toEqual(table);
  });
  it('reads text pasted from the plan document\'s table', () => {
    const text = ['XI\tBáo cáo định kỳ', '1\tBáo cáo của UBND cấp xã\tBáo cáo\tUBND cấp xã\tUBND cấp huyện\tThời gian chậm nhất là ngày 17 của tháng cuối quý.'].join('\n');
    expect(planFromPastedText(text, meta).sections[0]!.items[0]).toMatchObject({ id: 'I.1', lead: ['UBND cấp xã'] });
  });
  it('refuses a table without the plan\'s columns, or without tasks', () => {
    expect(() => planFromRows([['Tên', 'Hạn'], ['a', 'b']], meta)).toThrow(PlanImportError);
    expect(() => planFromRows([['STT', 'Nội dung công việc', 'Kết quả', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian thực hiện'], ['I', 'Mục', '', '', '', '']], meta)).toThrow(/noItems/);
    expect(() => planFromXlsx(new Uint8Array([1, 2, 3]), meta)).toThrow(/notXlsx/);
  });
  it('seeds an imported plan once, with titles and due dates from the table, however many officers import it', () => {
    const plan = planFromCsv(csv, meta);
    const unit = { name: null, kind: 'commune' as const };
    const [a, b] = [new Y.Doc(), new Y.Doc()];
    const created = seedPlan(a, plan, ctx('lan'), unit);
    seedPlan(b, planFromCsv(csv, meta), ctx('minh'), unit);
    for (const [from, to] of [[a, b], [b, a]] as const) Y.applyUpdate(to, Y.encodeStateAsUpdate(from));
    expect(seedPlan(a, plan, ctx('lan'), unit)).toBe(0);
    const tasks = readBoard(a).tasks;
    expect(tasks).toHaveLength(created);
    expect(readBoard(b)).toEqual(readBoard(a));
    // The commune: I.2 (Quý I–IV) four times, II.1 (its report) four times; not I.1, II.2, II.3 (a district coordinates it), II.4.
    expect(tasks.map((t) => t.id).sort()).toEqual([
      'plan:2025:I.2:Q1', 'plan:2025:I.2:Q2', 'plan:2025:I.2:Q3', 'plan:2025:I.2:Q4',
      'plan:2025:II.1:Q1', 'plan:2025:II.1:Q2', 'plan:2025:II.1:Q3', 'plan:2025:II.1:Y',
    ]);
    expect(tasks.find((t) => t.id === 'plan:2025:II.1:Q2')).toMatchObject({ title: 'Báo cáo công tác kiểm soát TTHC của UBND cấp xã (Quý II/2025)', due: '2025-06-17' });
    // II.1 of 2025 is not the 2024 plan's II.1: the task shows no built-in item; a 2024 occurrence does.
    expect(builtInPlanItemOf(tasks.find((t) => t.id === 'plan:2025:II.1:Q2')!)).toBeNull();
    const b2024 = new Y.Doc();
    seedPlan(b2024, planTemplate2024, ctx('lan'), unit);
    expect(builtInPlanItemOf(readBoard(b2024).tasks.find((t) => t.id === 'plan:2024:XI.1:Q2')!)).toMatchObject({ id: 'XI.1', lead: ['UBND cấp xã'] });
  });
});
