// The procedures and agencies present among the dossiers, for the filter menus: the distinct keys
// of their indexes (dossierIndex.ts), one dossier read per procedure for its name.
import type { TthcDatabase } from '../../../db/database.ts';
import type { FilterChoices } from './dossierView.ts';

export async function readFilterChoices(db: TthcDatabase): Promise<FilterChoices> {
  const [procedureCodes, agencies] = await Promise.all([db.dossiers.orderBy('procedureCode').uniqueKeys(), db.dossiers.orderBy('agency').uniqueKeys()]);
  const procedures = await Promise.all(
    procedureCodes.map(async (code) => ({ code: String(code), name: (await db.dossiers.where('procedureCode').equals(code).first())?.procedureName ?? '' })),
  );
  return {
    procedures: procedures.sort((a, b) => a.code.localeCompare(b.code)),
    agencies: agencies.map(String).sort((a, b) => a.localeCompare(b, 'vi')),
  };
}
