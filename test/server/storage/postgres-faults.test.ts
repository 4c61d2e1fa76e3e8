import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../server/config.ts';
import { describeStartupFailure } from '../../../server/startup-failure.ts';
import { describeStore, openStore } from '../../../server/storage/open-store.ts';
import { asPgFault, redactUrl } from '../../../server/storage/postgres-faults.ts';
import { StoreUnavailable } from '../../../server/storage/store-faults.ts';

const URL_ = 'postgres://luot:s3cret@db.internal:5432/luot';
const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('DATABASE_URL', () => {
  it('is unset by default, and takes postgres:// and postgresql:// addresses', () => {
    expect(loadConfig({}).DATABASE_URL).toBeUndefined();
    expect(loadConfig({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
    expect(loadConfig({ DATABASE_URL: URL_ }).DATABASE_URL).toBe(URL_);
    expect(loadConfig({ DATABASE_URL: 'postgresql://db/luot' }).DATABASE_URL).toBe('postgresql://db/luot');
  });

  it('refuses any other address with one readable line', () => {
    for (const bad of ['mysql://db/luot', 'luot.sqlite', 'postgres://', 'postgres://db /luot']) {
      expect(() => loadConfig({ DATABASE_URL: bad })).toThrow(ConfigError);
      expect(() => loadConfig({ DATABASE_URL: bad })).toThrow(/^Invalid configuration: DATABASE_URL: a PostgreSQL address/);
    }
  });
});

describe('which store', () => {
  it('is named without the password', () => {
    const config = loadConfig({ DATABASE_URL: URL_ });
    expect(describeStore(config)).toBe('PostgreSQL at postgres://luot@db.internal:5432/luot');
    expect(describeStore({ DATABASE_URL: undefined, dbFile: '/srv/luot/luot.sqlite' })).toBe('SQLite file /srv/luot/luot.sqlite');
  });

  it('is the SQLite file when DATABASE_URL is unset', async () => {
    const store = await openStore({ DATABASE_URL: undefined, dbFile: ':memory:' });
    expect(await store.listCentres()).toEqual([]);
    await store.close();
  });
});

describe('PostgreSQL faults', () => {
  it('are StoreUnavailable (503 store.unavailable) for connection, shutdown, resource and lock faults', () => {
    for (const code of [
      'ECONNREFUSED',
      'ECONNRESET',
      'ETIMEDOUT',
      '08006',
      '08001',
      '57P01',
      '57P02',
      '57P03',
      '53100',
      '53300',
      '58030',
      '55P03',
      '40P01',
      '28P01',
      '3D000',
    ]) {
      const fault = asPgFault(withCode(code), 'postgres://luot@db/luot');
      expect(fault).toBeInstanceOf(StoreUnavailable);
      expect(fault).toMatchObject({ code: 'store.unavailable', sqliteCode: code, store: 'postgres', file: 'postgres://luot@db/luot' });
    }
    expect(asPgFault(new Error('Connection terminated unexpectedly'), 'w')).toBeInstanceOf(StoreUnavailable);
    expect(asPgFault(new Error('timeout exceeded when trying to connect'), 'w')).toBeInstanceOf(StoreUnavailable);
    const refusedTwice = Object.assign(new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')]), { code: undefined });
    expect(asPgFault(refusedTwice, 'w')).toMatchObject({ sqliteCode: 'ECONNREFUSED' });
  });

  it('leave bugs alone: a broken constraint, a wrong query', () => {
    for (const code of ['23505', '42P01', '42703', '22P02']) {
      const error = withCode(code);
      expect(asPgFault(error, 'w')).toBe(error);
    }
  });

  it('never carry the password', () => {
    expect(redactUrl(URL_)).toBe('postgres://luot@db.internal:5432/luot');
    expect(redactUrl('not a url')).not.toContain('not a url');
  });

  it('stop the start with one line naming DATABASE_URL', () => {
    const fault = asPgFault(withCode('ECONNREFUSED', 'connect ECONNREFUSED 10.0.0.5:5432'), redactUrl(URL_));
    const line = describeStartupFailure(fault, { PORT: 3000, HOST: '127.0.0.1', DATA_DIR: '/srv/luot', dbFile: '/srv/luot/luot.sqlite', DATABASE_URL: URL_ });
    expect(line).toBe(
      'Luot cannot start: the PostgreSQL database postgres://luot@db.internal:5432/luot cannot be used (ECONNREFUSED); check DATABASE_URL and that the server runs',
    );
  });
});
