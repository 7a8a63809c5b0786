// The demo portal serves every shape of domain.md's "What the real portals send", over real HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoPortal, type DemoPortal } from './server.ts';

type Json = Record<string, unknown>;
const NOW = new Date('2026-03-10T09:30:00+07:00');
let portal: DemoPortal;

async function get(path: string): Promise<Json> {
  const response = await fetch(`${portal.igateUrl}${path}`);
  expect(response.status, path).toBe(200);
  return (await response.json()) as Json;
}
const content = (body: Json) => body.content as Json[];

beforeAll(async () => {
  portal = await startDemoPortal({ port: 0, now: NOW });
});
afterAll(async () => {
  await portal.close();
});

describe('dossier search variants (?variant=)', () => {
  it('slice: a Spring slice without a total', async () => {
    const body = await get('/pa/dossier/search?size=5&variant=slice');
    expect(Object.keys(body).sort()).toEqual(['content', 'empty', 'first', 'last', 'number', 'numberOfElements', 'size']);
    expect(body).toMatchObject({ numberOfElements: 5, first: true, last: false, empty: false });
  });

  it('translate-object and name-translations: the procedure name in those forms only', async () => {
    for (const entry of content(await get('/pa/dossier/search?size=20&variant=translate-object'))) {
      const procedure = entry.procedure as Json;
      expect(procedure).not.toHaveProperty('name');
      expect(procedure.translate).toMatchObject({ languageId: 228, name: expect.any(String) });
    }
    for (const entry of content(await get('/pa/dossier/search?size=20&variant=name-translations'))) {
      const procedure = entry.procedure as Json;
      expect(procedure).not.toHaveProperty('translate');
      expect(procedure.name).toEqual([expect.objectContaining({ languageId: 46 }), expect.objectContaining({ languageId: 228, name: expect.any(String) })]);
    }
  });

  it('task-status: no dossierStatus, only the step status', async () => {
    for (const entry of content(await get('/pa/dossier/search?size=20&variant=task-status'))) {
      expect(entry).not.toHaveProperty('dossierStatus');
      expect(entry.dossierTaskStatus).toMatchObject({ name: expect.any(String) });
    }
  });

  it('full: completion and return apart, national code, step due date, processing time, sector name', async () => {
    const entries = content(await get('/pa/dossier/search?size=200&variant=full&sort=code,asc'));
    const finished = entries.find((e) => e.completedDate);
    const open = entries.find((e) => !e.completedDate && e.appointmentDate);
    expect(finished?.returnedDate).toEqual(expect.any(String));
    expect(finished?.returnedDate).not.toBe(finished?.completedDate);
    expect(open?.currentTask).toEqual([expect.objectContaining({ dueDate: expect.any(String) })]);
    for (const entry of entries) {
      expect(entry.nationCode).toEqual(expect.any(String));
      expect(entry).toMatchObject({ processingTime: expect.any(Number), processingTimeUnit: 'd' });
      expect(((entry.procedure as Json).sector as Json).name).toEqual(expect.arrayContaining([expect.objectContaining({ languageId: 228 })]));
    }
  });

  it('serves cancelled, suspended and supplement-waiting dossiers in every variant', async () => {
    const names = new Set(content(await get('/pa/dossier/search?size=50000&variant=full')).map((e) => (e.dossierStatus as Json).name));
    for (const status of ['Đã hủy', 'Tạm dừng xử lý', 'Chờ bổ sung hồ sơ']) expect(names).toContain(status);
  });
});

describe('the other endpoints', () => {
  let sample: Json;
  beforeAll(async () => {
    [sample] = content(await get('/pa/dossier/search?size=1')) as [Json];
  });

  it('/pa/dossier-search/dvc: statusCurrentTask only, the agency a string', async () => {
    const [entry] = content(await get(`/pa/dossier-search/dvc?code=${encodeURIComponent(String(sample.code))}`));
    expect(entry).toMatchObject({ code: sample.code, agency: (sample.agency as Json).name, statusCurrentTask: (sample.dossierStatus as Json).name });
    expect(entry).not.toHaveProperty('dossierStatus');
  });

  it('/pa/dossier/--public: procedure {id, name} without code, agency a string, flat applicant', async () => {
    const [entry] = content(await get(`/pa/dossier/--public?keyword=${encodeURIComponent(String(sample.code))}`));
    expect(Object.keys(entry!.procedure as Json).sort()).toEqual(['id', 'name']);
    expect(typeof entry!.agency).toBe('string');
    expect(entry!.applicant).toEqual({ fullname: expect.any(String) });
    expect(content(await get('/pa/dossier/--public?keyword='))).toEqual([]);
  });

  it('/pa/dossier/{id}: one dossier; /bd/procedure/{id} and --can-apply: names as translations', async () => {
    expect(await get(`/pa/dossier/${String(sample.id)}`)).toMatchObject({ code: sample.code, nationCode: expect.any(String) });
    const procedureId = String((sample.procedure as Json).id);
    expect((await get(`/bd/procedure/${procedureId}`)).name).toEqual([expect.objectContaining({ languageId: 228 })]);
    expect(content(await get('/bd/procedure/--can-apply')).length).toBeGreaterThan(0);
  });
});
