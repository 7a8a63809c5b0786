import { defineConfig } from 'vitest/config';

// Unit and integration tests sit beside the code; browser tests live in e2e/ and run from
// vitest.e2e.config.ts after the extension is built.
export default defineConfig({
  define: {
    'import.meta.env.BROWSER': JSON.stringify('chrome'),
    'import.meta.env.MANIFEST_VERSION': '3',
  },
  test: {
    include: ['shared/**/*.test.ts', 'cli/**/*.test.ts', 'sync-server/**/*.test.ts', 'demo-portal/**/*.test.ts', 'scripts/**/*.test.ts', 'deploy/**/*.test.ts', 'extension/**/*.test.{ts,tsx}'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
