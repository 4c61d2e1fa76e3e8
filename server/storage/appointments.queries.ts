import type { Kysely, Selectable } from 'kysely';
import type { AppointmentState, CheckInKind } from '../../protocol/index.ts';
import type { AppointmentRecord, AppointmentStore } from '../appointments/appointments.port.ts';
import type { AppointmentsTable, Database } from './db.types.ts';

const fromRow = (r: Selectable<AppointmentsTable>): AppointmentRecord => ({
  id: r.id,
  centreId: r.centre_id,
  code: r.code,
  serviceId: r.service_id,
  day: r.day,
  time: r.time,
  slotAtMs: Number(r.slot_at),
  state: r.state as AppointmentState,
  name: r.name,
  phone: r.phone,
  checkInKind: r.check_in_kind as CheckInKind | null,
  checkedInAtMs: r.checked_in_at === null ? null : Number(r.checked_in_at),
  ticketId: r.ticket_id,
  createdAtMs: Number(r.created_at),
  cancelledAtMs: r.cancelled_at === null ? null : Number(r.cancelled_at),
});

/** Appointments (issue #14): rows of 0013_appointments, translated; no rules here. */
export function appointmentsQueries(db: Kysely<Database>): AppointmentStore {
  return {
    async insertAppointment(a) {
      await db
        .insertInto('appointments')
        .values({
          id: a.id,
          centre_id: a.centreId,
          code: a.code,
          service_id: a.serviceId,
          day: a.day,
          time: a.time,
          slot_at: a.slotAtMs,
          state: a.state,
          name: a.name,
          phone: a.phone,
          check_in_kind: a.checkInKind,
          checked_in_at: a.checkedInAtMs,
          ticket_id: a.ticketId,
          created_at: a.createdAtMs,
          cancelled_at: a.cancelledAtMs,
        })
        .execute();
    },
    async findAppointmentByCode(centreId, code) {
      const r = await db.selectFrom('appointments').selectAll().where('centre_id', '=', centreId).where('code', '=', code).executeTakeFirst();
      return r ? fromRow(r) : null;
    },
    async bookedPerSlot(centreId, serviceId, day) {
      const rows = await db
        .selectFrom('appointments')
        .select(['time', (eb) => eb.fn.countAll<number>().as('n')])
        .where('centre_id', '=', centreId)
        .where('service_id', '=', serviceId)
        .where('day', '=', day)
        .where('state', 'in', ['booked', 'checked_in'])
        .groupBy('time')
        .execute();
      return Object.fromEntries(rows.map((r) => [r.time, Number(r.n)]));
    },
    async updateAppointment(a, expectedState) {
      const r = await db
        .updateTable('appointments')
        .set({ state: a.state, check_in_kind: a.checkInKind, checked_in_at: a.checkedInAtMs, ticket_id: a.ticketId, cancelled_at: a.cancelledAtMs })
        .where('id', '=', a.id)
        .where('centre_id', '=', a.centreId)
        .where('state', '=', expectedState)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async listAppointments(centreId, from, to) {
      const rows = await db
        .selectFrom('appointments')
        .selectAll()
        .where('centre_id', '=', centreId)
        .where('day', '>=', from)
        .where('day', '<=', to)
        .orderBy('slot_at')
        .execute();
      return rows.map(fromRow);
    },
  };
}
