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
    expect(lines.every((l) => l.startsWith('Invalid configuration: '))).toBe(true);
    expect(lines.map((l) => l.slice('Invalid configuration: '.length).split(':')[0]).sort()).toEqual(['DEMO', 'LOG_LEVEL', 'PORT']);
  });

  it.each([['-1'], ['eighty'], ['3000.5']])('rejects PORT=%s', (port) => {
    expect(() => loadConfig({ PORT: port })).toThrow(ConfigError);
  });

  // Issue 10: `PORT=` bound a random port (coerced to 0) and `PORT=0x0C8A` was taken as 3210.
  it.each([[''], ['0x0C8A'], ['1e3'], ['+80'], ['65536'], ['3 000']])('accepts only decimal digits in range: PORT=%j is refused, naming PORT', (port) => {
    expect(() => loadConfig({ PORT: port })).toThrow(/^Invalid configuration: PORT: a whole number from 0 to 65535, in decimal digits$/);
  });

  it('reads numbers in decimal digits only, for every numeric setting', () => {
    expect(loadConfig({ PORT: '3210', PRINT_TIMEOUT_MS: '5000', BRIDGE_HEARTBEAT_MS: '20000' })).toMatchObject({
      PORT: 3210,
      PRINT_TIMEOUT_MS: 5000,
      BRIDGE_HEARTBEAT_MS: 20000,
    });
    expect(loadConfig({ PORT: '0' }).PORT).toBe(0);
    for (const key of ['PRINT_TIMEOUT_MS', 'BRIDGE_HEARTBEAT_MS', 'TICKET_FOLLOWERS_PER_TICKET', 'TICKET_FOLLOWERS_PER_ADDRESS']) {
      expect(() => loadConfig({ [key]: '0x1000' }), key).toThrow(new RegExp(`${key}: a whole number`));
      expect(() => loadConfig({ [key]: '' }), key).toThrow(new RegExp(`${key}: a whole number`));
    }
  });

  it.each([['127.0.0.1'], ['0.0.0.0'], ['::'], ['::1'], ['localhost'], ['kiosk-pc.local']])('accepts HOST=%s', (host) => {
    expect(loadConfig({ HOST: host }).HOST).toBe(host);
  });

  it.each([[''], ['not a host'], ['http://127.0.0.1'], ['127.0.0.1:3000'], ['-bad-.example']])('refuses HOST=%j, naming HOST', (host) => {
    expect(() => loadConfig({ HOST: host })).toThrow(/^Invalid configuration: HOST: an IP address of this machine/);
  });
});
