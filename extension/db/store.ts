// Writing captured records: one Dexie transaction per batch, bulk reads and bulk writes only
// (one put per row is ~13× slower at 1,000 rows). The dossier table keeps the latest state; every
// change of status adds observations, so a dossier's timeline survives later captures.
import Dexie from 'dexie';
import { toVietnamIso, todayInVietnam } from '../../shared/time/dates.ts';
import type { PhaseRules } from '../../shared/dossier/phase.ts';
import type { Dossier } from '../../shared/schemas/dossier.ts';
import type { Procedure } from '../../shared/schemas/procedure.ts';
import { addToUnitTally, splitTallies, TallyChanges, withIndexFields, type DossierTally } from './dossierIndex.ts';
import { keepKnown } from './keepKnown.ts';
import { loadSettings, phaseRulesOf, type Settings } from './settings.ts';
import type { CaptureProblem, StatusObservation, StoredDossier, StoredProcedure, TthcDatabase } from './database.ts';

export interface BatchToStore {
  site: Dossier['site'];
  dossiers: Dossier[];
  procedures: Procedure[];
}

export interface StoreOptions {
  now: Date;
  keepPersonalData: boolean;
}

export interface StoreOutcome {
  stored: number;
  statusChanges: number;
}

/** Instants are stored in Vietnam time so the appointment indexes (dossierIndex.ts) sort them in time order. */
function inVietnamTime(instant: string | null): string | null {
  return instant === null ? null : toVietnamIso(instant);
}

function prepareDossier(dossier: Dossier, keepPersonalData: boolean): Dossier {
  const { applicant, ...rest } = dossier;
  const prepared: Dossier = {
    ...rest,
    acceptedAt: inVietnamTime(rest.acceptedAt),
    appointmentAt: inVietnamTime(rest.appointmentAt),
    returnedAt: inVietnamTime(rest.returnedAt),
    completedAt: inVietnamTime(rest.completedAt),
    stepDueAt: inVietnamTime(rest.stepDueAt),
  };
  if (keepPersonalData && applicant) prepared.applicant = applicant;
  return prepared;
}

/** The last record per key wins: a page can list the same dossier twice while it re-renders. */
function lastPerKey<T>(records: T[], key: (record: T) => string): T[] {
  return [...new Map(records.map((record) => [key(record), record])).values()];
}

/**
 * Codes already stored, per database: a batch of new dossiers then skips reading rows that are not
 * there (a third of the time of a 1,000-row batch). Only the background writes dossiers, so the set
 * can only be missing codes it never wrote; a code it lists that is gone reads as new.
 */
const storedCodes = new WeakMap<TthcDatabase, Promise<Set<string>>>();

function knownCodes(db: TthcDatabase): Promise<Set<string>> {
  let codes = storedCodes.get(db);
  if (!codes) {
    codes = db.dossiers.toCollection().primaryKeys().then((keys) => new Set(keys));
    storedCodes.set(db, codes);
    codes.catch(() => storedCodes.delete(db));
  }
  return codes;
}

/**
 * The status a dossier had since it was first seen, for the dossiers whose timeline starts now.
 * It is written at its first change, not at first sight: until then the dossier row says it all
 * (status, firstSeenAt), and writing it for every new dossier would double the cost of a capture.
 */
async function firstStatuses(db: TthcDatabase, changing: StoredDossier[]): Promise<StatusObservation[]> {
  const counts = await Promise.all(
    changing.map((before) => db.statusObservations.where('[dossierCode+seenAt]').between([before.code, Dexie.minKey], [before.code, Dexie.maxKey]).count()),
  );
  return changing.filter((_, i) => counts[i] === 0).map((before) => ({ dossierCode: before.code, status: before.status, seenAt: before.firstSeenAt }));
}

/** Adds the changes to the stored tallies (dossierIndex.ts); a tally down to 0 is deleted. */
async function storeTallies(db: TthcDatabase, tallies: TallyChanges): Promise<void> {
  const { shared, perUnit } = splitTallies(tallies.changes.values());
  await Promise.all([storeSharedTallies(db, shared), storeUnitTallies(db, perUnit)]);
}

