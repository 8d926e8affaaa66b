import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 600_000,
    // Browser tests share one Chromium per file; keep CPU use sane on 2 cores.
    maxWorkers: 2,
  },
});
