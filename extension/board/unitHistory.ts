// The unit's change history as the server keeps it (GET /history, editors only): who changed the
// board, when, and how many updates, so a unit lead can name the moment before a mistake.
import { z } from 'zod';
import { isServerConfigured, type BoardSettings } from './boardSettings.ts';

const historySchema = z.object({
  since: z.string(),
  moments: z.array(z.object({ at: z.string(), user: z.string(), updates: z.number().int() })),
});
export type UnitHistory = z.infer<typeof historySchema>;

export type HistoryAnswer = { ok: true; history: UnitHistory } | { ok: false; reason: 'no_server' | 'not_editor' | 'refused' | 'unreachable' };

export async function fetchUnitHistory(settings: BoardSettings, fetchImpl: typeof fetch = fetch): Promise<HistoryAnswer> {
  if (!isServerConfigured(settings)) return { ok: false, reason: 'no_server' };
  const base = settings.server.replace(/^ws/, 'http').replace(/\/+$/, '');
  try {
    const response = await fetchImpl(`${base}/history?unit=${encodeURIComponent(settings.unit)}`, { headers: { Authorization: `Bearer ${settings.token}` } });
    const body: unknown = await response.json().catch(() => null);
    if (response.status === 403 && (body as { reason?: unknown } | null)?.reason === 'not_editor') return { ok: false, reason: 'not_editor' };
    if (!response.ok) return { ok: false, reason: response.status === 401 || response.status === 403 ? 'refused' : 'unreachable' };
    const parsed = historySchema.safeParse(body);
    return parsed.success ? { ok: true, history: parsed.data } : { ok: false, reason: 'unreachable' };
  } catch {
    return { ok: false, reason: 'unreachable' };
  }
}
