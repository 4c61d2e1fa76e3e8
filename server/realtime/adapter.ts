import type { Server } from 'socket.io';
import type { Config } from '../config.ts';
import type { Logger } from '../kernel/log.ts';
import { redactUrl } from '../storage/postgres-faults.ts';

/** What carries socket.io's broadcasts: this process only, or every instance through a server. */
export type AdapterKind = 'memory' | 'postgres' | 'redis';

export interface RealtimeAdapter {
  kind: AdapterKind;
  /**
   * Ends the adapter's own connections (its pg pool, its Redis clients). Call it after
   * `io.close()`, which closes each namespace's adapter (unsubscribes, says goodbye to the
   * other instances) first.
   */
  close(): Promise<void>;
}

/** A setting that names a server the start cannot do without (Redis unreachable at start). */
export class RealtimeUnavailable extends Error {
  constructor(
    message: string,
    readonly setting: 'REDIS_URL' | 'DATABASE_URL',
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'RealtimeUnavailable';
  }
}

/**
 * Gives socket.io the adapter that carries room broadcasts (`nsp.to(room).emit`) to the sockets
 * of every server instance (docs/deployment.md, "Several instances"): Redis when REDIS_URL is
 * set; otherwise PostgreSQL's LISTEN/NOTIFY when DATABASE_URL is set (no extra service);
 * otherwise socket.io's in-memory adapter, as one process has always used. Call it before any
 * namespace is made (`io.of`), so that every namespace gets it. Each adapter is loaded only when
 * used: an embedded deployment never loads pg nor redis.
 */
export async function attachAdapter(io: Server, config: Pick<Config, 'REDIS_URL' | 'DATABASE_URL'>, log: Logger): Promise<RealtimeAdapter> {
  if (config.REDIS_URL) {
    const { attachRedisAdapter } = await import('./redis.adapter.ts');
    const close = await attachRedisAdapter(io, config.REDIS_URL, log);
    log.info(`socket.io broadcasts go to every instance through Redis at ${redactUrl(config.REDIS_URL)}`);
    return { kind: 'redis', close };
  }
  if (config.DATABASE_URL) {
    const { attachPostgresAdapter } = await import('./postgres.adapter.ts');
    const close = await attachPostgresAdapter(io, config.DATABASE_URL, log);
    log.info(`socket.io broadcasts go to every instance through PostgreSQL at ${redactUrl(config.DATABASE_URL)}`);
    return { kind: 'postgres', close };
  }
  return { kind: 'memory', close: async () => {} };
}
