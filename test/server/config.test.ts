import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.ts';

describe('loadConfig', () => {
  it('has safe defaults: localhost, port 3000, ./data, no demo', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3000, HOST: '127.0.0.1', DEMO: false, LOG_LEVEL: 'info' });
    expect(config.DATA_DIR).toBe(resolve('data'));
    expect(config.dbFile).toBe(resolve('data', 'luot.sqlite'));
    expect(config.WEB_ROOT).toBe(resolve('dist/web'));
  });

  it('reads and coerces the environment', () => {
    const config = loadConfig({ PORT: '0', HOST: '0.0.0.0', DATA_DIR: '/srv/luot', DEMO: '1', LOG_LEVEL: 'warn' });
    expect(config).toMatchObject({ PORT: 0, HOST: '0.0.0.0', DATA_DIR: '/srv/luot', DEMO: true, LOG_LEVEL: 'warn', dbFile: '/srv/luot/luot.sqlite' });
    expect(loadConfig({ DEMO: 'true' }).DEMO).toBe(true);
    expect(loadConfig({ DEMO: 'false' }).DEMO).toBe(false);
    expect(loadConfig({ DEMO: '0' }).DEMO).toBe(false);
  });

  it('takes SESSION_SECRET and ADMIN_PASSWORD, optional, with minimum lengths; empty means unset', () => {
    for (const env of [{}, { SESSION_SECRET: '', ADMIN_PASSWORD: '' }]) {
      const config = loadConfig(env);
      expect([config.SESSION_SECRET, config.ADMIN_PASSWORD]).toEqual([undefined, undefined]);
    }
    const secret = 's'.repeat(32);
    expect(loadConfig({ SESSION_SECRET: secret, ADMIN_PASSWORD: 'eight-ch' })).toMatchObject({ SESSION_SECRET: secret, ADMIN_PASSWORD: 'eight-ch' });
    expect(() => loadConfig({ SESSION_SECRET: 'short' })).toThrow(/SESSION_SECRET: at least 32 characters/);
    expect(() => loadConfig({ ADMIN_PASSWORD: 'seven-c' })).toThrow(/ADMIN_PASSWORD: at least 8 characters/);
  });

  it('ignores variables it does not know', () => {
    expect(() => loadConfig({ PATH: '/usr/bin', HOME: '/root' })).not.toThrow();
  });

  it('fails fast with one readable line per bad key', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: '70000', DEMO: 'yes', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const lines = (error as Error).message.split('\n');
    expect(lines[0]).toBe('Invalid configuration:');
    expect(lines.slice(1).map((l) => l.trim().split(':')[0]).sort()).toEqual(['DEMO', 'LOG_LEVEL', 'PORT']);
  });

  it.each([['-1'], ['eighty'], ['3000.5']])('rejects PORT=%s', (port) => {
    expect(() => loadConfig({ PORT: port })).toThrow(ConfigError);
  });
});
