import type { AppointmentState, CheckInKind } from '../../protocol/index.ts';

/**
 * Appointments: the store's part for issue #14 (migration 0013 documents every column). Like
 * ratings.port.ts, the Store and every write transaction carry it, so a booking's capacity check
 * and its insert, or a check-in and its ticket, are one transaction under the centre's lock.
 */
export interface AppointmentRecord {
  id: string;
  centreId: string;
  code: string;
  serviceId: string;
  day: string;
  time: string;
  slotAtMs: number;
  state: AppointmentState;
  name: string | null;
  phone: string | null;
  checkInKind: CheckInKind | null;
  checkedInAtMs: number | null;
  ticketId: string | null;
  createdAtMs: number;
  cancelledAtMs: number | null;
}

export interface AppointmentStore {
  insertAppointment(appointment: AppointmentRecord): Promise<void>;
  findAppointmentByCode(centreId: string, code: string): Promise<AppointmentRecord | null>;
  /** Live (booked or checked-in) appointments of a service's day, per slot time. */
  bookedPerSlot(centreId: string, serviceId: string, day: string): Promise<Record<string, number>>;
  /** Writes state, check-in and cancel fields only if the stored state is still `expectedState`. */
  updateAppointment(appointment: AppointmentRecord, expectedState: AppointmentState): Promise<boolean>;
  /** Every appointment of the days `from` … `to` (reports). */
  listAppointments(centreId: string, from: string, to: string): Promise<AppointmentRecord[]>;
}
