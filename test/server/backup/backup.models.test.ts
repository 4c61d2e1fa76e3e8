import { describe, expect, it } from 'vitest';
import {
  backupFileName,
  backupsToPrune,
  compareSchema,
  firstBackupDelay,
  isSqliteHeader,
  newestAuto,
  parseBackupName,
  retryDelay,
  type BackupEntry,
} from '../../../server/backup/backup.models.ts';
import { fakeClock } from '../../fakes/clock.fake.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;

describe('backup file names', () => {
  it('name the kind and the UTC start time, sortable and without ":", and parse back', () => {
    const at = new Date('2026-12-03T07:05:09.042Z');
    const name = backupFileName('auto', at);
    expect(name).toBe('luot-2026-12-03T07-05-09.042Z-auto.sqlite');
    expect(parseBackupName(name)).toEqual({ name, kind: 'auto', at });
    expect(parseBackupName(backupFileName('manual', at))?.kind).toBe('manual');
    expect(backupFileName('auto', new Date('2026-01-02T00:00:00Z')) < backupFileName('auto', new Date('2026-10-02T00:00:00Z'))).toBe(true);
  });

  it('leave any other file alone', () => {
    for (const other of [
      'luot.sqlite',
      'notes.txt',
      'luot-2026-12-03T07-05-09.042Z-auto.sqlite.partial',
      'luot-2026-12-03T07-05-09.042Z-weekly.sqlite',
      'luot-2026-13-45T07-05-09.042Z-auto.sqlite',
      'xluot-2026-12-03T07-05-09.042Z-auto.sqlite',
    ]) {
      expect(parseBackupName(other), other).toBeNull();
    }
  });
});

describe('the daily schedule', () => {
  const clock = fakeClock('2026-12-03T10:00:00Z');

  it('backs up a minute after the first start, when no backup exists', () => {
    expect(firstBackupDelay(clock.now(), null, DAY)).toBe(60_000);
    // A short interval (tests) is not stretched by that minute.
    expect(firstBackupDelay(clock.now(), null, 1500)).toBe(1500);
  });

  it('continues one interval after the newest automatic backup across restarts', () => {
    const last = new Date(clock.now().getTime() - 10 * HOUR);
    expect(firstBackupDelay(clock.now(), last, DAY)).toBe(14 * HOUR);
    clock.advance(13 * HOUR + 59 * 60_000 + 30_000);
    // Due in 30 s: still not before the start-up minute.
    expect(firstBackupDelay(clock.now(), last, DAY)).toBe(60_000);
    clock.advance(3 * DAY);
    // Long overdue (the server was off): soon, not at once.
    expect(firstBackupDelay(clock.now(), last, DAY)).toBe(60_000);
  });

  it('does not let a backup dated in the future (clock set back) postpone the next beyond one interval', () => {
    const future = new Date(clock.now().getTime() + 30 * DAY);
    expect(firstBackupDelay(clock.now(), future, DAY)).toBe(DAY);
  });

  it('retries a failed backup within the hour, or the interval when shorter', () => {
    expect(retryDelay(DAY)).toBe(HOUR);
    expect(retryDelay(2000)).toBe(2000);
  });
});

describe('retention', () => {
  const now = new Date('2026-12-20T03:00:00Z');
  const entry = (kind: 'auto' | 'manual', daysAgo: number): BackupEntry => {
    const at = new Date(now.getTime() - daysAgo * DAY);
    return { name: backupFileName(kind, at), kind, at };
  };

  it('deletes automatic backups older than the days kept, and only those', () => {
    const entries = [entry('auto', 20), entry('auto', 14.01), entry('auto', 14), entry('auto', 3), entry('auto', 0)];
    expect(backupsToPrune(entries, now, 14).map((e) => e.name)).toEqual([entries[0]!.name, entries[1]!.name]);
    expect(backupsToPrune(entries, now, 30)).toEqual([]);
    expect(backupsToPrune(entries, now, 1).map((e) => e.name)).toEqual(entries.slice(0, 4).map((e) => e.name));
  });

  it('never deletes a manual backup, however old', () => {
    const entries = [entry('manual', 400), entry('auto', 400), entry('auto', 1)];
    expect(backupsToPrune(entries, now, 7)).toEqual([entries[1]]);
  });

  it('always keeps the newest automatic backup, even when it is past the limit', () => {
    const entries = [entry('auto', 60), entry('auto', 40), entry('manual', 1)];
    expect(backupsToPrune(entries, now, 14)).toEqual([entries[0]]);
    expect(newestAuto(entries)).toBe(entries[1]);
  });
});

describe('schema versions', () => {
  const known = ['0001_init', '0002_counter_workflow', '0003_accounts'];

  it('accepts the same history and an older one, naming what the next start applies', () => {
    expect(compareSchema(known, [...known].reverse())).toEqual({ status: 'same' });
    expect(compareSchema(known, ['0001_init'])).toEqual({ status: 'older', missing: ['0002_counter_workflow', '0003_accounts'] });
  });

  it('calls a history with a migration this code does not know newer', () => {
    expect(compareSchema(known, [...known, '0099_future', '0042_later'])).toEqual({ status: 'newer', unknown: ['0042_later', '0099_future'] });
  });
});

describe('the SQLite header check', () => {
  const header = (pageSize: number) => {
    const bytes = new Uint8Array(100);
    bytes.set(new TextEncoder().encode('SQLite format 3\0'));
    bytes[16] = pageSize >> 8;
    bytes[17] = pageSize & 0xff;
    return bytes;
  };

  it('accepts the magic string with a valid page size', () => {
    expect(isSqliteHeader(header(4096))).toBe(true);
    expect(isSqliteHeader(header(1))).toBe(true); // 65536
  });

  it('refuses other files, short heads and impossible page sizes', () => {
    expect(isSqliteHeader(new TextEncoder().encode('PGDMP'.padEnd(100, ' ')))).toBe(false);
    expect(isSqliteHeader(header(4096).slice(0, 50))).toBe(false);
    expect(isSqliteHeader(header(3000))).toBe(false);
    expect(isSqliteHeader(header(256))).toBe(false);
  });
});
