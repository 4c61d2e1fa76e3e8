import { inject } from 'vitest';
import type { Deps } from '../../server/kernel/ports.ts';
import { installCentre, type CentreSetup } from '../../server/centres/setup.usecases.ts';
import { createSqliteStore } from '../../server/storage/sqlite.store.ts';
import type { Store } from '../../server/kernel/store.port.ts';
import { fakeClock, type FakeClock } from '../fakes/clock.fake.ts';
import { sequentialIds } from '../fakes/ids.fake.ts';
import { recordingNotifier, type RecordingNotifier } from '../fakes/notifier.fake.ts';
import { hcmCentre, MORNING } from '../fixtures/centres.ts';
import { createDatabase } from './postgres-cluster.ts';

export interface TestDeps extends Deps {
  store: Store;
  clock: FakeClock;
  ids: ReturnType<typeof sequentialIds>;
  notifier: RecordingNotifier;
}

/**
 * Use-case dependencies over a fresh store with the given centres installed: SQLite (':memory:'
 * unless a file is named), or — in the `pg` vitest project (LUOT_TEST_STORE=postgres) — a fresh
 * PostgreSQL database copied from the run's migrated template (postgres.global.ts).
 */
export async function makeDeps(options: { at?: string; centres?: CentreSetup[]; filename?: string } = {}): Promise<TestDeps> {
  const store =
    process.env.LUOT_TEST_STORE === 'postgres' && !options.filename
      ? await postgresTestStore()
      : await createSqliteStore({ filename: options.filename ?? ':memory:' });
  for (const setup of options.centres ?? [hcmCentre]) await installCentre(store, setup);
  return { store, clock: fakeClock(options.at ?? MORNING), ids: sequentialIds('id'), notifier: recordingNotifier() };
}

const openStores: Store[] = [];

/** A store on a new copy of the template database; closed by `closeTestStores` after each test. */
async function postgresTestStore(): Promise<Store> {
  const template = inject('pgTemplateUrl');
  if (!template) throw new Error('no PostgreSQL cluster for this run (see test/helpers/postgres.global.ts)');
  const admin = new URL(template);
  admin.pathname = '/postgres';
  const url = await createDatabase(admin.toString(), 'luot_test', { template: new URL(template).pathname.slice(1) });
  const { createPostgresStore } = await import('../../server/storage/postgres.store.ts');
  const store = await createPostgresStore({ url, poolSize: 4 });
  // Tests close their store or not; closing twice must be harmless.
  let closing: Promise<void> | null = null;
  const close = store.close.bind(store);
  store.close = () => (closing ??= close());
  openStores.push(store);
  return store;
}

/** Ends the PostgreSQL pools the last test opened (the `pg` project's setup file calls it after each test). */
export async function closeTestStores(): Promise<void> {
  await Promise.all(openStores.splice(0).map((s) => s.close()));
}
