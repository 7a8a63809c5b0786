// Register each feature's catalog here (one line per feature).
import type { Catalog } from '../i18n.ts';
import { cliCatalog } from './cli.ts';
import { domainCatalog } from './domain.ts';
import { captureCatalog } from './capture.ts';
import { portalCatalog } from './portal.ts';
import { boardCatalog } from './board.ts';
import { panelCatalog } from './panel.ts';
import { serverCatalog } from './server.ts';
import { timelinessCatalog } from './timeliness.ts';
import { portalAccessCatalog } from './portalAccess.ts';
import { startCatalog } from './start.ts';
import { nationalDbCatalog } from './nationalDb.ts';
import { coverageCatalog } from './coverage.ts';
import { historyCatalog } from './history.ts';
import { managedCatalog } from './managed.ts';
import { reportCatalog } from './report.ts';
import { planImportCatalog } from './planImport.ts';

export const catalogs: Catalog[] = [cliCatalog, domainCatalog, captureCatalog, portalCatalog, boardCatalog, panelCatalog, serverCatalog, timelinessCatalog, portalAccessCatalog, startCatalog, nationalDbCatalog, coverageCatalog, historyCatalog, managedCatalog, reportCatalog, planImportCatalog];
