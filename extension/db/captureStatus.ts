// What the side panel shows about capture: how much is stored, when it last arrived, and the
// responses or pages that could not be understood.
import type { CaptureStatusReply } from '../messaging/messages.ts';
import type { TthcDatabase } from './database.ts';

const RECENT_PROBLEMS = 20;

export async function captureStatus(db: TthcDatabase, overdue: number): Promise<CaptureStatusReply> {
  const [dossiers, procedures, latest, problems] = await Promise.all([
    db.dossiers.count(),
    db.procedures.count(),
    db.dossiers.orderBy('lastSeenAt').last(),
    db.captureProblems.orderBy('seenAt').reverse().limit(RECENT_PROBLEMS).toArray(),
  ]);
  return {
    dossiers,
    procedures,
    overdue,
    lastCaptureAt: latest?.lastSeenAt ?? null,
    problems: problems.map(({ site, url, reason, count, seenAt }) => ({ site, url, reason, count, seenAt })),
  };
}
