import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { TicketState } from '../../protocol/index.ts';
import type { DurationAccumulator, MinuteHistogram } from '../reports/stats.models.ts';
import type { DailyRollupRow } from '../reports/time-summary.models.ts';
import { reportRatingsQueries } from './report-ratings.queries.ts';
import { ticketHistoryQueries } from './ticket-history.queries.ts';
import type { ReportStore, TicketFacts } from '../reports/reports.port.ts';
import type { Database } from './db.types.ts';

/** The rollups and the reports' columns of tickets (migration 0006), as stored: histograms JSON text. */
type ReportDailyRow = Selectable<Database['report_daily']>;
type ReportTicketRow = Selectable<Database['tickets']>;

const parseHistogram = (json: string): MinuteHistogram => JSON.parse(json || '{}') as MinuteHistogram;

const durationsOf = (n: number, sum: number, max: number, hist: string): DurationAccumulator => ({
  count: Number(n),
  sumMs: Number(sum),
  maxMs: Number(max),
  histogram: parseHistogram(hist),
});

const rollupFromRow = (r: ReportDailyRow): DailyRollupRow => ({
  businessDay: r.business_day,
  serviceId: r.service_id,
  counterId: r.counter_id,
  staffId: r.staff_id,
  issued: Number(r.issued),
  served: Number(r.served),
  noShow: Number(r.no_show),
  transferred: Number(r.transferred),
  expired: Number(r.expired),
  wait: durationsOf(r.wait_n, r.wait_sum_ms, r.wait_max_ms, r.wait_hist),
  service: durationsOf(r.service_n, r.service_sum_ms, r.service_max_ms, r.service_hist),
});

const rollupToRow = (centreId: string, r: DailyRollupRow): Insertable<Database['report_daily']> => ({
  centre_id: centreId,
  business_day: r.businessDay,
  service_id: r.serviceId,
  counter_id: r.counterId,
  staff_id: r.staffId,
  issued: r.issued,
  served: r.served,
  no_show: r.noShow,
  transferred: r.transferred,
  expired: r.expired,
  wait_n: r.wait.count,
  wait_sum_ms: r.wait.sumMs,
  wait_max_ms: r.wait.maxMs,
  wait_hist: JSON.stringify(r.wait.histogram),
  service_n: r.service.count,
  service_sum_ms: r.service.sumMs,
  service_max_ms: r.service.maxMs,
  service_hist: JSON.stringify(r.service.histogram),
});

const factsFromRow = (r: ReportTicketRow): TicketFacts => ({
  id: r.id,
  issuedServiceId: r.service_id,
  serviceId: r.queue_service_id,
  businessDay: r.business_day,
  number: r.number,
  state: r.state as TicketState,
  issuedAtMs: Number(r.issued_at),
  calledAtMs: r.called_at === null ? null : Number(r.called_at),
  servingAtMs: r.serving_at === null ? null : Number(r.serving_at),
  finishedAtMs: r.finished_at === null ? null : Number(r.finished_at),
  counterId: r.counter_id,
  staffId: r.staff_id,
  priorityGroupId: r.priority_group_id,
  firstCall:
    r.first_called_at === null
      ? null
      : { atMs: Number(r.first_called_at), serviceId: r.first_service_id ?? r.queue_service_id, counterId: r.first_counter_id, staffId: r.first_staff_id },
  transferCount: Number(r.transfer_count),
});

/** Larger of the stored and the new maximum, in SQL both SQLite and PostgreSQL read. */
const greater = (column: 'wait_max_ms' | 'service_max_ms') =>
  sql<number>`CASE WHEN excluded.${sql.ref(column)} > report_daily.${sql.ref(column)} THEN excluded.${sql.ref(column)} ELSE report_daily.${sql.ref(column)} END`;
const plus = (table: 'report_daily' | 'report_hourly', column: string) => sql<number>`${sql.ref(`${table}.${column}`)} + excluded.${sql.ref(column)}`;

