import type { Config } from '../config.ts';
import type { Store } from '../kernel/store.port.ts';
import { redactUrl } from './postgres-faults.ts';
import type { StatementObserver } from './sqlite-driver.ts';
import { createSqliteStore } from './sqlite.store.ts';

/** What either store is told besides where it is. */
export interface StoreExtras {
  observe?: StatementObserver;
  onAfterCommitError?: (error: unknown) => void;
  /** Told when an idle PostgreSQL connection breaks (the pool reconnects by itself). */
  onPoolError?: (error: Error) => void;
}

type StoreSettings = Pick<Config, 'DATABASE_URL' | 'dbFile'>;

export const isPostgresUrl = (url: string | undefined): url is string => url !== undefined && /^postgres(ql)?:\/\//i.test(url);

/** The store the settings name, in words for the start-up log: never the password. */
export function describeStore(config: StoreSettings): string {
  return isPostgresUrl(config.DATABASE_URL) ? `PostgreSQL at ${redactUrl(config.DATABASE_URL)}` : `SQLite file ${config.dbFile}`;
}

/**
 * PostgreSQL when DATABASE_URL is a postgres:// or postgresql:// address (several server
 * instances, docs/deployment.md); otherwise the SQLite file in DATA_DIR, as always.
 */
export async function openStore(config: StoreSettings, extras: StoreExtras = {}): Promise<Store> {
  if (isPostgresUrl(config.DATABASE_URL)) {
    // Loaded only when used: an embedded deployment never loads pg.
    const { createPostgresStore } = await import('./postgres.store.ts');
    return createPostgresStore({ url: config.DATABASE_URL, ...extras });
  }
  return createSqliteStore({ filename: config.dbFile, observe: extras.observe, onAfterCommitError: extras.onAfterCommitError });
}
