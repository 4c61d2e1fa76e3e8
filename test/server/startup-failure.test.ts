import { describe, expect, it } from 'vitest';
import { RealtimeUnavailable } from '../../server/realtime/adapter.ts';
import { describeStartupFailure } from '../../server/startup-failure.ts';
import { StoreUnavailable } from '../../server/storage/store-faults.ts';

const settings = { PORT: 3000, HOST: '127.0.0.1', DATA_DIR: '/srv/luot', dbFile: '/srv/luot/luot.sqlite' };

/** An error shaped like Node's system errors. */
const system = (code: string, fields: Record<string, unknown>) => Object.assign(new Error(`${code} (test)`), { code, ...fields });
const sqlite = (code: string) => Object.assign(new Error('sqlite says no'), { code });

describe('describeStartupFailure: one line naming the setting or path', () => {
  it.each([
    [system('EADDRINUSE', { syscall: 'listen', address: '127.0.0.1', port: 3000 }), 'PORT=3000 is already in use on 127.0.0.1'],
    [system('EACCES', { syscall: 'listen', port: 80 }), 'PORT=3000 needs privileges'],
    [system('EADDRNOTAVAIL', { syscall: 'listen' }), 'HOST=127.0.0.1 is not an address of this machine'],
    [system('ENOTFOUND', { syscall: 'getaddrinfo', hostname: 'x' }), 'HOST=127.0.0.1 cannot be resolved'],
    [system('EAI_AGAIN', { syscall: 'getaddrinfo' }), 'HOST=127.0.0.1 cannot be resolved'],
    [system('EEXIST', { syscall: 'mkdir', path: '/srv/luot' }), 'DATA_DIR=/srv/luot is a file, not a folder'],
    [system('ENOTDIR', { syscall: 'mkdir', path: '/srv' }), 'DATA_DIR=/srv/luot: /srv is a file, not a folder'],
    [system('EROFS', { syscall: 'open', path: '/srv/luot/session.secret' }), 'DATA_DIR=/srv/luot is on a read-only file system'],
    [system('EACCES', { syscall: 'open', path: '/srv/luot/session.secret' }), 'DATA_DIR=/srv/luot: no permission to write /srv/luot/session.secret'],
    [sqlite('SQLITE_CANTOPEN'), '/srv/luot/luot.sqlite cannot be created or written (SQLITE_CANTOPEN); DATA_DIR=/srv/luot must be a writable folder'],
    [new StoreUnavailable('/srv/luot/luot.sqlite', 'SQLITE_NOTADB', sqlite('SQLITE_NOTADB')), '/srv/luot/luot.sqlite is not a Luot database or is damaged'],
    [
      new StoreUnavailable('/srv/luot/luot.sqlite', 'SQLITE_READONLY_DBMOVED', sqlite('SQLITE_READONLY_DBMOVED')),
      'cannot be created or written (SQLITE_READONLY_DBMOVED)',
    ],
    [new StoreUnavailable('/srv/luot/luot.sqlite', 'SQLITE_FULL', sqlite('SQLITE_FULL')), 'DATA_DIR=/srv/luot: the disk is full'],
    [new StoreUnavailable('/srv/luot/luot.sqlite', 'SQLITE_BUSY', sqlite('SQLITE_BUSY')), 'is locked by another process'],
  ])('%s', (error, expected) => {
    const line = describeStartupFailure(error, settings);
    expect(line).toContain(expected);
    expect(line).toMatch(/^Luot cannot start: [^\n]+$/);
  });

  it('leaves anything else alone (a bug keeps its stack trace)', () => {
    expect(describeStartupFailure(new TypeError('x is undefined'), settings)).toBeNull();
    expect(describeStartupFailure(system('ENOENT', { syscall: 'open', path: '/elsewhere/file' }), settings)).toBeNull();
    expect(describeStartupFailure('a string', settings)).toBeNull();
  });
  it('a Redis server (REDIS_URL) that cannot be reached at start', () => {
    const error = new RealtimeUnavailable('the Redis server 127.0.0.1:1 cannot be reached (ECONNREFUSED); check REDIS_URL and that Redis runs', 'REDIS_URL');
    expect(describeStartupFailure(error, settings)).toBe(
      'Luot cannot start: the Redis server 127.0.0.1:1 cannot be reached (ECONNREFUSED); check REDIS_URL and that Redis runs',
    );
  });
});