/** The tallies of every unit at once (procedures with their names, agencies): one row each. */
async function storeSharedTallies(db: TthcDatabase, tallies: DossierTally[]): Promise<void> {
  const changes = tallies.filter((change) => change.count !== 0 || change.label !== undefined);
  const stored = await db.dossierTallies.bulkGet(changes.map((change): [string, string] => [change.unitKey, change.key]));
  const updated = changes.map((change, i) => ({ ...stored[i], ...change, count: (stored[i]?.count ?? 0) + change.count }));
  await Promise.all([
    db.dossierTallies.bulkPut(updated.filter((tally) => tally.count > 0)),
    db.dossierTallies.bulkDelete(updated.filter((tally) => tally.count <= 0).map((tally): [string, string] => [tally.unitKey, tally.key])),
  ]);
}

/** Each unit's tallies: its one row read, changed and written back (deleted once it counts nothing). */
async function storeUnitTallies(db: TthcDatabase, perUnit: Map<string, Record<string, number>>): Promise<void> {
  const changes = [...perUnit];
  const stored = await db.unitTallies.bulkGet(changes.map(([unitKey]) => unitKey));
  const updated = changes.map(([unitKey, change], i) => ({ unitKey, row: addToUnitTally(unitKey, stored[i], change) }));
  await Promise.all([
    db.unitTallies.bulkPut(updated.flatMap(({ row }) => row ?? [])),
    db.unitTallies.bulkDelete(updated.filter(({ row }) => row === null).map(({ unitKey }) => unitKey)),
  ]);
}

/**
 * A batch made ready before its turn in the write queue: deduplicated, prepared, and the rows of
 * the dossiers not stored before already derived (index fields, timeliness), so the queue's turn
 * is the writing alone while the batch before it is still being written.
 */
export interface PreparedBatch {
  site: Dossier['site'];
  dossiers: Dossier[];
  procedures: Procedure[];
  now: Date;
  seenAt: string;
  /** The rows of dossiers whose codes were not stored, judged by the phase names `phaseNamesKey` names. */
  newRows: Map<string, StoredDossier>;
  phaseNamesKey: string;
}

const phaseNamesKeyOf = (settings: Pick<Settings, 'phaseStatusNames'>) => JSON.stringify(settings.phaseStatusNames);

/** The row a captured dossier is stored as: merged with what was stored (`before`), seen now, with its index fields. */
function storedRow(before: StoredDossier | undefined, dossier: Dossier, seenAt: string, phaseRules: PhaseRules): StoredDossier {
  return withIndexFields({ ...keepKnown(before, dossier), firstSeenAt: before?.firstSeenAt ?? seenAt, lastSeenAt: seenAt }, phaseRules);
}

export async function prepareCaptureBatch(db: TthcDatabase, batch: BatchToStore, options: StoreOptions, settings: Pick<Settings, 'phaseStatusNames'>): Promise<PreparedBatch> {
  const seenAt = toVietnamIso(options.now);
  const dossiers = lastPerKey(batch.dossiers, (d) => d.code).map((d) => prepareDossier(d, options.keepPersonalData));
  const known = await knownCodes(db);
  const rules = phaseRulesOf(settings);
  const newRows = new Map<string, StoredDossier>();
  for (const dossier of dossiers) if (!known.has(dossier.code)) newRows.set(dossier.code, storedRow(undefined, dossier, seenAt, rules));
  return { site: batch.site, dossiers, procedures: lastPerKey(batch.procedures, (p) => p.code), now: options.now, seenAt, newRows, phaseNamesKey: phaseNamesKeyOf(settings) };
}

async function storeDossiers(db: TthcDatabase, batch: PreparedBatch, known: Set<string>, settings: Settings): Promise<StoreOutcome> {
  const { dossiers, seenAt } = batch;
  const phaseRules = phaseRulesOf(settings);
  // Rows derived before the turn hold unless the phase names changed meanwhile (phaseIndex.ts).
  const newRows = batch.phaseNamesKey === phaseNamesKeyOf(settings) ? batch.newRows : new Map<string, StoredDossier>();
  const seenBefore = dossiers.filter((d) => known.has(d.code)).map((d) => d.code);
  const found = await db.dossiers.bulkGet(seenBefore);
  const existing = new Map(found.filter((d) => d !== undefined).map((d) => [d.code, d]));
  const changing: StoredDossier[] = [];
  const changes: StatusObservation[] = [];
  const tallies = new TallyChanges();
  const rows: StoredDossier[] = dossiers.map((dossier) => {
    const before = existing.get(dossier.code);
    if (before && before.status !== dossier.status) {
      changing.push(before);
      changes.push({ dossierCode: dossier.code, status: dossier.status, seenAt });
    }
    const row = (!before && newRows.get(dossier.code)) || storedRow(before, dossier, seenAt, phaseRules);
    tallies.replace(before, row);
    return row;
  });
  const observations = changing.length > 0 ? [...(await firstStatuses(db, changing)), ...changes] : [];
  // The writes are queued at once: one store's requests do not wait for another's replies.
  await Promise.all([db.dossiers.bulkPut(rows), observations.length > 0 ? db.statusObservations.bulkAdd(observations) : undefined, storeTallies(db, tallies)]);
  return { stored: rows.length, statusChanges: changes.length };
}

