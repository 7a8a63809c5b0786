import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { contentScriptSizes, reportContentScriptSizes } from './scripts/content-script-size.ts';

// TTHC_LOCAL_PORTALS=1 builds for development and tests (npm start, npm test, the benchmarks): the
// demo portal on 127.0.0.1/localhost counts as a portal. Without it (a plain `wxt build`, `wxt zip`)
// the build is the store package and knows only the real portals (extension/portals/origins.ts).
const localPortals = process.env.TTHC_LOCAL_PORTALS === '1';

// The extension lives in extension/ (WXT srcDir); shared/ is the pure domain core it imports.
export default defineConfig({
  srcDir: 'extension',
  // Files copied as they are (the notification icon).
  publicDir: 'extension/public',
  // TTHC_WXT_OUT lets two builds run side by side without clobbering each other.
  outDir: process.env.TTHC_WXT_OUT ?? '.output',
  // TTHC_WXT_ENTRYPOINTS=background,portal builds only those entrypoints (work on one part while another is unfinished).
  filterEntrypoints: process.env.TTHC_WXT_ENTRYPOINTS?.split(','),
  modules: ['@wxt-dev/module-react'],
  vite: () => ({ define: { __TTHC_LOCAL_PORTALS__: JSON.stringify(localPortals) } }),
  imports: false,
  manifest: {
    name: 'tthc-desk',
    description: 'Hạn xử lý hồ sơ, công bố TTHC và bảng việc của đơn vị / Deadlines, publication and the unit task board for TTHC officers',
    default_locale: undefined,
    // The toolbar badge (overdue dossiers) needs an action; alarms recompute it each day.
    action: {},
    // offscreen: the task board's sync lives in an offscreen document; storage: board settings of earlier builds, moved once;
    // scripting: the content scripts on portal origins the officer adds in options;
    // notifications: the daily summary of deadlines needing attention.
    permissions: ['alarms', 'offscreen', 'storage', 'scripting', 'notifications'],
    // Any other portal host is asked for when the officer adds it (extension/background/portalScripts.ts).
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // What IT may set by policy (chrome.storage.managed): extension/db/managed.ts reads it.
    storage: { managed_schema: 'managed_schema.json' },
  },
  hooks: {
    // The content scripts carry only the catalogs they speak (shared/i18n/catalogs/content.ts).
    'vite:build:extendConfig': (entrypoints, viteConfig) => {
      if (!entrypoints.every((entrypoint) => entrypoint.type === 'content-script')) return;
      const alias = { find: /^\.\/catalogs\/index\.ts$/, replacement: resolve(import.meta.dirname, 'shared/i18n/catalogs/content.ts') };
      viteConfig.resolve ??= {};
      const existing = viteConfig.resolve.alias;
      viteConfig.resolve.alias = Array.isArray(existing) ? [...existing, alias] : [...Object.entries(existing ?? {}).map(([find, replacement]) => ({ find, replacement: replacement as string })), alias];
    },
    'build:done': (wxt, output) => {
      const files = output.steps.flatMap((step) => step.chunks.map((chunk) => chunk.fileName));
      reportContentScriptSizes(contentScriptSizes(wxt.config.outDir, files));
    },
  },
});
