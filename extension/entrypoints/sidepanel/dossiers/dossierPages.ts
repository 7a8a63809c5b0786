// The dossier list read page by page, never all at once (the panel opens with 100,000 stored):
//  - a code search, a procedure or an agency first narrows the dossiers by keys alone (the codes,
//    or that index's entries), no dossier read; when at most CANDIDATE_LIMIT are left, they are
//    read, judged, filtered and sorted in memory, and the list is complete;
//  - otherwise the list follows the appointment index ([listAt+code], dossierIndex.ts), read in
//    chunks from where the last one stopped, each dossier judged and filtered as it comes; an
//    open state reads only its appointment range. Reading stops once the rows wanted are there.
import Dexie from 'dexie';
import type { PhaseRules } from '../../../../shared/dossier/phase.ts';
import type { CalendarDate } from '../../../../shared/time/dates.ts';
import type { StoredDossier, TthcDatabase } from '../../../db/database.ts';
import { openStateRanges } from '../../../db/dossierCounts.ts';
import { NO_APPOINTMENT } from '../../../db/dossierIndex.ts';
import { codeMatcher, dossierRows, filterDossiers, filterMatcher, type DossierFilter, type DossierRow, type UnitSettings } from './dossierView.ts';

/** Narrowed sets up to this size are read whole (a bulk read of 5,000 rows takes tens of ms). */
const CANDIDATE_LIMIT = 5_000;
const CHUNK = 400;

export interface ListRequest {
  filter: DossierFilter;
  unit: UnitSettings;
  today: CalendarDate;
  dueSoonWorkingDays: number;
  /** Which status names pause or close a dossier: such a dossier is in no open state's range. */
  phaseRules: PhaseRules;
}

/** Where the appointment-order reading stopped: the last index key read, in which part of the order. */
export interface ListPosition {
  part: 'dated' | 'undated';
  after: [string, string] | null;
}

export interface ListPage {
  rows: DossierRow[];
  /** Null once every matching dossier is in `rows`. */
  next: ListPosition | null;
}

/** Codes left by the key-only filters, or null when none applies or too many are left. */
async function narrowedCodes(db: TthcDatabase, filter: DossierFilter): Promise<string[] | null> {
  const sets: string[][] = [];
  if (filter.codeQuery.trim() !== '') sets.push((await db.dossiers.toCollection().primaryKeys()).filter(codeMatcher(filter.codeQuery)));
  if (filter.procedureCode !== '') sets.push(await db.dossiers.where('procedureCode').equals(filter.procedureCode).primaryKeys());
  if (filter.agency !== '') sets.push(await db.dossiers.where('agency').equals(filter.agency).primaryKeys());
  if (sets.length === 0) return null;
  const [first, ...rest] = sets.sort((a, b) => a.length - b.length);
  const kept = rest.reduce((codes, other) => {
    const keep = new Set(other);
    return codes.filter((code) => keep.has(code));
  }, first!);
  return kept.length <= CANDIDATE_LIMIT ? kept : null;
}

/** The [from, to) range of listAt that can hold the filter's state: an open state's appointments, else all. */
function listRange(request: ListRequest): [string, string] {
  const { state } = request.filter;
  if (state === 'all') return ['', `${NO_APPOINTMENT}\uffff`];
  return openStateRanges(request.today, request.dueSoonWorkingDays)[state] ?? ['', `${NO_APPOINTMENT}\uffff`];
}

/**
 * One chunk of the appointment order. Earliest first runs through the whole range (dossiers without
 * an appointment sort last by NO_APPOINTMENT); latest first runs the dated part backwards, then the
 * undated part, so those still come last.
 */
async function readChunk(db: TthcDatabase, request: ListRequest, position: ListPosition): Promise<{ dossiers: StoredDossier[]; next: ListPosition | null }> {
  const [from, to] = listRange(request);
  const index = db.dossiers.where('[listAt+code]');
  const latestFirst = request.filter.sort === 'appointmentDesc';
  let dossiers: StoredDossier[];
  if (position.part === 'undated') {
    const lower = position.after ?? [NO_APPOINTMENT, Dexie.minKey];
    dossiers = await index.between(lower, [NO_APPOINTMENT, Dexie.maxKey], position.after === null, true).limit(CHUNK).toArray();
  } else if (latestFirst) {
    const end = to > NO_APPOINTMENT ? NO_APPOINTMENT : to;
    const upper = position.after ?? [end, Dexie.minKey];
    dossiers = await index.between([from, Dexie.minKey], upper, true, false).reverse().limit(CHUNK).toArray();
  } else {
    const lower = position.after ?? [from, Dexie.minKey];
    dossiers = await index.between(lower, [to, Dexie.minKey], position.after === null, false).limit(CHUNK).toArray();
  }
  const last = dossiers.at(-1);
  if (last && dossiers.length === CHUNK) return { dossiers, next: { part: position.part, after: [last.listAt!, last.code] } };
  // This part is done; after the dated part read backwards come the undated, when the range holds them.
  const undatedNext = latestFirst && position.part === 'dated' && to > NO_APPOINTMENT;
  return { dossiers, next: undatedNext ? { part: 'undated', after: null } : null };
}

/**
 * The list's first `wanted` matching rows, or, continuing `earlier`, at least `wanted` in all,
 * unless the list ends first.
 */
export async function readListPage(db: TthcDatabase, request: ListRequest, wanted: number, earlier?: ListPage): Promise<ListPage> {
  const ctx = { today: request.today, dueSoonWorkingDays: request.dueSoonWorkingDays, phaseRules: request.phaseRules };
  if (!earlier) {
    const codes = await narrowedCodes(db, request.filter);
    if (codes !== null) {
      const found = (await db.dossiers.bulkGet(codes)).filter((d): d is StoredDossier => d !== undefined);
      return { rows: filterDossiers(dossierRows(found, ctx), request.filter, request.unit), next: null };
    }
  }
  const matches = filterMatcher(request.filter, request.unit);
  const collected = [...(earlier?.rows ?? [])];
  let next: ListPosition | null = earlier ? earlier.next : { part: 'dated', after: null };
  while (next !== null && collected.length < wanted) {
    const chunk = await readChunk(db, request, next);
    collected.push(...dossierRows(chunk.dossiers, ctx).filter(matches));
    next = chunk.next;
  }
  return { rows: collected, next };
}
