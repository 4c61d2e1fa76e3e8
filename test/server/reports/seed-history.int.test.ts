/**
 * The history seed (npm run seed:history) on a small scale: closed on Sundays and public
 * holidays, uneven by hour, every figure of the reports agreeing with the rows it wrote.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Deps } from '../../../server/kernel/ports.ts';
import { busiestHours, timeSummary } from '../../../server/reports/time-report.usecases.ts';
import { ratingSummary } from '../../../server/reports/rating-report.usecases.ts';
import { createSqliteStore } from '../../../server/storage/sqlite.store.ts';
import type { Store } from '../../../server/kernel/store.port.ts';
import { HISTORY_CENTRE_ID } from '../../fixtures/history/history-centre.ts';
import { isHoliday } from '../../fixtures/history/history-calendar.ts';
import { seedHistory, type SeedResult } from '../../fixtures/history/seed-history.ts';
import { rawQuery } from '../../helpers/raw-db.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

const dir = tempDir('luot-seed');
const dbFile = join(dir.path, 'luot.sqlite');
let seeded: SeedResult;
let store: Store;
let deps: Deps;
const range = { from: '2026-04-20', to: '2026-05-03' };

beforeAll(async () => {
  seeded = await seedHistory({ dbFile, days: 14, end: range.to, seed: 7, now: () => new Date('2026-05-20T10:00:00+07:00') });
  store = await createSqliteStore({ filename: dbFile });
  deps = { store, clock: { now: () => new Date('2026-05-20T10:00:00+07:00') }, ids: { newId: () => 'x' }, notifier: { publish() {} } };
}, 60_000);
afterAll(async () => {
  await store?.close();
  dir.remove();
});

const one = <T>(sql: string, ...params: unknown[]) => rawQuery<T>(dbFile, sql, ...params)[0]!;

describe('seed:history', () => {
  it('opens on working days and Saturday mornings, not on Sundays or holidays', () => {
    const days = rawQuery<{ business_day: string }>(dbFile, 'SELECT DISTINCT business_day FROM tickets ORDER BY 1').map((r) => r.business_day);
    expect(isHoliday('2026-04-30') && isHoliday('2026-05-01')).toBe(true);
    expect(days).toEqual([
      '2026-04-20',
      '2026-04-21',
      '2026-04-22',
      '2026-04-23',
      '2026-04-24',
      '2026-04-25',
      '2026-04-27',
      '2026-04-28',
      '2026-04-29',
      '2026-05-02',
    ]);
    expect(seeded.openDays).toBe(10);
    const saturdayLatest = one<{ h: string }>("SELECT max(issued_at) AS h FROM tickets WHERE business_day = '2026-04-25'").h;
    expect(new Date(Number(saturdayLatest)).toISOString() < '2026-04-25T04:30:00.000Z').toBe(true); // before 11:30 local
  });

  it('gives reports that agree with the rows it wrote', async () => {
    const s = await timeSummary(deps, HISTORY_CENTRE_ID, { ...range, groupBy: 'service' });
    const count = (where: string) => one<{ n: number }>(`SELECT count(*) AS n FROM tickets WHERE ${where}`).n;
    expect(s.totals.issued).toBe(seeded.tickets);
    expect(s.totals.issued).toBe(count('1 = 1'));
    expect(s.totals.served).toBe(count("state = 'done'"));
    expect(s.totals.noShow).toBe(count("state = 'no_show'"));
    expect(s.totals.expired).toBe(count("state = 'expired'"));
    expect(s.totals.transferred).toBe(count('transfer_count > 0'));
    expect(s.totals.wait.count).toBe(count('first_called_at IS NOT NULL'));
    expect(s.groups).toHaveLength(10);
    // A busy provincial centre: most wait under an hour, services take minutes.
    expect(s.totals.wait.p50Minutes!).toBeLessThan(45);
    expect(s.totals.service.p50Minutes!).toBeLessThan(10);

    const r = await ratingSummary(deps, HISTORY_CENTRE_ID, { ...range, groupBy: 'staff' });
    expect(r.totals.rated).toBe(seeded.ratings);
    expect(r.totals.served).toBe(s.totals.served);
    expect(r.totals.responseRate!).toBeGreaterThan(0.4);
    expect(r.totals.responseRate!).toBeLessThan(0.9);
    expect(r.totals.satisfiedShare!).toBeGreaterThan(0.6);
    expect(r.totals.rejectedTotal).toBe(one<{ n: number }>("SELECT count(*) AS n FROM rating_presses WHERE outcome LIKE 'rejected_%'").n);
    expect(r.totals.rejectedTotal).toBeGreaterThan(0);
    // Every rating belongs to a served ticket.
    expect(one<{ n: number }>("SELECT count(*) AS n FROM ratings r JOIN tickets t ON t.id = r.ticket_id WHERE t.state <> 'done'").n).toBe(0);
  });

  it('is uneven by hour: the morning after opening is the peak', async () => {
    const b = await busiestHours(deps, HISTORY_CENTRE_ID, range);
    const top = [...b.hours].sort((x, y) => y.issued - x.issued)[0]!;
    expect([7, 8, 9]).toContain(top.hour);
    expect(b.hours[12]!.issued).toBeLessThan(top.issued / 3);
    expect(b.hours[20]!.issued).toBe(0);
  });

  it('numbers every service from 1 each day, like the kiosk', () => {
    const gaps = rawQuery(
      dbFile,
      `SELECT t.service_id, t.business_day FROM tickets t JOIN number_sequences s ON s.centre_id = t.centre_id
      AND s.service_id = t.service_id AND s.business_day = t.business_day GROUP BY 1, 2 HAVING count(*) <> max(s.last_seq) OR max(t.seq) <> count(*)`,
    );
    expect(gaps).toEqual([]);
  });

  it('refuses to seed the same centre twice', async () => {
    await expect(seedHistory({ dbFile, days: 1, end: range.to })).rejects.toThrow(/already has tickets/);
  });
});
