// The report's input read from Dexie: the unit's stored dossiers as report records. The timeline
// facts (phase, closedSeenAt) are not derived here yet: every stored dossier reads as active until
// the dossier record carries its phase (shared/report/input.ts).
import { reportDossierOf, type ReportDossier } from '../../../../shared/report/input.ts';
import { isOfUnit, type Settings } from '../../../db/settings.ts';
import { db } from '../../../ui/database.ts';

export interface ReportSource {
  dossiers: ReportDossier[];
}

export async function loadReportDossiers(unit: Pick<Settings, 'unitAgencyCode' | 'unitAgencyName'>): Promise<ReportSource> {
  const stored = await db.dossiers.toArray();
  return { dossiers: stored.filter((dossier) => isOfUnit(dossier, unit)).map((dossier) => reportDossierOf(dossier)) };
}

/** Hands a file to the browser's download, as the dossier export does. */
export function download(blob: Blob, name: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  link.click();
  URL.revokeObjectURL(link.href);
}
