import { defineConfig } from 'vitest/config';

// Browser tests: real Debian Chromium with the built extension loaded unpacked.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
