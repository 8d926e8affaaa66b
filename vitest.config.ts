import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (parser, dataset, site shaping: no browser) and
 * `browser` (builds the site once under a non-root base path and drives
 * Debian's Chromium against it). The site build only happens when browser
 * tests are selected.
 */
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 900_000,
    maxWorkers: 2,
    // The JSON report lets .ci/run print the plain `N passed, N failed` line.
    reporters: ['default', ['json', { outputFile: '.cache/vitest-results.json' }]],
    projects: [
      { test: { name: 'unit', include: ['tests/*.test.ts'], testTimeout: 120_000 } },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 900_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
