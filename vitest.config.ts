import { defineConfig } from 'vitest/config';

/**
 * Four projects:
 * - unit / unit-utc: pure and fast tests, run twice, under TZ=America/New_York and TZ=UTC, because
 *   the process's own time zone must never change a result (the centre's zone decides).
 * - int: the real server on port 0, real SQLite files, socket.io clients, ptys, TCP printers.
 * - e2e: Debian chromium driven by playwright-core on the built pages.
 */
const unitInclude = ['test/**/*.test.ts'];
const unitExclude = ['test/**/*.int.test.ts', 'test/**/*.e2e.test.ts', '**/node_modules/**'];

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: unitInclude, exclude: unitExclude, env: { TZ: 'America/New_York' } } },
      { test: { name: 'unit-utc', include: unitInclude, exclude: unitExclude, env: { TZ: 'UTC' } } },
      {
        test: {
          name: 'int',
          include: ['test/**/*.int.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
          env: { TZ: 'America/New_York' },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/**/*.e2e.test.ts'],
          globalSetup: ['test/e2e/build-web.global.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
