// The shapes the real iGate sends besides the demo's own (domain.md, "What the real portals send"),
// made from the same generated dossiers so a browser test can capture each one through the real
// extension. Written here from domain.md, sharing no code with shared/ (the adapters must not be
// tested against their own reading of the shapes).
//   GET /pa/dossier/search?variant=NAME  one shape for every dossier of the page (names below)
//   GET /pa/dossier-search/dvc?code=     HCM's public lookup: `statusCurrentTask`, agency a string
//   GET /pa/dossier/--public?keyword=    the citizen app's lookup: agency a string, procedure {id, name}
//                                        without code, flat applicant
//   GET /pa/dossier/{id}                 one dossier, every extra field
//   GET /bd/procedure/{id}, /bd/procedure/--can-apply   procedures with names as translations
import { searchDossiers, type ApiAnswer, type DossierIndex } from './api.ts';
import type { DemoData, Json } from './data.ts';

const VIETNAMESE = 228;
const ENGLISH = 46;
const DAY = 86_400_000;

export const dossierVariants = ['slice', 'translate-object', 'name-translations', 'task-status', 'full'] as const;
export type DossierVariant = (typeof dossierVariants)[number];

function procedureNameText(procedure: Json): string {
  if (typeof procedure.name === 'string') return procedure.name;
  const translate = (procedure.translate as { languageId: number; name: string }[] | undefined) ?? [];
  return translate.find((t) => t.languageId === VIETNAMESE)?.name ?? '';
}

/** The procedure without any name field, for a variant to add its own form. */
function withoutName(procedure: Json): Json {
  const { name: _name, translate: _translate, ...rest } = procedure;
  return rest;
}