async function storeProcedures(db: TthcDatabase, site: Dossier['site'], procedures: Procedure[], now: Date): Promise<void> {
  if (procedures.length === 0) return;
  const seenAt = toVietnamIso(now);
  const codes = procedures.map((p) => p.code);
  const existing = await db.procedures.bulkGet(codes);
  const rows: StoredProcedure[] = procedures.map((procedure, i) => ({
    ...keepKnown<Procedure>(existing[i], procedure),
    firstSeenAt: existing[i]?.firstSeenAt ?? seenAt,
    lastSeenAt: seenAt,
  }));
  await db.procedures.bulkPut(rows);
  // The national portal's pages pair a code with the national database's id, which its decisions list.
  if (site === 'dvcqg') {
    const links = procedures.flatMap((p) => (p.portalId === null ? [] : [{ nationalId: p.portalId, code: p.code }]));
    if (links.length > 0) await db.nationalProcedureIds.bulkPut(links);
  }
  // Evidence for the `provincialSystem` publication step: only the provincial system's list counts.
  if (site !== 'igate') return;
  const firstSeen = await db.procedureFirstSeen.bulkGet(codes);
  const today = todayInVietnam(now);
  const missing = codes.filter((_, i) => firstSeen[i] === undefined).map((procedureCode) => ({ procedureCode, firstSeenOn: today }));
  if (missing.length > 0) await db.procedureFirstSeen.bulkAdd(missing);
}

export async function storeCaptureBatch(db: TthcDatabase, batch: PreparedBatch): Promise<StoreOutcome> {
  const known = await knownCodes(db);
  const outcome = await db.transaction('rw', [db.settings, db.dossiers, db.dossierTallies, db.unitTallies, db.statusObservations, db.procedures, db.procedureFirstSeen, db.nationalProcedureIds], async () => {
    // The phase names are read in the transaction: a change of them re-derives after it (phaseIndex.ts).
    const stored = await storeDossiers(db, batch, known, await loadSettings(db));
    await storeProcedures(db, batch.site, batch.procedures, batch.now);
    return stored;
  });
  for (const dossier of batch.dossiers) known.add(dossier.code);
  return outcome;
}

/**
 * Turning personal data off erases what was kept while it was on (Nghị định 13/2023): the setting
 * means "not kept", not only "no longer captured". Returns how many dossiers lost their applicant.
 */
export function forgetApplicants(db: TthcDatabase): Promise<number> {
  return db.dossiers
    .filter((dossier) => dossier.applicant !== undefined)
    .modify((dossier) => {
      delete dossier.applicant;
    });
}

/** Keeps only the path of the page: query strings can carry an applicant's name or ID number. */
function problemLocation(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return '';
  }
}

/**
 * One row per page (origin and path), its count growing with each report and its reason the latest:
 * a page that floods the channel with malformed messages leaves one row, not thousands.
 */
export async function recordCaptureProblem(db: TthcDatabase, problem: Omit<CaptureProblem, 'id' | 'seenAt'>, now: Date): Promise<void> {
  const { site, reason, count, field, shape } = problem;
  const url = problemLocation(problem.url);
  const seenAt = toVietnamIso(now);
  await db.transaction('rw', db.captureProblems, async () => {
    // An unread field keeps a row of its own on the page: the panel lists which fields a portal lacks.
    const known = await db.captureProblems.filter((row) => row.url === url && row.site === site && row.field === field).first();
    if (known) await db.captureProblems.update(known.id, { count: known.count + count, reason, seenAt, ...(shape ? { shape } : {}) });
    else await db.captureProblems.add({ site, url, reason, count, seenAt, ...(field ? { field } : {}), ...(shape ? { shape } : {}) });
  });
}
