import { defineConfig } from 'wxt';

// The extension lives in extension/ (WXT srcDir); shared/ is the pure domain core it imports.
export default defineConfig({
  srcDir: 'extension',
  // TTHC_WXT_OUT lets two builds run side by side without clobbering each other.
  outDir: process.env.TTHC_WXT_OUT ?? '.output',
  modules: ['@wxt-dev/module-react'],
  imports: false,
  manifest: {
    name: 'tthc-desk',
    description: 'Hạn xử lý hồ sơ, công bố TTHC và bảng việc của đơn vị / Deadlines, publication and the unit task board for TTHC officers',
    default_locale: undefined,
  },
});
