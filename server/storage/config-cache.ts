import { sql, type Kysely } from 'kysely';
import type { Centre, CentreSettings, Counter, CounterState, Service } from '../../protocol/index.ts';
import type { CentreConfig } from '../kernel/centre-config.ts';
import type { Database } from './db.types.ts';

/**
 * The in-memory cache of each centre's configuration (CentreConfig, server/kernel/centre-config.ts).
 *
 * Several processes may share one store (docs/architecture.md, "Configuration cache"), so the
 * cache is never trusted on its own: every transaction that uses it first reads the centre's
 * `config_version` (one indexed row), and every configuration write bumps that version in its own
 * transaction. Inside a transaction the version is read once; the write lock (or the read
 * transaction's snapshot) keeps it valid until the end.
 *
 * Shared by every transaction of one store.
 */
export type ConfigCache = Map<string, CentreConfig>;

/** What one transaction knows about the cache: centres checked in it, and whether it wrote configuration. */
export interface ConfigScope {
  checked: Set<string>;
  /** Centres whose configuration this transaction changed: their reads are its own, uncommitted. */
  written: Set<string>;
}

export const newConfigScope = (): ConfigScope => ({ checked: new Set(), written: new Set() });

/** The configuration reads `versionedConfig` loads a centre's configuration with (plain SQL while loading). */
interface ConfigReads {
  getCentre(centreId: string): Promise<Centre | null>;
  listServices(centreId: string): Promise<Service[]>;
  listCounters(centreId: string): Promise<Counter[]>;
  listCounterStates(centreId: string): Promise<Record<string, CounterState>>;
  getSettings(centreId: string): Promise<CentreSettings>;
}

/**
 * The versioned cache over one executor (config.queries.ts): `centreConfig` (check the version,
 * reload on a change), `changed` (what every configuration write calls, in its transaction) and
 * `checked` (the cached configuration for a read inside a transaction, if it may be used).
 */
export function versionedConfig(db: Kysely<Database>, cache: ConfigCache, scope: ConfigScope | null, reads: () => ConfigReads) {
  let loading = false;
  const load = async (centreId: string, version: number): Promise<CentreConfig | null> => {
    const r = reads();
    loading = true;
    try {
      const centre = await r.getCentre(centreId);
      if (!centre) return null;
      const services = await r.listServices(centreId);
      const counters = await r.listCounters(centreId);
      const states = await r.listCounterStates(centreId);
      return { version, centre, services, counters, states, settings: await r.getSettings(centreId) };
    } finally {
      loading = false;
    }
  };
  const centreConfig = async (centreId: string): Promise<CentreConfig | null> => {
    const known = cache.get(centreId);
    if (known && scope?.checked.has(centreId)) return known;
    const r = await db.selectFrom('centres').select('config_version').where('id', '=', centreId).executeTakeFirst();
    if (!r) return null;
    const version = Number(r.config_version);
    if (known && known.version === version) {
      scope?.checked.add(centreId);
      return known;
    }
    const fresh = await load(centreId, version);
    // What a transaction read after changing the configuration may yet be rolled back: not shared.
    if (fresh && !scope?.written.has(centreId)) {
      cache.set(centreId, fresh);
      scope?.checked.add(centreId);
    }
    return fresh;
  };
  return {
    centreConfig,
    async changed(centreId: string): Promise<void> {
      await db
        .updateTable('centres')
        .set({ config_version: sql`config_version + 1` })
        .where('id', '=', centreId)
        .execute();
      cache.delete(centreId);
      scope?.checked.delete(centreId);
      scope?.written.add(centreId);
    },
    // Within a transaction, configuration reads come from memory once the version is checked
    // (one read); not while loading it, nor after the transaction changed it (its own writes).
    async checked(centreId: string): Promise<CentreConfig | undefined> {
      if (!scope || loading || scope.written.has(centreId)) return undefined;
      return (await centreConfig(centreId)) ?? undefined;
    },
  };
}
