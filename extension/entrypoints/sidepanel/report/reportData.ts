// The report's input read from Dexie: the unit's stored dossiers as report records, each with its
// phase read from its status names (with the unit's own names) and, for a dossier ended without a
// result, the day that status was first seen: its first observation in the status timeline, else
// the day the dossier was first captured (already ended; observations start at a status change).
import { dossierPhase } from '../../../../shared/dossier/phase.ts';
import { reportDossierOf, type ReportDossier } from '../../../../shared/report/input.ts';
import type { StoredDossier } from '../../../db/database.ts';
import { isOfUnit, phaseRulesOf, type Settings } from '../../../db/settings.ts';
import { db } from '../../../ui/pageDatabase.ts';

export interface ReportSource {
  dossiers: ReportDossier[];
}

type ReportSettings = Pick<Settings, 'unit' | 'phaseStatusNames'>;

async function closedSeenAt(dossier: StoredDossier, rules: ReturnType<typeof phaseRulesOf>): Promise<string> {
  const observations = await db.statusObservations.where('[dossierCode+seenAt]').between([dossier.code, ''], [dossier.code, '\uffff']).toArray();
  const first = observations.find((seen) => dossierPhase({ status: seen.status, site: dossier.site }, rules) === 'closed');
  return first?.seenAt ?? dossier.firstSeenAt;
}

export async function loadReportDossiers(settings: ReportSettings): Promise<ReportSource> {
  const phaseRules = phaseRulesOf(settings);
  const stored = (await db.dossiers.toArray()).filter((dossier) => isOfUnit(dossier, settings));
  const dossiers = await Promise.all(stored.map(async (dossier) => {
    const phase = dossierPhase(dossier, phaseRules);
    return reportDossierOf(dossier, { phase, phaseRules, ...(phase === 'closed' ? { closedSeenAt: await closedSeenAt(dossier, phaseRules) } : {}) });
  }));
  return { dossiers };
}

/** Hands a file to the browser's download, as the dossier export does. */
export function download(blob: Blob, name: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  link.click();
  URL.revokeObjectURL(link.href);
}
