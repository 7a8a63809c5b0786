// The unit's change history as the server keeps it (GET /history, editors only): who changed the
// board, when, and how many updates, so a unit lead can name the moment before a mistake, and bring
// the board back to it (GET /history/document, then the edits made here, as the lead's own).
import * as Y from 'yjs';
import { z } from 'zod';
import { revertTo } from '../../shared/sync/revert.ts';
import { getFromServer, isServerConfigured, type BoardSettings } from './boardSettings.ts';

const historySchema = z.object({
  since: z.string(),
  moments: z.array(z.object({ at: z.string(), user: z.string(), updates: z.number().int() })),
});
export type UnitHistory = z.infer<typeof historySchema>;

export type HistoryAnswer = { ok: true; history: UnitHistory } | { ok: false; reason: 'no_server' | 'not_editor' | 'refused' | 'unreachable' };

/**
 * Why the server refused a history request: a reason the list names itself (`named`), a refused
 * token, or anything else (a server that is down or not ours).
 */
function refusal<Named extends string>(response: Response, body: unknown, named: readonly Named[]): Named | 'refused' | 'unreachable' {
  const reason = (body as { reason?: unknown } | null)?.reason;
  if (named.includes(reason as Named)) return reason as Named;
  return response.status === 401 || response.status === 403 ? 'refused' : 'unreachable';
}

export async function fetchUnitHistory(settings: BoardSettings, fetchImpl: typeof fetch = fetch): Promise<HistoryAnswer> {
  if (!isServerConfigured(settings)) return { ok: false, reason: 'no_server' };
  try {
    const response = await getFromServer(settings, '/history', {}, fetchImpl);
    const body: unknown = await response.json().catch(() => null);
    if (!response.ok) return { ok: false, reason: refusal(response, body, ['not_editor']) };
    const parsed = historySchema.safeParse(body);
    return parsed.success ? { ok: true, history: parsed.data } : { ok: false, reason: 'unreachable' };
  } catch {
    return { ok: false, reason: 'unreachable' };
  }
}

export type RestoreAnswer = { ok: true; edits: number } | { ok: false; reason: 'no_server' | 'not_editor' | 'refused' | 'before_history' | 'unreachable' };

/** Where the restore's edits come from: not this session's undo history (it is undone by restoring again). */
export const RESTORE_ORIGIN = { restore: true };

/**
 * Brings `board` back to the unit's board as it was at `at` (an instant the history listed): what
 * it held then returns, work added since is kept (shared/sync/revert.ts). The edits are made on the
 * panel's own replica as one change, so they reach the server and every officer like any edit.
 */
export async function restoreBoardTo(settings: BoardSettings, board: Y.Doc, at: string, fetchImpl: typeof fetch = fetch): Promise<RestoreAnswer> {
  if (!isServerConfigured(settings)) return { ok: false, reason: 'no_server' };
  let response: Response;
  try {
    response = await getFromServer(settings, '/history/document', { at }, fetchImpl);
  } catch {
    return { ok: false, reason: 'unreachable' };
  }
  if (!response.ok) return { ok: false, reason: refusal(response, await response.json().catch(() => null), ['not_editor', 'before_history']) };
  const then = new Y.Doc();
  try {
    Y.applyUpdate(then, new Uint8Array(await response.arrayBuffer()));
    let edits = 0;
    board.transact(() => {
      edits = revertTo(board, then, { exact: false });
    }, RESTORE_ORIGIN);
    return { ok: true, edits };
  } catch {
    return { ok: false, reason: 'unreachable' };
  } finally {
    then.destroy();
  }
}
