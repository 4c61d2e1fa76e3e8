import { createSqliteStore } from '/work/main/server/storage/sqlite.store.ts';
import { timeSummary, busiestHours } from '/work/main/server/reports/time-report.usecases.ts';
import { ratingSummary } from '/work/main/server/reports/rating-report.usecases.ts';
import { ticketLog } from '/work/main/server/reports/ticket-log.usecases.ts';
const store = await createSqliteStore({ filename: process.argv[2]! });
const deps: any = { store, clock: { now: () => new Date('2026-11-21T10:00:00+07:00') }, ids: { newId: () => 'x' }, notifier: { publish() {} } };
const from = process.argv[3], to = process.argv[4];
for (const g of ['service', 'counter', 'staff', 'day', 'week', 'month'] as const) {
  const t0 = performance.now(); const s = await timeSummary(deps, 'phu-an', { from, to, groupBy: g }); const ms = performance.now() - t0;
  console.log('time', g, ms.toFixed(1), 'ms', s.groups.length, 'groups', JSON.stringify({ ...s.totals, wait: { ...s.totals.wait, distribution: undefined }, service: { ...s.totals.service, distribution: undefined } }));
}
for (const g of ['staff', 'month'] as const) {
  const t0 = performance.now(); const s = await ratingSummary(deps, 'phu-an', { from, to, groupBy: g }); const ms = performance.now() - t0;
  console.log('rating', g, ms.toFixed(1), 'ms', JSON.stringify(s.totals));
}
let t0 = performance.now(); const b = await busiestHours(deps, 'phu-an', { from, to }); console.log('hours', (performance.now() - t0).toFixed(1), b.hours.filter(h=>h.issued).map(h => `${h.hour}:${h.perDay}`).join(' '));
t0 = performance.now(); const l = await ticketLog(deps, 'phu-an', { from, to, limit: 50 }); console.log('log', (performance.now() - t0).toFixed(1), l.items.length, l.items[0]);
t0 = performance.now(); const l2 = await ticketLog(deps, 'phu-an', { from, to, limit: 50, state: 'expired' }); console.log('log expired', (performance.now() - t0).toFixed(1), l2.items.length);
await store.close();
