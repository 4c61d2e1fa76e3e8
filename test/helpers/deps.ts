import type { Deps } from '../../server/kernel/ports.ts';
import { installCentre, type CentreSetup } from '../../server/centres/setup.usecases.ts';
import { createSqliteStore } from '../../server/storage/sqlite.store.ts';
import type { Store } from '../../server/kernel/store.port.ts';
import { fakeClock, type FakeClock } from '../fakes/clock.fake.ts';
import { sequentialIds } from '../fakes/ids.fake.ts';
import { recordingNotifier, type RecordingNotifier } from '../fakes/notifier.fake.ts';
import { hcmCentre, MORNING } from '../fixtures/centres.ts';

export interface TestDeps extends Deps {
  store: Store;
  clock: FakeClock;
  ids: ReturnType<typeof sequentialIds>;
  notifier: RecordingNotifier;
}

/** Use-case dependencies over a fresh SQLite store (':memory:' unless a file is named) with the given centres installed. */
export async function makeDeps(options: { at?: string; centres?: CentreSetup[]; filename?: string } = {}): Promise<TestDeps> {
  const store = await createSqliteStore({ filename: options.filename ?? ':memory:' });
  for (const setup of options.centres ?? [hcmCentre]) await installCentre(store, setup);
  return { store, clock: fakeClock(options.at ?? MORNING), ids: sequentialIds('id'), notifier: recordingNotifier() };
}
