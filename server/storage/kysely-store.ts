import { sql, type Kysely } from 'kysely';
import type { AfterCommit, StoreWriteTx } from '../kernel/store.port.ts';
import { accountsQueries } from './accounts.queries.ts';
import { newConfigScope, type ConfigCache } from './config-cache.ts';
import type { Database } from './db.types.ts';
import { kyselyQueries } from './kysely.queries.ts';
import { printingQueries } from './printing.queries.ts';
import { ratingQueries } from './rating.queries.ts';
import { alertQueries } from './alerts.queries.ts';
import { reportsQueries } from './reports.queries.ts';
import { securityQueries } from './security.queries.ts';
import { dossiersQueries } from './dossiers.queries.ts';
import { webhooksQueries } from './webhooks.queries.ts';
import { appointmentsQueries } from './appointments.queries.ts';
import { pairingQueries } from './pairing.queries.ts';

/**
 * What both Kysely stores (sqlite.store.ts, postgres.store.ts) share: the same queries, and the
 * same shape of a write transaction. Only how a transaction begins — and so what it locks — differs.
 */

/** Every query of the store over one executor, outside any transaction. */
export function storeQueries(db: Kysely<Database>, configCache: ConfigCache) {
  return {
    ...kyselyQueries(db, configCache),
    ...accountsQueries(db),
    ...printingQueries(db),
    ...reportsQueries(db),
    ...ratingQueries(db),
    ...alertQueries(db),
    ...securityQueries(db),
    ...dossiersQueries(db),
    ...webhooksQueries(db),
    ...appointmentsQueries(db),
    ...pairingQueries(db),
  };
}

/**
 * One attempt of a write transaction on `conn`: `begin` opens it (and takes its lock), `fn` runs
 * with the transaction's queries, then COMMIT — or ROLLBACK and the error. Returns the result and
 * the after-commit work `fn` registered, which the caller runs once it knows the attempt stands.
 */
export async function writeTransaction<T>(
  conn: Kysely<Database>,
  configCache: ConfigCache,
  begin: (conn: Kysely<Database>) => Promise<void>,
  fn: (tx: StoreWriteTx) => Promise<T>,
): Promise<{ result: T; afterCommit: AfterCommit[] }> {
  const afterCommit: AfterCommit[] = [];
  await begin(conn);
  let result: T;
  try {
    // A transaction's own configuration scope: it reads its own writes and never shares them (config-cache.ts).
    result = await fn({
      ...kyselyQueries(conn, configCache, newConfigScope()),
      ...accountsQueries(conn),
      ...printingQueries(conn),
      ...reportsQueries(conn),
      ...ratingQueries(conn),
      ...alertQueries(conn),
      ...securityQueries(conn),
      ...dossiersQueries(conn),
      ...webhooksQueries(conn),
      ...appointmentsQueries(conn),
      ...pairingQueries(conn),
      afterCommit: (work) => void afterCommit.push(work),
    });
    await sql`COMMIT`.execute(conn);
  } catch (error) {
    // A failed ROLLBACK must not hide why the transaction failed.
    await sql`ROLLBACK`.execute(conn).catch(() => undefined);
    throw error;
  }
  return { result, afterCommit };
}
