import { join } from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { installCentre } from '../../server/centres/setup.usecases.ts';
import type { Store } from '../../server/kernel/store.port.ts';
import { createPostgresStore } from '../../server/storage/postgres.store.ts';
import { createSqliteStore } from '../../server/storage/sqlite.store.ts';
import { hcmCentre } from '../fixtures/centres.ts';
import { findPgBin, startCluster, type PgCluster } from './postgres-cluster.ts';
import { tempDir } from './temp-dir.ts';

/**
 * Two server instances' stores on one database, for tests of state the instances share (issue
 * #13): two SQLite stores on one file, or two pools on one new database of a private PostgreSQL
 * cluster. Call at the top of a test file: it registers the cluster's and the stores' clean-up.
 * Without PostgreSQL the PostgreSQL half is skipped loudly, and CI=true makes that a failure.
 */
export function sharedStoreRig(file: string) {
  const pgInstalled = findPgBin() !== null;
  if (!pgInstalled) {
    const message = `PostgreSQL is not installed (apt-get install postgresql): the PostgreSQL half of ${file} is SKIPPED.`;
    if (process.env.CI === 'true') throw new Error(`${message} CI=true requires it.`);
    console.warn(`\n*** ${message} ***\n`);
  }
  let cluster: PgCluster | undefined;
  const cleanups: (() => Promise<void> | void)[] = [];
  beforeAll(async () => {
    if (pgInstalled) cluster = await startCluster();
  }, 60_000);
  afterAll(async () => {
    await cluster?.stop();
  });
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  /** Two stores (two instances) on one new database, the hcm centre installed. */
  async function twoStores(kind: 'sqlite' | 'postgres'): Promise<[Store, Store]> {
    let open: () => Promise<Store>;
    if (kind === 'sqlite') {
      const dir = tempDir('luot-two-stores');
      cleanups.push(() => dir.remove());
      open = () => createSqliteStore({ filename: join(dir.path, 'luot.sqlite') });
    } else {
      const url = await cluster!.createDatabase();
      open = () => createPostgresStore({ url, poolSize: 4 });
    }
    const a = await open();
    cleanups.push(() => a.close());
    const b = await open();
    cleanups.push(() => b.close());
    await installCentre(a, hcmCentre);
    return [a, b];
  }

  return { pgInstalled, twoStores, cleanups };
}
