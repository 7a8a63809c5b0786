// Settings live one per row in the Dexie `settings` table (key → value), so the options page and
// the background each change one key without overwriting the other's. A stored value that does not
// fit its schema reads as its default rather than breaking capture or the panels.
import { z } from 'zod';
import { isCalendarDate } from '../../shared/time/dates.ts';
import { boardSettingsSchema, defaultBoardSettings } from '../board/boardSettings.ts';
import type { Setting, TthcDatabase } from './database.ts';

/** Beyond this many working days every pending dossier would read "due soon". */
export const MAX_DUE_SOON_WORKING_DAYS = 60;

export const settingSchemas = {
  /** Keep applicants' names, ID numbers and addresses (Nghị định 13/2023): off unless the unit turns it on. */
  keepPersonalData: z.boolean().default(false),
  /** The officer's unit, by agency code and/or name; neither set counts every dossier. */
  unitAgencyCode: z.string().trim().min(1).nullable().default(null),
  unitAgencyName: z.string().trim().min(1).nullable().default(null),
  /** An unfinished dossier with this many working days left or fewer is "due soon". */
  dueSoonWorkingDays: z.number().int().min(0).max(MAX_DUE_SOON_WORKING_DAYS).default(2),
  locale: z.enum(['vi', 'en']).default('vi'),
  /** How the annex's "tăng thêm 10%" is read for a unit's target: +10 points or ×1.1 (not stated; ../shared/domain.md). */
  indicatorIncreaseAs: z.enum(['points', 'factor']).default('points'),
  /** One notification a day (after 08:00 Vietnam time) and when the unit's overdue count grows: on unless turned off. */
  deadlineNotifications: z.boolean().default(true),
  /** The Vietnam day the daily notification check last ran, so it runs once a day however often the browser starts. */
  deadlineCheckedOn: z.string().refine(isCalendarDate).nullable().default(null),
  /** Origins treated as portals; "http://127.0.0.1:*" means any port. */
  portalOrigins: z
    .array(z.string())
    .default(['https://dichvucong.quangnam.gov.vn', 'https://dichvucong.gov.vn', 'http://127.0.0.1:*', 'http://localhost:*']),
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

export function settingsFromRows(rows: readonly Setting[]): Settings {
  const stored = new Map(rows.map((row) => [row.key, row.value]));
  return Object.fromEntries(settingKeys.map((key) => [key, settingValue(key, stored.get(key))])) as Settings;
}

export async function loadSettings(db: TthcDatabase): Promise<Settings> {
  const rows = await db.settings.bulkGet(settingKeys);
  return settingsFromRows(rows.filter((row): row is Setting => row !== undefined));
}

/** Stores one setting after checking it; throws a ZodError for a value that does not fit. */
export async function saveSetting<K extends SettingKey>(db: TthcDatabase, key: K, value: Settings[K]): Promise<void> {
  await db.settings.put({ key, value: settingSchemas[key].parse(value) });
}

/** Whether a page origin is one of the configured portal origins ("…:*" = any port). */
export function isPortalOrigin(origin: string, portalOrigins: readonly string[]): boolean {
  return portalOrigins.some((pattern) => {
    if (!pattern.endsWith(':*')) return pattern.replace(/\/$/, '') === origin;
    const base = pattern.slice(0, -2);
    return origin === base || (origin.startsWith(`${base}:`) && /^\d+$/.test(origin.slice(base.length + 1)));
  });
}

/** Whether a dossier belongs to the officer's unit; with no unit set, every dossier does. */
export function isOfUnit(dossier: { agency: string | null; agencyCode: string | null }, settings: Pick<Settings, 'unitAgencyCode' | 'unitAgencyName'>): boolean {
  if (settings.unitAgencyCode === null && settings.unitAgencyName === null) return true;
  return (
    (settings.unitAgencyCode !== null && dossier.agencyCode === settings.unitAgencyCode) ||
    (settings.unitAgencyName !== null && dossier.agency?.normalize('NFC') === settings.unitAgencyName.normalize('NFC'))
  );
}
