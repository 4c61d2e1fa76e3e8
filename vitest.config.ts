import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * Six projects:
 * - unit / unit-utc: pure and fast tests, run twice, under TZ=America/New_York and TZ=UTC, because
 *   the process's own time zone must never change a result (the centre's zone decides).
 * - int: the real server on port 0, real SQLite files, socket.io clients, ptys, TCP printers.
 * - e2e: Debian chromium driven by playwright-core on the built pages.
 * - pg: the use-case tests again, each on a fresh PostgreSQL database of a private cluster the
 *   run starts (test/helpers/postgres.global.ts); skipped loudly without PostgreSQL, except under
 *   CI=true where that fails.
 * - chaos: fuzzing from the OpenAPI document, kill -9 under load, floods (docs/testing.md). Slow
 *   (~2-3 min), so `npm test` leaves it out; `npm run test:chaos` and `.ci/run` run it.
 */
const unitInclude = ['test/**/*.test.ts'];

/**
 * The use-case tests that run on PostgreSQL too (the `pg` project): every unit test under
 * test/server/ that builds its store with `makeDeps` and does not reach into SQLite itself (a raw
 * file read, its own SQLite store, statement counts). A new use-case test joins by itself.
 */
function storeAgnosticTests(dir = 'test/server'): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return storeAgnosticTests(path);
    if (!/(?<!\.int|\.e2e)\.test\.ts$/.test(e.name)) return [];
    const text = readFileSync(path, 'utf8');
    return text.includes('makeDeps(') && !/createSqliteStore|raw-db|observeStatements|filename:/.test(text) ? [path] : [];
  });
}
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
          name: 'pg',
          include: storeAgnosticTests(),
          globalSetup: ['test/helpers/postgres.global.ts'],
          setupFiles: ['test/helpers/postgres.setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
          env: { TZ: 'America/New_York', LUOT_TEST_STORE: 'postgres' },
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
