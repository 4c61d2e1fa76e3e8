import { isAbsolute, relative } from 'node:path';
import type { Config } from './config.ts';
import { RealtimeUnavailable } from './realtime/adapter.ts';
import { StoreUnavailable } from './storage/store-faults.ts';

/** What a failed start is told about: the settings an operator can change. */
export type StartupSettings = Pick<Config, 'PORT' | 'HOST' | 'DATA_DIR' | 'dbFile'> & Partial<Pick<Config, 'DATABASE_URL'>>;

interface SystemError {
  code?: unknown;
  syscall?: unknown;
  path?: unknown;
}

const inside = (dir: string, path: string) => {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

/**
 * The one readable line for a start that failed because of the machine or the settings — the
 * data folder, the database file, the port, the address — naming the setting or the path and
 * what to do (docs/faults.md). `null` for anything else: a bug, which keeps its stack trace.
 */
export function describeStartupFailure(error: unknown, settings: StartupSettings): string | null {
  const line = (text: string) => `Luot cannot start: ${text}`;
  const dir = `DATA_DIR=${settings.DATA_DIR}`;
  const db = settings.dbFile;
  if (!(error instanceof Error)) return null;
  const { code, syscall, path } = error as SystemError;

  // The PostgreSQL server (DATABASE_URL): unreachable, refusing the account, no such database.
  if (error instanceof StoreUnavailable && error.store === 'postgres') {
    return line(`the PostgreSQL database ${error.file} cannot be used (${error.sqliteCode}); check DATABASE_URL and that the server runs`);
  }
  // The socket.io adapter's server (REDIS_URL): unreachable at start. Its message names the
  // setting and hides the password.
  if (error instanceof RealtimeUnavailable) return line(error.message);
  // The database file: its faults come mapped by the storage adapter, or straight from opening it.
  const sqliteCode = error instanceof StoreUnavailable ? error.sqliteCode : typeof code === 'string' && code.startsWith('SQLITE_') ? code : null;
  if (sqliteCode) {
    const primary = sqliteCode.split('_').slice(0, 2).join('_');
    switch (primary) {
      case 'SQLITE_NOTADB':
      case 'SQLITE_CORRUPT':
        return line(`${db} is not a Luot database or is damaged (${sqliteCode}); restore it from a backup or move it away`);
      case 'SQLITE_FULL':
        return line(`${dir}: the disk is full (${sqliteCode} on ${db})`);
      case 'SQLITE_BUSY':
      case 'SQLITE_LOCKED':
        return line(`${db} is locked by another process (${sqliteCode}); is another Luot running on ${dir}?`);
      case 'SQLITE_CANTOPEN':
      case 'SQLITE_READONLY':
      case 'SQLITE_PERM':
      case 'SQLITE_IOERR':
        return line(`${db} cannot be created or written (${sqliteCode}); ${dir} must be a writable folder`);
      default:
        return line(`${db} cannot be used (${sqliteCode})`);
    }
  }

  if (typeof code !== 'string') return null;
  // The data folder (making it, the session key in it).
  if (typeof path === 'string' && inside(settings.DATA_DIR, path)) {
    switch (code) {
      case 'EEXIST':
      case 'ENOTDIR':
        return line(`${dir} is a file, not a folder`);
      case 'EROFS':
        return line(`${dir} is on a read-only file system (${path})`);
      case 'EACCES':
      case 'EPERM':
        return line(`${dir}: no permission to write ${path}`);
      case 'ENOSPC':
        return line(`${dir}: the disk is full (${path})`);
      default:
        return line(`${dir}: ${code} on ${path}`);
    }
  }
  // A component of DATA_DIR above it is a file (ENOTDIR on the first missing parent).
  if (typeof path === 'string' && code === 'ENOTDIR' && inside(path, settings.DATA_DIR)) return line(`${dir}: ${path} is a file, not a folder`);

  // The listening socket.
  if (syscall === 'listen' || syscall === 'bind') {
    switch (code) {
      case 'EADDRINUSE':
        return line(`PORT=${settings.PORT} is already in use on ${settings.HOST} (another program, or another Luot, listens there)`);
      case 'EACCES':
        return line(`PORT=${settings.PORT} needs privileges on this machine (ports below 1024); choose a port from 1024 up`);
      case 'EADDRNOTAVAIL':
        return line(`HOST=${settings.HOST} is not an address of this machine`);
      default:
        return line(`cannot listen on HOST=${settings.HOST} PORT=${settings.PORT} (${code})`);
    }
  }
  if (syscall === 'getaddrinfo') return line(`HOST=${settings.HOST} cannot be resolved to an address of this machine (${code})`);
  return null;
}
