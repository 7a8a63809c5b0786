// The catalogs the portal content script speaks: it runs inside every portal page, and its bundle
// has a size budget (scripts/content-script-size.ts), so it carries only the texts it shows (badges,
// notices, the summary chip, the period collector) and not the side panel's, the board's or the
// command line's. wxt.config.ts points the content scripts' build at this list instead of
// ./index.ts; extension/content/contentCatalogs.test.ts checks every key they use is here.
import type { Catalog } from '../i18n.ts';
import { captureCatalog } from './capture.ts';
import { coverageCatalog } from './coverage.ts';
import { domainCatalog } from './domain.ts';
import { nationalDbCatalog } from './nationalDb.ts';
import { portalCatalog } from './portal.ts';
import { timelinessCatalog } from './timeliness.ts';

export const catalogs: Catalog[] = [domainCatalog, captureCatalog, portalCatalog, timelinessCatalog, coverageCatalog, nationalDbCatalog];
