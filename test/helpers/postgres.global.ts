/**
 * Global setup of the `pg` vitest project (vitest.config.ts): one private PostgreSQL cluster for
 * the run (postgres-cluster.ts) with a migrated template database; each test's store is a fresh
 * copy of the template (test/helpers/deps.ts). Without PostgreSQL installed the project's tests
 * are skipped, loudly — except under CI=true, where a missing PostgreSQL fails the run.
 */
import type { TestProject } from 'vitest/node';
import { findPgBin, startCluster, type PgCluster } from './postgres-cluster.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Address of the cluster's template database (migrated), or null when PostgreSQL is missing. */
    pgTemplateUrl: string | null;
  }
}

export const PG_TEMPLATE = 'luot_template';

let cluster: PgCluster | null = null;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!findPgBin()) {
    const message = 'PostgreSQL is not installed (apt-get install postgresql): the PostgreSQL store tests are SKIPPED.';
    if (process.env.CI === 'true') throw new Error(`${message} CI=true requires them.`);
    console.warn(`\n*** ${message} ***\n`);
    project.provide('pgTemplateUrl', null);
    return async () => {};
  }
  cluster = await startCluster();
  const template = await cluster.createDatabase(PG_TEMPLATE, { exact: true });
  // Migrate the template once; every test database is a copy of it.
  const { createPostgresStore } = await import('../../server/storage/postgres.store.ts');
  const store = await createPostgresStore({ url: template });
  await store.close();
  project.provide('pgTemplateUrl', template);
  return async () => {
    await cluster?.stop();
  };
}
