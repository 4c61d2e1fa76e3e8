import { sql, type Kysely } from 'kysely';
import type { Counter, TicketState } from '../../protocol/index.ts';
import type { Database } from './db.types.ts';
import type { StoreTx } from './store.port.ts';
import {
  centreFromRow,
  centreToRow,
  counterFromRow,
  eventFromRow,
  eventToRow,
  serviceFromRow,
  serviceToRow,
  staffFromRow,
  ticketFromRow,
  ticketToRow,
} from './rows.ts';

/**
 * Every read and write of the store as portable Kysely queries over one executor: the root
 * database for reads, or the single connection that holds a write transaction.
 */
export function kyselyQueries(db: Kysely<Database>): StoreTx {
  const counterServiceIds = async (centreId: string): Promise<Map<string, string[]>> => {
    const rows = await db
      .selectFrom('counter_services')
      .select(['counter_id', 'service_id'])
      .where('centre_id', '=', centreId)
      .orderBy('counter_id')
      .orderBy('position')
      .execute();
    const byCounter = new Map<string, string[]>();
    for (const r of rows) byCounter.set(r.counter_id, [...(byCounter.get(r.counter_id) ?? []), r.service_id]);
    return byCounter;
  };

  return {
    async listCentres() {
      return (await db.selectFrom('centres').selectAll().orderBy('id').execute()).map(centreFromRow);
    },
    async getCentre(centreId) {
      const r = await db.selectFrom('centres').selectAll().where('id', '=', centreId).executeTakeFirst();
      return r ? centreFromRow(r) : null;
    },
    async listServices(centreId) {
      const rows = await db
        .selectFrom('services')
        .selectAll()
        .where('centre_id', '=', centreId)
        .orderBy('sort_order')
        .orderBy('id')
        .execute();
      return rows.map(serviceFromRow);
    },
    async getService(centreId, serviceId) {
      const r = await db
        .selectFrom('services')
        .selectAll()
        .where('centre_id', '=', centreId)
        .where('id', '=', serviceId)
        .executeTakeFirst();
      return r ? serviceFromRow(r) : null;
    },
    async listCounters(centreId) {
      const rows = await db
        .selectFrom('counters')
        .selectAll()
        .where('centre_id', '=', centreId)
        .orderBy('number')
        .execute();
      const services = await counterServiceIds(centreId);
      return rows.map((r) => counterFromRow(r, services.get(r.id) ?? []));
    },
    async getCounter(centreId, counterId) {
      const r = await db
        .selectFrom('counters')
        .selectAll()
        .where('centre_id', '=', centreId)
        .where('id', '=', counterId)
        .executeTakeFirst();
      if (!r) return null;
      const services = await db
        .selectFrom('counter_services')
        .select('service_id')
        .where('centre_id', '=', centreId)
        .where('counter_id', '=', counterId)
        .orderBy('position')
        .execute();
      return counterFromRow(r, services.map((s) => s.service_id));
    },
    async listStaff(centreId) {
      const rows = await db.selectFrom('staff').selectAll().where('centre_id', '=', centreId).orderBy('id').execute();
      return rows.map(staffFromRow);
    },
    async getTicket(ticketId) {
      const r = await db.selectFrom('tickets').selectAll().where('id', '=', ticketId).executeTakeFirst();
      return r ? ticketFromRow(r) : null;
    },
    async listTickets(centreId, businessDay, states) {
      if (states.length === 0) return [];
      const rows = await db
        .selectFrom('tickets')
        .selectAll()
        .where('centre_id', '=', centreId)
        .where('business_day', '=', businessDay)
        .where('state', 'in', states as TicketState[])
        .orderBy('issued_at')
        .orderBy('seq')
        .execute();
      return rows.map(ticketFromRow);
    },
    async currentTicketAt(centreId, counterId) {
      const r = await db
        .selectFrom('tickets')
        .selectAll()
        .where('centre_id', '=', centreId)
        .where('counter_id', '=', counterId)
        .where('state', 'in', ['called', 'serving'])
        .orderBy('called_at', 'desc')
        .executeTakeFirst();
      return r ? ticketFromRow(r) : null;
    },
    async recentlyCalled(centreId, businessDay, limit) {
      const rows = await db
        .selectFrom('tickets')
        .selectAll()
        .where('centre_id', '=', centreId)
        .where('business_day', '=', businessDay)
        .where('called_at', 'is not', null)
        .orderBy('called_at', 'desc')
        .limit(limit)
        .execute();
      return rows.map(ticketFromRow);
    },
    async waitingCounts(centreId, businessDay) {
      const rows = await db
        .selectFrom('tickets')
        .select(['service_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('centre_id', '=', centreId)
        .where('business_day', '=', businessDay)
        .where('state', '=', 'waiting')
        .groupBy('service_id')
        .execute();
      return Object.fromEntries(rows.map((r) => [r.service_id, Number(r.n)]));
    },
    async currentSeq(centreId) {
      const r = await db.selectFrom('centres').select('event_seq').where('id', '=', centreId).executeTakeFirst();
      return Number(r?.event_seq ?? 0);
    },
    async listTicketEvents(ticketId) {
      const rows = await db
        .selectFrom('ticket_events')
        .selectAll()
        .where('ticket_id', '=', ticketId)
        .orderBy('seq')
        .execute();
      return rows.map(eventFromRow);
    },

    async takeNumber(centreId, serviceId, businessDay) {
      const r = await db
        .insertInto('number_sequences')
        .values({ centre_id: centreId, service_id: serviceId, business_day: businessDay, last_seq: 1 })
        .onConflict((oc) =>
          oc
            .columns(['centre_id', 'service_id', 'business_day'])
            .doUpdateSet({ last_seq: sql`number_sequences.last_seq + 1` }),
        )
        .returning('last_seq')
        .executeTakeFirstOrThrow();
      return Number(r.last_seq);
    },
    async bumpSeq(centreId) {
      const r = await db
        .updateTable('centres')
        .set({ event_seq: sql`event_seq + 1` })
        .where('id', '=', centreId)
        .returning('event_seq')
        .executeTakeFirstOrThrow();
      return Number(r.event_seq);
    },
    async insertTicket(ticket) {
      await db.insertInto('tickets').values(ticketToRow(ticket)).execute();
    },
    async updateTicket(ticket, expectedState) {
      const { id, centre_id, ...rest } = ticketToRow(ticket);
      const r = await db
        .updateTable('tickets')
        .set(rest)
        .where('id', '=', id)
        .where('centre_id', '=', centre_id)
        .where('state', '=', expectedState)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async appendEvent(event) {
      await db.insertInto('ticket_events').values(eventToRow(event)).execute();
    },
    async upsertCentre(centre) {
      const row = centreToRow(centre);
      await db
        .insertInto('centres')
        .values({ ...row, event_seq: 0 })
        .onConflict((oc) => oc.column('id').doUpdateSet({ name_vi: row.name_vi, name_en: row.name_en, time_zone: row.time_zone }))
        .execute();
    },
    async upsertService(service) {
      const { centre_id, id, ...rest } = serviceToRow(service);
      await db
        .insertInto('services')
        .values({ centre_id, id, ...rest })
        .onConflict((oc) => oc.columns(['centre_id', 'id']).doUpdateSet(rest))
        .execute();
    },
    async upsertCounter(counter: Counter) {
      await db
        .insertInto('counters')
        .values({ centre_id: counter.centreId, id: counter.id, number: counter.number, active: counter.active ? 1 : 0 })
        .onConflict((oc) =>
          oc.columns(['centre_id', 'id']).doUpdateSet({ number: counter.number, active: counter.active ? 1 : 0 }),
        )
        .execute();
      await db
        .deleteFrom('counter_services')
        .where('centre_id', '=', counter.centreId)
        .where('counter_id', '=', counter.id)
        .execute();
      if (counter.serviceIds.length > 0) {
        await db
          .insertInto('counter_services')
          .values(
            counter.serviceIds.map((serviceId, position) => ({
              centre_id: counter.centreId,
              counter_id: counter.id,
              service_id: serviceId,
              position,
            })),
          )
          .execute();
      }
    },
    async upsertStaff(staff) {
      await db
        .insertInto('staff')
        .values({ centre_id: staff.centreId, id: staff.id, name: staff.name })
        .onConflict((oc) => oc.columns(['centre_id', 'id']).doUpdateSet({ name: staff.name }))
        .execute();
    },
  };
}
