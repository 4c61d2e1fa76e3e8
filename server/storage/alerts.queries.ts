import { sql, type Kysely, type Selectable } from 'kysely';
import type { AlertKind } from '../../protocol/index.ts';
import type { AlertCountRow, AlertRecord, AlertStore } from '../alerts/alerts.port.ts';
import type { Database } from './db.types.ts';

type AlertRow = Selectable<Database['alerts']>;

const alertFromRow = (r: AlertRow): AlertRecord => ({
  id: r.id,
  centreId: r.centre_id,
  kind: r.kind as AlertKind,
  subject: r.subject,
  serviceId: r.service_id,
  counterId: r.counter_id,
  threshold: Number(r.threshold),
  value: Number(r.value),
  peakValue: Number(r.peak_value),
  count: r.over_count === null ? null : Number(r.over_count),
  raisedAtMs: Number(r.raised_at),
  clearedAtMs: r.cleared_at === null ? null : Number(r.cleared_at),
});

const maxOf = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** The AlertStore as portable Kysely queries over one executor (root database or a write transaction). */
export function alertQueries(db: Kysely<Database>): AlertStore {
  return {
    async openAlerts(centreId) {
      // The partial index alerts_open_ux holds exactly these rows; the few are sorted here, not by a temporary B-tree.
      const rows = await db.selectFrom('alerts').selectAll().where('centre_id', '=', centreId).where('cleared_at', 'is', null).execute();
      return rows.map(alertFromRow).sort((a, b) => a.raisedAtMs - b.raisedAtMs || a.id.localeCompare(b.id));
    },

    async raiseAlert(a) {
      // ON CONFLICT DO NOTHING with no target: the partial unique index alerts_open_ux (open alerts only) decides.
      const inserted = await db
        .insertInto('alerts')
        .values({
          id: a.id,
          centre_id: a.centreId,
          kind: a.kind,
          subject: a.subject,
          service_id: a.serviceId,
          counter_id: a.counterId,
          threshold: a.threshold,
          value: a.value,
          peak_value: a.value,
          over_count: a.count,
          raised_at: a.raisedAtMs,
          cleared_at: null,
        })
        .onConflict((oc) => oc.doNothing())
        .returning('id')
        .executeTakeFirst();
      return inserted !== undefined;
    },

    async updateAlert(id, f) {
      const r = await db
        .updateTable('alerts')
        .set({
          threshold: f.threshold,
          value: f.value,
          over_count: f.count,
          peak_value: sql<number>`case when peak_value > ${f.value} then peak_value else ${f.value} end`,
        })
        .where('id', '=', id)
        .where('cleared_at', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },

    async clearAlert(id, atMs) {
      const r = await db.updateTable('alerts').set({ cleared_at: atMs }).where('id', '=', id).where('cleared_at', 'is', null).executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },

    async waitingForAlerts(centreId) {
      // tickets_waiting_ix (centre, state, queue, …): the waiting tickets only, whatever their day.
      const rows = await db
        .selectFrom('tickets')
        .select(['queue_service_id', 'issued_at', 'target_counter_id'])
        .where('centre_id', '=', centreId)
        .where('state', '=', 'waiting')
        .execute();
      return rows.map((r) => ({ serviceId: r.queue_service_id, issuedAtMs: Number(r.issued_at), targetCounterId: r.target_counter_id }));
    },

    async lastCounterActivity(centreId, counterId) {
      // Both are a max() over an index that ends in `at` (ticket_events_counter_at_ix, counter_events_ix): one seek each.
      const t = await db
        .selectFrom('ticket_events')
        .select((eb) => eb.fn.max('at').as('at'))
        .where('centre_id', '=', centreId)
        .where('counter_id', '=', counterId)
        .executeTakeFirst();
      const c = await db
        .selectFrom('counter_events')
        .select((eb) => eb.fn.max('at').as('at'))
        .where('centre_id', '=', centreId)
        .where('counter_id', '=', counterId)
        .executeTakeFirst();
      const times = [maxOf(t?.at), maxOf(c?.at)].filter((v): v is number => v !== null);
      return times.length ? Math.max(...times) : null;
    },

    async countAlerts(centreId, fromMs, toMs, untilMs) {
      const rows = await db
        .selectFrom('alerts')
        .select(['kind', 'subject', 'service_id', 'counter_id', 'raised_at', 'cleared_at', 'peak_value'])
        .where('centre_id', '=', centreId)
        .where('raised_at', '>=', fromMs)
        .where('raised_at', '<', toMs)
        .execute();
      const byKey = new Map<string, AlertCountRow>();
      for (const r of rows) {
        const key = `${r.kind}:${r.subject}`;
        const row = byKey.get(key) ?? {
          kind: r.kind as AlertKind,
          subject: r.subject,
          serviceId: r.service_id,
          counterId: r.counter_id,
          count: 0,
          raisedMs: 0,
          peakValue: 0,
        };
        row.count += 1;
        row.raisedMs += Math.max(0, (r.cleared_at === null ? untilMs : Number(r.cleared_at)) - Number(r.raised_at));
        row.peakValue = Math.max(row.peakValue, Number(r.peak_value));
        byKey.set(key, row);
      }
      return [...byKey.values()];
    },
  };
}
