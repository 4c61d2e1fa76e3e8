import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config.ts';

describe('backup settings', () => {
  it('default to a backup a day, kept 14 days', () => {
    const config = loadConfig({});
    expect(config.BACKUP_INTERVAL_MS).toBe(86_400_000);
    expect(config.BACKUP_KEEP_DAYS).toBe(14);
  });

  it('take 0 as off and a second as the shortest interval', () => {
    expect(loadConfig({ BACKUP_INTERVAL_MS: '0' }).BACKUP_INTERVAL_MS).toBe(0);
    expect(loadConfig({ BACKUP_INTERVAL_MS: '1000', BACKUP_KEEP_DAYS: '1' })).toMatchObject({ BACKUP_INTERVAL_MS: 1000, BACKUP_KEEP_DAYS: 1 });
  });

  it('refuse what is not a usable interval or number of days, one line each', () => {
    expect(() => loadConfig({ BACKUP_INTERVAL_MS: '500' })).toThrow(
      'Invalid configuration: BACKUP_INTERVAL_MS: at least 1000 (one second), or 0 to turn automatic backups off',
    );
    expect(() => loadConfig({ BACKUP_INTERVAL_MS: '1d' })).toThrow(/^Invalid configuration: BACKUP_INTERVAL_MS: a whole number/);
    expect(() => loadConfig({ BACKUP_KEEP_DAYS: '0' })).toThrow(/^Invalid configuration: BACKUP_KEEP_DAYS: /);
  });
});
