// Settings live one per row in the Dexie `settings` table (key → value), so the options page and
// the background each change one key without overwriting the other's. A stored value that does not
// fit its schema reads as its default rather than breaking capture or the panels.
import { z } from 'zod';
import { withUnitNames, type PhaseRules } from '../../shared/dossier/phase.ts';
import { isCalendarDate } from '../../shared/time/dates.ts';
import { boardSettingsSchema, defaultBoardSettings } from '../board/boardSettings.ts';
import { builtInPortalOrigins } from '../portals/origins.ts';
import type { Setting, TthcDatabase } from './database.ts';
import { MANAGED_ROW_KEY, lockedKeys, noPolicy, readManagedPolicy, withPolicy, type ManagedPolicy } from './managed.ts';

/** Beyond this many working days every pending dossier would read "due soon". */
export const MAX_DUE_SOON_WORKING_DAYS = 60;

const unitSchema = z.object({
  name: z.string().trim().min(1).max(200).nullable(),
  agencyCodes: z.array(z.string().trim().min(1).max(100)).max(50),
});

export const settingSchemas = {
  /** Keep applicants' names, ID numbers and addresses (Nghị định 13/2023): off unless the unit turns it on. */
  keepPersonalData: z.boolean().default(false),
  /**
   * The officer's unit: its name, and the portal's agency codes of its dossiers (a Sở and its
   * one-stop desk may have two). Every figure counts the dossiers of these codes; no code, all.
   */
  unit: unitSchema.default({ name: null, agencyCodes: [] }),
  /** An unfinished dossier not seen on the portal for more than this many days is listed as possibly stale. */
  staleAfterDays: z.number().int().min(1).max(365).default(3),
  /** The unit's kind, as the plan and the report deadlines name units: Sở/ban/ngành, UBND cấp huyện, UBND cấp xã. */
  unitKind: z.enum(['department', 'district', 'commune']).nullable().default(null),
  /** An unfinished dossier with this many working days left or fewer is "due soon". */
  dueSoonWorkingDays: z.number().int().min(0).max(MAX_DUE_SOON_WORKING_DAYS).default(2),
  locale: z.enum(['vi', 'en']).default('vi'),
  /** How the annex's "tăng thêm 10%" is read for a unit's target: +10 points or ×1.1 (not stated; ../shared/domain.md). */
  indicatorIncreaseAs: z.enum(['points', 'factor']).default('points'),
  /** One notification a day (after 08:00 Vietnam time) and when the unit's overdue count grows: on unless turned off. */
  deadlineNotifications: z.boolean().default(true),
  /** The Vietnam day the daily notification check last ran, so it runs once a day however often the browser starts. */
  deadlineCheckedOn: z.string().refine(isCalendarDate).nullable().default(null),
  /**
   * Status names the unit adds to the portals' defaults (shared/dossier/phase.ts): a dossier whose
   * status contains one is paused (waiting, never overdue) or closed (ended without a result).
   */
  phaseStatusNames: z
    .object({ paused: z.array(z.string().trim().min(1).max(200)).max(100), closed: z.array(z.string().trim().min(1).max(200)).max(100) })
    .default({ paused: [], closed: [] }),
  /** Origins treated as portals; "http://127.0.0.1:*" means any port (../portals/origins.ts). */
  portalOrigins: z.array(z.string()).default(() => builtInPortalOrigins()),
  /** The unit's task board: sync server, unit, token and the name colleagues see (../board/boardSettings.ts). */
  board: boardSettingsSchema.default(defaultBoardSettings),
};

export type SettingKey = keyof typeof settingSchemas;
export type Settings = { [K in SettingKey]: z.infer<(typeof settingSchemas)[K]> };

const settingKeys = Object.keys(settingSchemas) as SettingKey[];

function settingValue<K extends SettingKey>(key: K, stored: unknown): Settings[K] {
  const parsed = settingSchemas[key].safeParse(stored);
  return (parsed.success ? parsed.data : settingSchemas[key].parse(undefined)) as Settings[K];
}

export const defaultSettings: Settings = Object.fromEntries(settingKeys.map((key) => [key, settingValue(key, undefined)])) as Settings;

/**
 * Settings before the unit became one value kept its code and its name apart (`unitAgencyCode`,
 * `unitAgencyName`): read as the unit until the officer saves one, so nothing set is lost.
 */
const LEGACY_UNIT_KEYS = ['unitAgencyCode', 'unitAgencyName'] as const;

function legacyUnit(stored: Map<string, unknown>): Settings['unit'] | undefined {
  const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);
  const code = text(stored.get(LEGACY_UNIT_KEYS[0]));
  const name = text(stored.get(LEGACY_UNIT_KEYS[1]));
  return code === null && name === null ? undefined : { name, agencyCodes: code === null ? [] : [code] };
}

/** The settings in effect: what the officer saved, under what the organisation's policy sets (the one place both meet). */
export function settingsFromRows(rows: readonly Setting[]): Settings {
  const stored = new Map(rows.map((row) => [row.key, row.value]));
  if (!stored.has('unit')) stored.set('unit', legacyUnit(stored));
  const saved = Object.fromEntries(settingKeys.map((key) => [key, settingValue(key, stored.get(key))])) as Settings;
  return withPolicy(saved, readManagedPolicy(stored.get(MANAGED_ROW_KEY)));
}

/**
 * Every row at once: the table holds a score of small rows, and one read of all of them costs the
 * browser one request where a read by key cost one per key (15 keys; a collected page reads the
 * settings four times: 60 requests a page, about 5% of the collection's CPU).
 */
export async function loadSettings(db: TthcDatabase): Promise<Settings> {
  return settingsFromRows(await db.settings.toArray());
}

/** The organisation's policy as the background last mirrored it (none outside a managed browser). */
export async function loadPolicy(db: TthcDatabase): Promise<ManagedPolicy> {
  const row = await db.settings.get(MANAGED_ROW_KEY);
  return row ? readManagedPolicy(row.value) : noPolicy;
}

/** A setting the organisation set cannot be changed here. */
export class ManagedSettingError extends Error {}

/** Stores one setting after checking it; throws a ZodError for a value that does not fit. */
export async function saveSetting<K extends SettingKey>(db: TthcDatabase, key: K, value: Settings[K]): Promise<void> {
  if (lockedKeys(await loadPolicy(db)).has(key)) throw new ManagedSettingError(key);
  await db.settings.put({ key, value: settingSchemas[key].parse(value) });
}

/** Whether a unit is set: one agency code at least. */
export function hasUnit(settings: Pick<Settings, 'unit'>): boolean {
  return settings.unit.agencyCodes.length > 0;
}

/** Whether a dossier belongs to the officer's unit (by agency code); with no unit set, every dossier does. */
export function isOfUnit(dossier: { agencyCode: string | null }, settings: Pick<Settings, 'unit'>): boolean {
  if (!hasUnit(settings)) return true;
  return dossier.agencyCode !== null && settings.unit.agencyCodes.includes(dossier.agencyCode);
}

/** How the unit is named on screen: its name, else its codes. */
export function unitLabel(settings: Pick<Settings, 'unit'>): string | null {
  if (!hasUnit(settings)) return null;
  return settings.unit.name ?? settings.unit.agencyCodes.join(', ');
}

/** The phase rules in force: the portals' defaults plus the unit's names. */
export function phaseRulesOf(settings: Pick<Settings, 'phaseStatusNames'>): PhaseRules {
  return withUnitNames(settings.phaseStatusNames);
}
