// Settings pushed by the organisation's IT through browser policy (chrome.storage.managed, its
// shape in public/managed_schema.json). They are a locked layer over what the officer saved: a
// managed value wins everywhere settings are read, and the options page shows it as set by the
// organisation. A policy value that does not fit is ignored, never half-applied.
import { z } from 'zod';
import { settingSchemas, type SettingKey, type Settings } from './settings.ts';

/** The row of the settings table that mirrors the policy (written only by the background). */
export const MANAGED_ROW_KEY = 'managed';

/** Policy keys that are settings of the settings table, by the same name. */
const managedSettingKeys = ['portalOrigins', 'locale', 'keepPersonalData', 'deadlineNotifications'] as const satisfies readonly SettingKey[];

export interface ManagedPolicy {
  settings: Partial<Settings>;
  /** The board's server and unit; the officer's own token and name stay his. */
  board: { server?: string; unit?: string };
}

export const noPolicy: ManagedPolicy = { settings: {}, board: {} };

const boardPolicySchema = z.object({
  syncServer: z.string().trim().regex(/^wss?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/).optional().catch(undefined),
  unit: z.string().trim().regex(/^[A-Za-z0-9._-]+$/).optional().catch(undefined),
});

/** The policy as the browser gives it (any JSON), read key by key. */
export function readManagedPolicy(raw: unknown): ManagedPolicy {
  if (typeof raw !== 'object' || raw === null) return noPolicy;
  const record = raw as Record<string, unknown>;
  const settings: Partial<Record<SettingKey, unknown>> = {};
  for (const key of managedSettingKeys) {
    if (record[key] === undefined) continue;
    const parsed = settingSchemas[key].safeParse(record[key]);
    if (parsed.success) settings[key] = parsed.data;
  }
  // The unit is two policy keys (`unit` names the board's room there): its name and its agency codes.
  if (record.unitAgencyCodes !== undefined || record.unitName !== undefined) {
    const unit = settingSchemas.unit.safeParse({ name: record.unitName ?? null, agencyCodes: record.unitAgencyCodes ?? [] });
    if (unit.success) settings.unit = unit.data;
  }
  const board = boardPolicySchema.parse(record);
  return {
    settings: settings as Partial<Settings>,
    board: { ...(board.syncServer ? { server: board.syncServer } : {}), ...(board.unit ? { unit: board.unit } : {}) },
  };
}

/** The settings with the policy's values over the officer's, the board's server and unit included. */
export function withPolicy(settings: Settings, policy: ManagedPolicy): Settings {
  return { ...settings, ...policy.settings, board: { ...settings.board, ...policy.board } };
}

/** The settings keys the organisation set: shown locked, refused when saved. */
export function lockedKeys(policy: ManagedPolicy): ReadonlySet<string> {
  return new Set([...Object.keys(policy.settings), ...Object.keys(policy.board).map((key) => `board.${key}`)]);
}
