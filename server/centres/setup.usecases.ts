import type { Centre, Counter, Service, Staff } from '../../protocol/index.ts';
import { demoCentre, demoCounters, demoServices, demoStaff } from '../demo/demo-centre.ts';
import type { Store } from '../kernel/store.port.ts';

export interface CentreSetup {
  centre: Centre;
  services: Service[];
  counters: Counter[];
  staff: Staff[];
}

/** Writes a centre with its services, counters and staff in one transaction. */
export async function installCentre(store: Store, setup: CentreSetup): Promise<void> {
  await store.runInTx({ centreId: setup.centre.id }, async (tx) => {
    await tx.upsertCentre(setup.centre);
    for (const s of setup.services) await tx.upsertService(s);
    for (const c of setup.counters) await tx.upsertCounter(c);
    for (const s of setup.staff) await tx.upsertStaff(s);
  });
}

/** On a store with no centre, installs the demo centre. Returns whether it did. */
export async function ensureDemoCentre(store: Store): Promise<boolean> {
  if ((await store.listCentres()).length > 0) return false;
  await installCentre(store, { centre: demoCentre, services: demoServices, counters: demoCounters, staff: demoStaff });
  return true;
}