/** Shifts a "...+0700"/"...+0000" timestamp by whole days, keeping its zone suffix. */
function shiftDays(stamp: string, days: number): string {
  const zone = stamp.slice(-5);
  const ms = Date.parse(stamp.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')) + days * DAY;
  const offset = zone === '+0700' ? 7 * 3_600_000 : 0;
  return new Date(ms + offset).toISOString().replace('Z', zone);
}

/** Every field the real officer search may add: completion and return apart, national code, step deadline, processing time, sector name. */
function fullDossier(dossier: Json): Json {
  const finished = (dossier.returnedDate ?? dossier.completedDate) as string | undefined;
  const definition = ((dossier.procedureProcessDefinition as Json | undefined)?.processDefinition ?? {}) as Json;
  const procedure = dossier.procedure as Json;
  const out: Json = {
    ...dossier,
    nationCode: `G22.${String(dossier.code).slice(7)}`,
    processingTime: definition.processingTime,
    processingTimeUnit: definition.processingTimeUnit,
    procedure: { ...procedure, sector: { ...(procedure.sector as Json), name: [{ languageId: ENGLISH, name: 'Sector' }, { languageId: VIETNAMESE, name: `Lĩnh vực ${String((procedure.sector as Json).code)}` }] } },
  };
  delete out.returnedDate;
  delete out.completedDate;
  // The result is ready on the day it was finished and handed back the next day.
  if (finished) Object.assign(out, { completedDate: finished, returnedDate: shiftDays(finished, 1) });
  else if (typeof dossier.appointmentDate === 'string') out.currentTask = [{ id: `${String(dossier.id)}-task`, dueDate: shiftDays(dossier.appointmentDate, -1) }];
  return out;
}

function shapeDossier(dossier: Json, variant: DossierVariant): Json {
  const procedure = dossier.procedure as Json;
  const name = procedureNameText(procedure);
  switch (variant) {
    case 'slice':
      return dossier;
    case 'translate-object':
      return { ...dossier, procedure: { ...withoutName(procedure), translate: { languageId: VIETNAMESE, name } } };
    case 'name-translations':
      return { ...dossier, procedure: { ...withoutName(procedure), name: [{ languageId: ENGLISH, name: '', description: '' }, { languageId: VIETNAMESE, name, description: '' }] } };
    case 'task-status': {
      const { dossierStatus: _status, ...rest } = dossier;
      return rest;
    }
    case 'full':
      return fullDossier(dossier);
  }
}

export function isDossierVariant(value: string | null): value is DossierVariant {
  return value !== null && (dossierVariants as readonly string[]).includes(value);
}

/** A search answer (a Spring page) in the variant's shape; the slice drops the total as Spring's slice does. */
export function dossierSearchVariant(answer: ApiAnswer, variant: DossierVariant): ApiAnswer {
  if (answer.status !== 200) return answer;
  const page = answer.body as { content: Json[]; totalElements: number; number: number; size: number };
  const content = page.content.map((dossier) => shapeDossier(dossier, variant));
  if (variant !== 'slice') return { status: 200, body: { ...page, content } };
  const last = (page.number + 1) * page.size >= page.totalElements;
  return { status: 200, body: { content, number: page.number, size: page.size, numberOfElements: content.length, first: page.number === 0, last, empty: content.length === 0 } };
}

const statusName = (dossier: Json) => String((dossier.dossierStatus as Json).name);
const agencyName = (dossier: Json) => String((dossier.agency as Json).name);

function matchingCode(data: DemoData, code: string): Json[] {
  const wanted = code.trim().toUpperCase();
  return wanted === '' ? [] : data.dossiers.filter((d) => String(d.code).toUpperCase() === wanted);
}

/** HCM's public lookup: only `statusCurrentTask`, the agency by name. */
export function publicLookupDvc(data: DemoData, params: URLSearchParams): ApiAnswer {
  const content = matchingCode(data, params.get('code') ?? '').map((d) => {
    const { dossierStatus: _status, dossierTaskStatus: _task, applicant: _applicant, agency: _agency, ...rest } = d;
    return { ...rest, agency: agencyName(d), statusCurrentTask: statusName(d) };
  });
  return { status: 200, body: { content, totalElements: content.length, number: 0, size: 10 } };
}

/** VNPT's citizen app lookup (`/pa/dossier/--public?keyword=`): what Quảng Nam's public-qni page shows. */
export function publicLookupCitizen(data: DemoData, params: URLSearchParams): ApiAnswer {
  const content = matchingCode(data, params.get('keyword') ?? '').map((d) => {
    const procedure = d.procedure as Json;
    const applicant = ((d.applicant as Json).data ?? {}) as Json;
    return {
      id: d.id,
      code: d.code,
      procedure: { id: procedure.id, name: procedureNameText(procedure) },
      agency: agencyName(d),
      statusCurrentTask: statusName(d),
      applicant: { fullname: applicant.fullname },
      acceptedDate: d.acceptedDate,
      appointmentDate: d.appointmentDate,
      returnedDate: d.returnedDate ?? d.completedDate ?? null,
    };
  });
  return { status: 200, body: { content, totalElements: content.length, number: 0, size: 10 } };
}

export function dossierById(data: DemoData, id: string): ApiAnswer {
  const dossier = data.dossiers.find((d) => d.id === id);
  return dossier ? { status: 200, body: fullDossier(dossier) } : { status: 404, body: { error: 'Not Found', message: `no dossier ${id}` } };
}

function bdProcedure(json: Json): Json {
  const { translate: _translate, ...rest } = json;
  const name = ((json.translate as { languageId: number; name: string }[]) ?? []).find((t) => t.languageId === VIETNAMESE)?.name ?? '';
  const sector = json.sector as Json;
  return { ...rest, name: [{ languageId: VIETNAMESE, name, description: '' }], sector: { ...sector, name: [{ languageId: VIETNAMESE, name: sector.name }] } };
}

export function bdProcedureById(data: DemoData, id: string): ApiAnswer {
  const procedure = data.procedures.find((p) => p.id === id);
  return procedure ? { status: 200, body: bdProcedure(procedure.json) } : { status: 404, body: { error: 'Not Found', message: `no procedure ${id}` } };
}

/** Every procedure, as a slice (the real endpoint pages the same way). */
export function bdProceduresCanApply(data: DemoData): ApiAnswer {
  const content = data.procedures.map((p) => bdProcedure(p.json));
  return { status: 200, body: { content, number: 0, size: content.length, numberOfElements: content.length, first: true, last: true, empty: content.length === 0 } };
}

/** The answer of a variant route, or null for a request the variants do not serve. */
export function variantAnswer(index: DossierIndex, path: string, params: URLSearchParams): ApiAnswer | null {
  const { data } = index;
  const variant = params.get('variant');
  if (path === '/pa/dossier/search' && isDossierVariant(variant)) return dossierSearchVariant(searchDossiers(index, params), variant);
  if (path === '/pa/dossier-search/dvc') return publicLookupDvc(data, params);
  if (path === '/pa/dossier/--public') return publicLookupCitizen(data, params);
  if (path === '/bd/procedure/--can-apply') return bdProceduresCanApply(data);
  const dossier = /^\/pa\/dossier\/([^/]+)$/.exec(path);
  if (dossier && dossier[1] !== 'search') return dossierById(data, decodeURIComponent(dossier[1]!));
  const procedure = /^\/bd\/procedure\/([^/]+)$/.exec(path);
  if (procedure) return bdProcedureById(data, decodeURIComponent(procedure[1]!));
  return null;
}
