// Small readers both portal adapters share: untrusted JSON values and page text in, typed values
// out, and every entry that does not pass the record schemas turned into a `Rejected` with a
// reason (an i18n key of shared/i18n/catalogs/portal.ts) instead of being dropped.
import { dossierSchema, type Dossier } from '../schemas/dossier.ts';
import { procedureSchema, type Procedure } from '../schemas/procedure.ts';
import { normalizePortalInstant } from '../time/dates.ts';
import type { Rejected } from './types.ts';

export const rejectionReasons = {
  responseShape: 'portal.rejected.responseShape',
  notAnObject: 'portal.rejected.notAnObject',
  missingCode: 'portal.rejected.missingCode',
  invalidDossier: 'portal.rejected.invalidDossier',
  invalidProcedure: 'portal.rejected.invalidProcedure',
  unreadableDate: 'portal.rejected.unreadableDate',
} as const;

export type JsonObject = Record<string, unknown>;

export function asObject(value: unknown): JsonObject | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : null;
}

/** Portal text, NFC (the portal sometimes sends decomposed Vietnamese), trimmed; null when empty. */
export function readText(value: unknown): string | null {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return null;
  const text = value.normalize('NFC').replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}

/** An instant the portal gave, an absent one (null), or text we cannot read as a time. */
export type InstantReading = { ok: true; value: string | null } | { ok: false; raw: string };

/** A JSON timestamp: "2024-03-12T08:15:30.000+0700", "...+0000", ISO, a bare date, or epoch milliseconds. */
export function readPortalInstant(raw: unknown): InstantReading {
  if (raw === null || raw === undefined || raw === '') return { ok: true, value: null };
  // Spring serialises a java.util.Date as epoch milliseconds unless told otherwise.
  const text = typeof raw === 'number' && Number.isFinite(raw) ? new Date(raw).toISOString() : raw;
  const value = normalizePortalInstant(text);
  return value === null ? { ok: false, raw: String(raw) } : { ok: true, value };
}

const DISPLAYED_INSTANT = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** A time as the pages show it, in Vietnam time: "12/03/2024", "12/03/2024 08:15", "12/03/2024 08:15:30". */
export function readDisplayedInstant(raw: string | null): InstantReading {
  if (raw === null || raw === '' || raw === '-' || raw === '—') return { ok: true, value: null };
  const match = DISPLAYED_INSTANT.exec(raw);
  if (!match) return { ok: false, raw };
  const [, d, m, y, hh = '0', mm = '00', ss = '00'] = match as unknown as [string, string, string, string, string?, string?, string?];
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}T${hh.padStart(2, '0')}:${mm}:${ss}+07:00`;
  const ms = Date.parse(iso);
  const roundTrip = new Date(ms + 7 * 3_600_000);
  // Date.parse rolls 31/02 over to March: a date the calendar does not have is unreadable.
  if (Number.isNaN(ms) || roundTrip.getUTCDate() !== Number(d) || roundTrip.getUTCMonth() + 1 !== Number(m)) return { ok: false, raw };
  return { ok: true, value: normalizePortalInstant(iso) };
}

/**
 * Reads the named instants of one entry; on the first unreadable one, records a rejection and
 * returns null (an unreadable date would otherwise become "no date" and hide a deadline).
 */
export function readInstants<K extends string>(
  readings: Record<K, InstantReading>,
  label: string,
  rejected: Rejected[],
): Record<K, string | null> | null {
  const values = {} as Record<K, string | null>;
  for (const key of Object.keys(readings) as K[]) {
    const reading = readings[key];
    if (!reading.ok) {
      rejected.push({ reason: rejectionReasons.unreadableDate, sample: `${label}: ${key}=${reading.raw.slice(0, 40)}` });
      return null;
    }
    values[key] = reading.value;
  }
  return values;
}

export function issuesOf(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  return error.issues.map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`).join('; ');
}

/** Validates a candidate dossier; a failure goes to `rejected` with the dossier code and the failing fields only. */
export function acceptDossier(candidate: Record<string, unknown>, rejected: Rejected[]): Dossier | null {
  const result = dossierSchema.safeParse(candidate);
  if (result.success) return result.data;
  // The code is cut short: an oversized one must not fill the sample and hide the failing fields.
  rejected.push({ reason: rejectionReasons.invalidDossier, sample: `${String(candidate.code ?? '?').slice(0, 40)}: ${issuesOf(result.error)}`.slice(0, 200) });
  return null;
}

export function acceptProcedure(candidate: Record<string, unknown>, rejected: Rejected[]): Procedure | null {
  const result = procedureSchema.safeParse(candidate);
  if (result.success) return result.data;
  rejected.push({ reason: rejectionReasons.invalidProcedure, sample: `${String(candidate.code ?? candidate.localCode ?? '?')}: ${issuesOf(result.error)}`.slice(0, 200) });
  return null;
}

/** Text of the first element matching `selector` inside `root`, NFC, or null. */
export function textAt(root: ParentNode, selector: string): string | null {
  return readText(root.querySelector(selector)?.textContent ?? null);
}

/**
 * Label → value pairs of a "label: value" layout (a th/td table or label/value elements), keyed by
 * the label without its trailing colon. Reading by label survives column reordering.
 */
export function labelledValues(rows: Iterable<Element>, labelSelector: string, valueSelector: string): Map<string, Element> {
  const values = new Map<string, Element>();
  for (const row of rows) {
    const label = readText(row.querySelector(labelSelector)?.textContent ?? null)?.replace(/:$/, '').trim();
    const value = row.querySelector(valueSelector);
    if (label && value) values.set(label, value);
  }
  return values;
}
