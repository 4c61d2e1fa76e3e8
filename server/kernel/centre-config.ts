import type { Centre, CentreSettings, Counter, CounterState, Service } from '../../protocol/index.ts';

/**
 * A centre's configuration as one process keeps it in memory: the centre, its services, its
 * counters with their state, and its settings, at the `config_version` they were read at.
 * The store serves it (StoreReads.centreConfig); how it stays valid across processes is the
 * adapter's business (server/storage/config-cache.ts).
 */
export interface CentreConfig {
  version: number;
  centre: Centre;
  services: Service[];
  counters: Counter[];
  states: Record<string, CounterState>;
  settings: CentreSettings;
}
