import { defineConfig } from 'vitest/config';

/**
 * Five projects:
 * - unit / unit-utc: pure and fast tests, run twice, under TZ=America/New_York and TZ=UTC, because
 *   the process's own time zone must never change a result (the centre's zone decides).
 * - int: the real server on port 0, real SQLite files, socket.io clients, ptys, TCP printers.
 * - e2e: Debian chromium driven by playwright-core on the built pages.
 * - chaos: fuzzing from the OpenAPI document, kill -9 under load, floods (docs/testing.md). Slow
 *   (~2-3 min), so `npm test` leaves it out; `npm run test:chaos` and `.ci/run` run it.
 */
const unitInclude = ['test/**/*.test.ts'];
const unitExclude = ['test/**/*.int.test.ts', 'test/**/*.e2e.test.ts', 'test/chaos/**', '**/node_modules/**'];

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: unitInclude, exclude: unitExclude, env: { TZ: 'America/New_York' } } },
      { test: { name: 'unit-utc', include: unitInclude, exclude: unitExclude, env: { TZ: 'UTC' } } },
      {
        test: {
          name: 'int',
          include: ['test/**/*.int.test.ts'],
          exclude: ['test/chaos/**', '**/node_modules/**'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
          env: { TZ: 'America/New_York' },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/**/*.e2e.test.ts'],
          exclude: ['test/chaos/**', '**/node_modules/**'],
          globalSetup: ['test/e2e/build-web.global.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'chaos',
          include: ['test/chaos/**/*.chaos.test.ts'],
          // One file at a time: each measures the server's memory and latency under its own load.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 60_000,
          env: { TZ: 'America/New_York' },
        },
      },
    ],
  },
});
