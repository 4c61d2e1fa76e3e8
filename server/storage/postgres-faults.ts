import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';
import { StoreUnavailable } from './store-faults.ts';

/**
 * PostgreSQL SQLSTATEs that say the store cannot work right now, as opposed to a wrong query or a
 * broken constraint (a bug, `internal`). https://www.postgresql.org/docs/15/errcodes-appendix.html
 * - 08xxx connection exception; 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect
 *   now (starting up, shutting down); 53xxx insufficient resources (disk full, too many
 *   connections); 58xxx system error (I/O); 55P03 lock not available (lock_timeout: another
 *   writer held the scope's lock too long, SQLite's SQLITE_BUSY); 40001 / 40P01 a serialization
 *   failure or deadlock still there after the store's retries; 28xxx / 3D000 the server refuses
 *   the account or has no such database (its operator changed something).
 */
const SQLSTATE_FAULT = /^(08...|57P0[123]|53...|58...|55P03|40001|40P01|28...|3D000)$/;

/** Node's socket errors: the server cannot be reached, or the connection broke. */
const SOCKET_FAULT = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * What `pg` throws without a code when the connection ends under a query, or cannot be made in
 * time ("Connection terminated unexpectedly", "… due to connection timeout", "timeout exceeded
 * when trying to connect", "Client has encountered a connection error and is not queryable").
 */
const DRIVER_FAULT = /^Connection terminated|timeout exceeded when trying to connect|not queryable/;

/** The address of a database without its password, for logs and faults. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    u.password = '';
    return u.toString();
  } catch {
    return '(an unparsable PostgreSQL address)';
  }
}

/** The driver's error as a StoreUnavailable when it is a fault of the store; otherwise unchanged. */
export function asPgFault(error: unknown, where: string): unknown {
  if (error instanceof StoreUnavailable || !(error instanceof Error)) return error;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (SQLSTATE_FAULT.test(code) || SOCKET_FAULT.has(code))) {
    return new StoreUnavailable(where, code, error, 'postgres');
  }
  // An AggregateError (a host with several addresses, all refused) carries its code on each error.
  const inner = (error as { errors?: unknown }).errors;
  if (Array.isArray(inner) && inner.length > 0 && inner.every((e) => asPgFault(e, where) instanceof StoreUnavailable)) {
    const first = inner[0] as { code: string };
    return new StoreUnavailable(where, first.code, error, 'postgres');
  }
  if (code === undefined && DRIVER_FAULT.test(error.message)) return new StoreUnavailable(where, 'connection', error, 'postgres');
  return error;
}

/** A COMMIT that PostgreSQL turned into a ROLLBACK: a statement of the transaction had failed. */
export class TransactionAborted extends Error {
  constructor() {
    super('COMMIT rolled back: a statement of the transaction failed earlier and its error was caught');
    this.name = 'TransactionAborted';
  }
}

/**
 * The pool behind Kysely with every statement's faults mapped (BEGIN and COMMIT included), like
 * `mapStoreFaults` for SQLite; the only place PostgreSQL errors are translated. Also:
 * - a COMMIT answered ROLLBACK (an earlier statement failed and the caller caught it; SQLite
 *   would have kept the other statements) throws instead of passing for a commit;
 * - a connection whose ROLLBACK failed is closed rather than handed to the next caller inside a
 *   transaction (`pg` already drops connections that broke).
 */
export function mapPgFaults(pool: pg.Pool, where: string): PostgresPool {
  const wrapped = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  const wrap = (client: pg.PoolClient): PostgresPoolClient => {
    let broken = false;
    const query = async (text: string, parameters: readonly unknown[]) => {
      try {
        const result = await client.query(text, parameters as unknown[]);
        if (result.command === 'ROLLBACK' && /^commit$/i.test(text.trim())) throw new TransactionAborted();
        return result;
      } catch (error) {
        if (/^rollback$/i.test(text.trim())) broken = true;
        throw asPgFault(error, where);
      }
    };
    return {
      query: query as unknown as PostgresPoolClient['query'],
      release() {
        const destroy = broken;
        broken = false;
        if (destroy) wrapped.delete(client);
        client.release(destroy || undefined);
      },
    };
  };
  return {
    async connect() {
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (error) {
        throw asPgFault(error, where);
      }
      let w = wrapped.get(client);
      if (!w) wrapped.set(client, (w = wrap(client)));
      return w;
    },
    end: () => pool.end(),
  };
}