/** The ReportStore as portable Kysely queries over one executor (root database or a write transaction). */
export function reportsQueries(db: Kysely<Database>): ReportStore {
  const ticketsOfDays = (centreId: string, from: string, to: string) =>
    db.selectFrom('tickets').selectAll().where('centre_id', '=', centreId).where('business_day', '>=', from).where('business_day', '<=', to);

  return {
    ...reportRatingsQueries(db),
    ...ticketHistoryQueries(db),
    async recordFirstCall(ticketId, call) {
      const r = await db
        .updateTable('tickets')
        .set({ first_called_at: call.atMs, first_service_id: call.serviceId, first_counter_id: call.counterId, first_staff_id: call.staffId })
        .where('id', '=', ticketId)
        .where('first_called_at', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async countTransfer(ticketId) {
      await db
        .updateTable('tickets')
        .set((eb) => ({ transfer_count: eb('transfer_count', '+', 1) }))
        .where('id', '=', ticketId)
        .execute();
    },
    async rollupHistograms(centreId, k) {
      const stored = await db
        .selectFrom('report_daily')
        .select(['wait_hist', 'service_hist'])
        .where('centre_id', '=', centreId)
        .where('business_day', '=', k.businessDay)
        .where('service_id', '=', k.serviceId)
        .where('counter_id', '=', k.counterId)
        .where('staff_id', '=', k.staffId)
        .executeTakeFirst();
      return stored ? { wait: parseHistogram(stored.wait_hist), service: parseHistogram(stored.service_hist) } : null;
    },
    async addToRollups(centreId, daily, hourly) {
      for (const d of daily) {
        const row = rollupToRow(centreId, d);
        await db
          .insertInto('report_daily')
          .values(row)
          .onConflict((oc) =>
            oc.columns(['centre_id', 'business_day', 'service_id', 'counter_id', 'staff_id']).doUpdateSet({
              issued: plus('report_daily', 'issued'),
              served: plus('report_daily', 'served'),
              no_show: plus('report_daily', 'no_show'),
              transferred: plus('report_daily', 'transferred'),
              expired: plus('report_daily', 'expired'),
              wait_n: plus('report_daily', 'wait_n'),
              wait_sum_ms: plus('report_daily', 'wait_sum_ms'),
              wait_max_ms: greater('wait_max_ms'),
              service_n: plus('report_daily', 'service_n'),
              service_sum_ms: plus('report_daily', 'service_sum_ms'),
              service_max_ms: greater('service_max_ms'),
              // The increment's histograms already hold the stored ones (ReportStore.addToRollups).
              ...(d.wait.count > 0 ? { wait_hist: row.wait_hist } : {}),
              ...(d.service.count > 0 ? { service_hist: row.service_hist } : {}),
            }),
          )
          .execute();
      }
      for (const h of hourly) {
        await db
          .insertInto('report_hourly')
          .values({ centre_id: centreId, business_day: h.businessDay, service_id: h.serviceId, hour: h.hour, issued: h.issued })
          .onConflict((oc) => oc.columns(['centre_id', 'business_day', 'service_id', 'hour']).doUpdateSet({ issued: plus('report_hourly', 'issued') }))
          .execute();
      }
    },
    async replaceRollups(centreId, lo, hi, daily, hourly) {
      await db.deleteFrom('report_daily').where('centre_id', '=', centreId).where('business_day', '>=', lo).where('business_day', '<=', hi).execute();
      await db.deleteFrom('report_hourly').where('centre_id', '=', centreId).where('business_day', '>=', lo).where('business_day', '<=', hi).execute();
      // In slices: SQLite allows at most 32 766 bound parameters per statement.
      const rows = daily.map((r) => rollupToRow(centreId, r));
      for (let i = 0; i < rows.length; i += 1000)
        await db
          .insertInto('report_daily')
          .values(rows.slice(i, i + 1000))
          .execute();
      const hours = hourly.map((h) => ({ centre_id: centreId, business_day: h.businessDay, service_id: h.serviceId, hour: h.hour, issued: h.issued }));
      for (let i = 0; i < hours.length; i += 5000)
        await db
          .insertInto('report_hourly')
          .values(hours.slice(i, i + 5000))
          .execute();
    },
    async rollupsBuiltAt(centreId) {
      const r = await db.selectFrom('report_rollup_state').select('built_at').where('centre_id', '=', centreId).executeTakeFirst();
      return r ? Number(r.built_at) : null;
    },
    async markRollupsBuilt(centreId, atMs) {
      await db
        .insertInto('report_rollup_state')
        .values({ centre_id: centreId, built_at: atMs })
        .onConflict((oc) => oc.column('centre_id').doUpdateSet({ built_at: atMs }))
        .execute();
    },

    async readDailyRollups(centreId, from, to) {
      const rows = await db
        .selectFrom('report_daily')
        .selectAll()
        .where('centre_id', '=', centreId)
        .where('business_day', '>=', from)
        .where('business_day', '<=', to)
        .execute();
      return rows.map(rollupFromRow);
    },
    async readHourlyRollups(centreId, from, to) {
      const rows = await db
        .selectFrom('report_hourly')
        .select(['business_day', 'service_id', 'hour', 'issued'])
        .where('centre_id', '=', centreId)
        .where('business_day', '>=', from)
        .where('business_day', '<=', to)
        .execute();
      return rows.map((r) => ({ businessDay: r.business_day, serviceId: r.service_id, hour: Number(r.hour), issued: Number(r.issued) }));
    },
    async servedCounts(centreId, from, to) {
      const rows = await db
        .selectFrom('report_daily')
        .select(['business_day', 'service_id', 'counter_id', 'staff_id', 'served'])
        .where('centre_id', '=', centreId)
        .where('business_day', '>=', from)
        .where('business_day', '<=', to)
        .where('served', '>', 0)
        .execute();
      return rows.map((r) => ({
        businessDay: r.business_day,
        serviceId: r.service_id,
        counterId: r.counter_id,
        staffId: r.staff_id,
        served: Number(r.served),
      }));
    },
    async ticketDayRange(centreId) {
      const r = await db
        .selectFrom('tickets')
        .select((eb) => [eb.fn.min('business_day').as('lo'), eb.fn.max('business_day').as('hi')])
        .where('centre_id', '=', centreId)
        .executeTakeFirst();
      return r?.lo && r.hi ? { from: String(r.lo), to: String(r.hi) } : null;
    },
    async ticketFacts(centreId, from, to) {
      return (await ticketsOfDays(centreId, from, to).execute()).map(factsFromRow);
    },
    async transferFacts(centreId, from, to) {
      const rows = await db
        .selectFrom('ticket_events as e')
        .innerJoin('tickets as t', 't.id', 'e.ticket_id')
        .select(['e.ticket_id', 't.business_day', 'e.counter_id', 'e.actor_id', 'e.detail'])
        .where('t.centre_id', '=', centreId)
        .where('t.business_day', '>=', from)
        .where('t.business_day', '<=', to)
        .where('t.transfer_count', '>', 0)
        .where('e.to_state', '=', 'waiting')
        .where('e.from_state', 'in', ['called', 'serving'])
        .orderBy('e.seq')
        .execute();
      return rows.flatMap((r) => {
        const detail = r.detail ? (JSON.parse(r.detail) as { fromServiceId?: unknown; toServiceId?: unknown }) : {};
        if (detail.toServiceId === undefined || typeof detail.fromServiceId !== 'string') return [];
        return [{ ticketId: r.ticket_id, businessDay: r.business_day, fromServiceId: detail.fromServiceId, counterId: r.counter_id, staffId: r.actor_id }];
      });
    },
    async ticketLogCount(f) {
      let q = db
        .selectFrom('tickets')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('centre_id', '=', f.centreId)
        .where('business_day', '>=', f.from)
        .where('business_day', '<=', f.to);
      if (f.serviceId) q = q.where((eb) => eb.or([eb('queue_service_id', '=', f.serviceId!), eb('service_id', '=', f.serviceId!)]));
      if (f.counterId) q = q.where('counter_id', '=', f.counterId);
      if (f.staffId) q = q.where('staff_id', '=', f.staffId);
      if (f.state) q = q.where('state', '=', f.state);
      // PostgreSQL's count is int8, which pg returns as a string.
      return Number((await q.executeTakeFirst())?.n ?? 0);
    },
    async ticketLog(f) {
      let q = ticketsOfDays(f.centreId, f.from, f.to);
      if (f.serviceId) q = q.where((eb) => eb.or([eb('queue_service_id', '=', f.serviceId!), eb('service_id', '=', f.serviceId!)]));
      if (f.counterId) q = q.where('counter_id', '=', f.counterId);
      if (f.staffId) q = q.where('staff_id', '=', f.staffId);
      if (f.state) q = q.where('state', '=', f.state);
      const a = f.after;
      if (a) {
        q = q.where((eb) =>
          eb.or([
            eb('business_day', '<', a.businessDay),
            eb.and([
              eb('business_day', '=', a.businessDay),
              eb.or([eb('issued_at', '<', a.issuedAtMs), eb.and([eb('issued_at', '=', a.issuedAtMs), eb('id', '<', a.id)])]),
            ]),
          ]),
        );
      }
      const rows = await q.orderBy('business_day', 'desc').orderBy('issued_at', 'desc').orderBy('id', 'desc').limit(f.limit).execute();
      return rows.map(factsFromRow);
    },
  };
}
