import type { Kysely } from 'kysely';
import type { ConfigCache, ConfigScope } from './config-cache.ts';
import { configQueries } from './config.queries.ts';
import type { Database } from './db.types.ts';
import type { StoreTx } from '../kernel/store.port.ts';
import { ticketQueries } from './ticket.queries.ts';
import { alertQueries } from './alerts.queries.ts';
import { counterWaitingQueries } from './counter-waiting.queries.ts';

/**
 * Every read and write of the store as portable Kysely queries over one executor: the root
 * database for reads, or the single connection that holds a write transaction.
 */
export function kyselyQueries(db: Kysely<Database>, cache?: ConfigCache, scope?: ConfigScope): StoreTx {
  return { ...configQueries(db, cache, scope ?? null), ...ticketQueries(db), ...counterWaitingQueries(db), openAlerts: alertQueries(db).openAlerts };
}
