// The extension's database, in the extension's own origin (background and extension pages only;
// content scripts send records by message). Every schema change is a new version with an upgrade
// that keeps data.
import Dexie, { type EntityTable } from 'dexie';
import type { Dossier } from '../../shared/schemas/dossier.ts';
import type { Decision, DecisionProcedure } from '../../shared/schemas/decision.ts';
import type { Procedure } from '../../shared/schemas/procedure.ts';
import type { SearchCoverage } from '../../shared/portalCoverage/coverage.ts';
import type { StoredCollection } from './collections.ts';
import { talliesOf, tallyRows, withIndexFields, type DossierTally, type UnitTally } from './dossierIndex.ts';
import { indexedPhaseNamesRow } from './phaseIndex.ts';
import { phaseRulesOf, settingsFromRows } from './settings.ts';

/** Latest known state of a dossier, plus when we saw it. */
/** Latest known state of a dossier, plus when we saw it, plus its index fields (dossierIndex.ts). */
export interface StoredDossier extends Dossier {
  firstSeenAt: string;
  lastSeenAt: string;
  /** The appointment of a dossier that can be overdue, due soon or pending: its index holds just those. */
  openAppointmentAt?: string;
  /** The timeliness state of every other dossier (it no longer depends on the day). */
  settledState?: string;
  /** The appointment, or NO_APPOINTMENT: the list's order. */
  listAt?: string;
  /** The agency code, '' when none. */
  unitKey?: string;
  /** lastSeenAt of an unfinished dossier: the stale list's range. */
  openSeenAt?: string;
}

/** One change of a dossier's status, as observed: the dossier's timeline. */
export interface StatusObservation {
  id?: number;
  dossierCode: string;
  status: string | null;
  seenAt: string;
}

export interface StoredProcedure extends Procedure {
  firstSeenAt: string;
  lastSeenAt: string;
}

/** First calendar day (Vietnam) a procedure code was seen on the provincial system's public list. */
export interface ProcedureFirstSeen {
  procedureCode: string;
  firstSeenOn: string;
}

/**
 * A national procedure id (the national database's `ma_thu_tuc=ID`) and the code the national portal's
 * page showed with it: how a decision's listed procedures are matched to publication records.
 */
export interface NationalProcedureId {
  nationalId: string;
  code: string;
}

export interface StoredDecision extends Decision {
  lastSeenAt: string;
}

/** Responses or pages the adapters could not understand, kept so the officer sees them. */
export interface CaptureProblem {
  id?: number;
  site: string;
  url: string;
  reason: string;
  count: number;
  seenAt: string;
  /** The field left empty, for reason `portal.unreadField`. */
  field?: string;
  /** The response's keys, value types and date formats (no values), taken at capture time. */
  shape?: string;
}

/** A procedure's publication record, typed or imported by the officer (shared/schemas/publication.ts). */
export interface StoredPublication {
  procedureCode: string;
  record: unknown;
  updatedAt: string;
}

/** An indicator figure entered for a period, for the rates the records cannot give. */
export interface StoredIndicatorFigure {
  indicatorId: string;
  period: string;
  figure: unknown;
  updatedAt: string;
}

export interface Setting {
  key: string;
  value: unknown;
}

/**
 * Dossiers a search listed that it had not listed before, one row per list response (a row per
 * dossier cost a collected page 1,000 writes): the search's stored count is the number of codes.
 */
export interface SearchMembers {
  id?: number;
  searchKey: string;
  codes: string[];
}

export type TthcDatabase = Dexie & {
  dossiers: EntityTable<StoredDossier, 'code'>;
  statusObservations: EntityTable<StatusObservation, 'id'>;
  procedures: EntityTable<StoredProcedure, 'code'>;
  procedureFirstSeen: EntityTable<ProcedureFirstSeen, 'procedureCode'>;
  captureProblems: EntityTable<CaptureProblem, 'id'>;
  publications: EntityTable<StoredPublication, 'procedureCode'>;
  indicatorFigures: Dexie.Table<StoredIndicatorFigure, [string, string]>;
  settings: EntityTable<Setting, 'key'>;
  decisions: EntityTable<StoredDecision, 'id'>;
  decisionProcedures: Dexie.Table<DecisionProcedure, [string, string]>;
  nationalProcedureIds: EntityTable<NationalProcedureId, 'nationalId'>;
  searchCoverage: EntityTable<SearchCoverage, 'key'>;
  searchMembers: EntityTable<SearchMembers, 'id'>;
  collections: EntityTable<StoredCollection, 'id'>;
  dossierTallies: Dexie.Table<DossierTally, [string, string]>;
  unitTallies: EntityTable<UnitTally, 'unitKey'>;
};

export function openDatabase(name = 'tthc-desk'): TthcDatabase {
  const db = new Dexie(name) as TthcDatabase;
  db.version(1).stores({
    // Only the indexes something queries: each one costs every captured row a write.
    // openAppointmentAt: the overdue count.
    dossiers: '&code, openAppointmentAt',
    // [dossierCode+seenAt] also answers "every observation of a dossier" (its first part).
    statusObservations: '++id, [dossierCode+seenAt]',
    procedures: '&code, lastSeenAt',
    procedureFirstSeen: '&procedureCode, firstSeenOn',
    captureProblems: '++id, seenAt',
    publications: '&procedureCode, updatedAt',
    indicatorFigures: '[indicatorId+period], period',
    settings: '&key',
  });
  // Publication decisions of the national TTHC database, the procedures each lists (by national id),
  // and the national ids whose code a national procedure page showed; coverage per search the
  // officer ran, the dossiers each listed, and the period collections.
  db.version(2).stores({
    decisions: '&id',
    decisionProcedures: '[decisionId+nationalId], nationalId',
    nationalProcedureIds: '&nationalId, code',
    searchCoverage: '&key, lastSeenAt',
    searchMembers: '++id, searchKey',
    collections: '&id, pageOrigin, updatedAt',
  });
  // The side panel pages dossiers by index (dossierIndex.ts): in appointment order, by procedure and
  // agency (narrowing the list), unfinished ones by last sight (the stale list); its counts and
  // filter menus read the tallies the background keeps with each write.
  db.version(3)
    .stores({
      dossiers: '&code, openAppointmentAt, [listAt+code], openSeenAt, [unitKey+openSeenAt], procedureCode, agency',
      dossierTallies: '[unitKey+key]',
    })
    .upgrade(async (tx) => {
      const settings = settingsFromRows(await tx.table<Setting>('settings').toArray());
      const phaseRules = phaseRulesOf(settings);
      const rows: StoredDossier[] = [];
      await tx.table<StoredDossier>('dossiers').toCollection().modify((dossier, ref) => {
        ref.value = withIndexFields(dossier, phaseRules);
        rows.push(ref.value);
      });
      await tx.table<DossierTally>('dossierTallies').bulkPut(talliesOf(rows));
      await tx.table<Setting>('settings').put(indexedPhaseNamesRow(settings));
    });
  // Each agency code's tallies in one row (dossierIndex.ts UnitTally): the rows kept per code and
  // key move there; the tallies of every unit at once stay (written back as they were).
  db.version(4)
    .stores({ unitTallies: '&unitKey' })
    .upgrade(async (tx) => {
      const tallies = tx.table<DossierTally, [string, string]>('dossierTallies');
      const { shared, units } = tallyRows(await tallies.toArray());
      await tallies.clear();
      await Promise.all([tallies.bulkPut(shared), tx.table<UnitTally>('unitTallies').bulkPut(units)]);
    });
  return db;
}
