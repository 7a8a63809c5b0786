// Register each feature's catalog here (one line per feature).
import type { Catalog } from '../i18n.ts';
import { cliCatalog } from './cli.ts';

export const catalogs: Catalog[] = [cliCatalog];
