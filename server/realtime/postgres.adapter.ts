import { createAdapter } from '@socket.io/postgres-adapter';
import pg from 'pg';
import type { Server } from 'socket.io';
import type { Logger } from '../kernel/log.ts';
import { redactUrl } from '../storage/postgres-faults.ts';
import { throttledWarn } from './throttled-warn.ts';

/** Where @socket.io/postgres-adapter keeps broadcasts too big for a NOTIFY (over 8,000 bytes, or binary). */
export const ATTACHMENTS_TABLE = 'socket_io_attachments';
/** How the adapter's connections are named in pg_stat_activity. */
export const ADAPTER_APPLICATION_NAME = 'luot-socket.io';

/**
 * The adapter's own table, made as its README says. It is the adapter's infrastructure, not
 * Luot's schema: no store reads it, the adapter deletes its rows after 30 s, and its shape
 * follows the adapter's version, so it is not one of server/storage/migrations (which both
 * stores share; SQLite never has it). Instances starting together would race on CREATE TABLE
 * IF NOT EXISTS (a unique violation in pg_type), hence the advisory lock around it.
 */
async function ensureAttachmentsTable(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT pg_advisory_xact_lock(hashtextextended('socket.io:${ATTACHMENTS_TABLE}', 0))`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${ATTACHMENTS_TABLE} (
      id          bigserial UNIQUE,
      created_at  timestamptz DEFAULT NOW(),
      payload     bytea
    )`);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Statements queued at most (see `forAdapter`); heartbeats alone add one a second per instance. */
const MAX_WAITING = 1_000;

/** A promise that never settles: holds no timer or socket, so it keeps nothing alive. */
const never = <T>() => new Promise<T>(() => undefined);

/**
 * The adapter's view of its pool: statements one at a time, in call order, and nothing after
 * `close()`. The adapter sends each broadcast as `SELECT pg_notify(…)` through `pool.query`, and
 * socket.io's cluster adapter emits to this process's own sockets only once that statement is
 * done: on two pooled connections two facts could be notified — and emitted here — in the
 * opposite order. In one queue, the other instances receive this instance's broadcasts in the
 * order it made them (PostgreSQL delivers notifications in commit order). The adapter uses
 * `connect` (its LISTEN connection, held for good) and `query`, nothing else. Its LISTEN
 * connection is (re)made in the background and it has no way to cancel that: a connection
 * handed out while or after it closes is ended here, and after `close()` `connect` never
 * answers, so no reconnection loop outlives the server.
 */
function forAdapter(pool: pg.Pool): { pool: pg.Pool; close(): Promise<void> } {
  let tail: Promise<unknown> = Promise.resolve();
  let waiting = 0;
  let closed = false;
  const held = new Set<pg.PoolClient>();
  const query = (text: string, values?: unknown[]) => {
    // With the server away each statement waits up to the connection timeout while heartbeats
    // keep coming: past a bound, drop rather than queue without end (displays recover by gap).
    if (waiting >= MAX_WAITING) return Promise.reject(new Error(`${waiting} statements waiting for PostgreSQL; broadcast not sent`));
    waiting += 1;
    const run = tail.then(() => pool.query(text, values)).finally(() => void (waiting -= 1));
    tail = run.catch(() => undefined);
    return run;
  };
  const connect = async (): Promise<pg.PoolClient> => {
    if (closed) return never();
    const client = await pool.connect();
    if (closed) {
      client.release(true);
      return never();
    }
    held.add(client);
    const release = client.release.bind(client);
    client.release = (destroy?: boolean | Error) => {
      held.delete(client);
      release(destroy);
    };
    // The adapter forgets a LISTEN connection that ended without giving it back: the pool would
    // count it for ever, and with the next one held too no connection would be left for NOTIFYs.
    client.once('end', () => {
      if (held.has(client)) client.release(true);
    });
    return client;
  };
  const view: Pick<pg.Pool, 'connect' | 'query'> = { connect: connect as pg.Pool['connect'], query: query as pg.Pool['query'] };
  return {
    pool: view as pg.Pool,
    async close() {
      closed = true;
      await tail;
      for (const client of held) client.release(true);
    },
  };
}

/**
 * socket.io's broadcasts through PostgreSQL's LISTEN/NOTIFY (@socket.io/postgres-adapter), on
 * the store's database: no extra service. A pool of its own, apart from the store's: two
 * connections, one held for LISTEN and one for the NOTIFYs (one at a time, see `forAdapter`).
 * The adapter's errors (a failed NOTIFY, a lost LISTEN connection) are logged, never thrown;
 * the LISTEN connection reconnects by itself about two seconds after it broke. Returns what
 * ends the pool.
 */
export async function attachPostgresAdapter(io: Server, url: string, log: Logger): Promise<() => Promise<void>> {
  const where = redactUrl(url);
  const pool = new pg.Pool({
    connectionString: url,
    max: 2,
    application_name: ADAPTER_APPLICATION_NAME,
    // A broadcast waits for its NOTIFY: with the server away it fails in seconds, not after TCP's timeout.
    connectionTimeoutMillis: 5_000,
    keepAlive: true,
  });
  const warn = throttledWarn(log, `socket.io over PostgreSQL ${where}`);
  // The LISTEN connection stays checked out of the pool, where pg-pool listens for nothing: its
  // 'error' (the server restarted) would end the process. Every connection gets a listener; the
  // adapter sees the 'end' and reconnects. An idle connection's error reaches the pool too.
  pool.on('connect', (client) => client.on('error', (error) => warn(error)));
  pool.on('error', () => undefined); // already told by the connection's own listener above
  try {
    await ensureAttachmentsTable(pool);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
  const adapterPool = forAdapter(pool);
  io.adapter(createAdapter(adapterPool.pool, { tableName: ATTACHMENTS_TABLE, errorHandler: warn }));
  return async () => {
    // io.close() had each namespace's adapter release its LISTEN connection and notify its goodbye.
    await adapterPool.close();
    await pool.end();
  };
}
