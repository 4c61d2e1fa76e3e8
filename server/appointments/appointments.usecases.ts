import {
  AppError,
  type Appointment,
  type AppointmentReport,
  type BookAppointmentBody,
  type BookingInfo,
  type CheckInResult,
  type SlotList,
} from '../../protocol/index.ts';
import type { CentreConfig } from '../kernel/centre-config.ts';
import { businessDay } from '../queue/business-day.ts';
import { issueTicketInTx } from '../tickets/tickets.usecases.ts';
import type { AppointmentDeps } from './appointments.deps.ts';
import type { AppointmentRecord, AppointmentStore } from './appointments.port.ts';
import { checkInKindOf, decideCheckIn, isNoShow } from './check-in.models.ts';
import { appointmentReport } from './report.models.ts';
import { bookableDays, bookCheck, capacityOf, localToInstant, slotsFor, type SlotContext } from './slots.models.ts';

/** Codes tried before giving up (a clash among 10⁸ codes is rare; two in a row rarer still). */
const CODE_ATTEMPTS = 5;

function requireConfig(config: CentreConfig | null, centreId: string): CentreConfig {
  if (!config) throw new AppError('centre.not_found', `No centre "${centreId}".`);
  return config;
}

/** A service citizens may book: active, and not set to capacity 0. */
function bookableService(config: CentreConfig, serviceId: string) {
  const service = config.services.find((s) => s.id === serviceId);
  if (!service) throw new AppError('service.not_found', `No service "${serviceId}".`);
  if (!service.active || capacityOf(config.settings.appointments, service.id) === 0) {
    throw new AppError('appointment.not_bookable', `Service "${serviceId}" takes no appointments.`);
  }
  return service;
}

function requireEnabled(config: CentreConfig): void {
  if (!config.settings.appointments.enabled) throw new AppError('appointment.not_bookable', 'This centre does not take appointments.');
}

export function appointmentView(a: AppointmentRecord, config: CentreConfig, nowMs: number): Appointment {
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return {
    code: a.code,
    centreId: a.centreId,
    serviceId: a.serviceId,
    day: a.day,
    time: a.time,
    slotAt: new Date(a.slotAtMs).toISOString(),
    state: a.state,
    noShow: isNoShow(a, nowMs, config.settings.appointments),
    checkInKind: a.checkInKind,
    checkedInAt: iso(a.checkedInAtMs),
    ticketId: a.ticketId,
    createdAt: new Date(a.createdAtMs).toISOString(),
  };
}

function slotContext(config: CentreConfig, serviceId: string, day: string, now: Date): SlotContext {
  const timeZone = config.centre.timeZone;
  return { settings: config.settings.appointments, serviceId, day, today: businessDay(now, timeZone), nowMs: now.getTime(), timeZone };
}

/** What the booking page shows first: the services one may book and the open days. */
export async function getBookingInfo(deps: AppointmentDeps, centreId: string): Promise<BookingInfo> {
  const config = requireConfig(await deps.store.cachedConfig(centreId), centreId);
  const settings = config.settings.appointments;
  const enabled = settings.enabled;
  const now = deps.clock.now();
  const today = businessDay(now, config.centre.timeZone);
  // Open days with a slot still ahead (today after closing time is not offered).
  const days = enabled ? bookableDays(settings, today, { nowMs: now.getTime(), timeZone: config.centre.timeZone }) : [];
  const services = enabled ? config.services.filter((s) => s.active && capacityOf(settings, s.id) > 0).sort((a, b) => a.sortOrder - b.sortOrder) : [];
  return {
    centreId: config.centre.id,
    centreName: config.centre.name,
    timeZone: config.centre.timeZone,
    enabled,
    services: services.map((s) => ({ id: s.id, name: s.name })),
    days,
    arriveEarlyMinutes: settings.arriveEarlyMinutes,
    arriveLateMinutes: settings.arriveLateMinutes,
  };
}

/** A service's slots of a day with what is left of each. */
export async function listSlots(deps: AppointmentDeps, centreId: string, serviceId: string, day: string): Promise<SlotList> {
  const config = requireConfig(await deps.store.cachedConfig(centreId), centreId);
  requireEnabled(config);
  bookableService(config, serviceId);
  const booked = await deps.store.bookedPerSlot(centreId, serviceId, day);
  return { serviceId, day, slots: slotsFor(slotContext(config, serviceId, day, deps.clock.now()), booked) };
}

/**
 * Books one place in a slot. The count of the slot's live appointments and the insert are one
 * transaction under the centre's lock, so two citizens after the last place cannot both get it:
 * the second sees the slot full (409 appointment.slot_full).
 */
export async function bookAppointment(deps: AppointmentDeps, centreId: string, body: BookAppointmentBody): Promise<Appointment> {
  const cached = requireConfig(await deps.store.cachedConfig(centreId), centreId);
  requireEnabled(cached);
  bookableService(cached, body.serviceId);
  return deps.store.runInTx({ centreId }, async (tx) => {
    const config = requireConfig(await tx.centreConfig(centreId), centreId);
    requireEnabled(config);
    bookableService(config, body.serviceId);
    const now = deps.clock.now();
    const booked = await tx.bookedPerSlot(centreId, body.serviceId, body.day);
    const refused = bookCheck(slotContext(config, body.serviceId, body.day, now), body.time, booked[body.time] ?? 0);
    if (refused === 'appointment.slot_full') throw new AppError(refused, `No place left at ${body.time} on ${body.day}.`);
    if (refused) throw new AppError(refused, `${body.day} ${body.time} is not a bookable slot.`);
    let code = deps.newCode();
    for (let i = 1; (await tx.findAppointmentByCode(centreId, code)) !== null; i++) {
      if (i >= CODE_ATTEMPTS) throw new Error('no free appointment code');
      code = deps.newCode();
    }
    const record: AppointmentRecord = {
      id: deps.ids.newId(),
      centreId,
      code,
      serviceId: body.serviceId,
      day: body.day,
      time: body.time,
      slotAtMs: localToInstant(body.day, body.time, config.centre.timeZone).getTime(),
      state: 'booked',
      name: body.name || null,
      phone: body.phone || null,
      checkInKind: null,
      checkedInAtMs: null,
      ticketId: null,
      createdAtMs: now.getTime(),
      cancelledAtMs: null,
    };
    await tx.insertAppointment(record);
    return appointmentView(record, config, now.getTime());
  });
}

async function requireAppointment(reads: Pick<AppointmentStore, 'findAppointmentByCode'>, centreId: string, code: string) {
  const found = await reads.findAppointmentByCode(centreId, code);
  if (!found) throw new AppError('appointment.not_found', 'No appointment with this code.');
  return found;
}

/** An appointment by its code (the cancel page shows it before the citizen confirms). */
export async function getAppointment(deps: AppointmentDeps, centreId: string, code: string): Promise<Appointment> {
  const config = requireConfig(await deps.store.cachedConfig(centreId), centreId);
  return appointmentView(await requireAppointment(deps.store, centreId, code), config, deps.clock.now().getTime());
}

/** Cancels a booked appointment: its place is free again at once. Cancelling twice answers the cancelled appointment. */
export async function cancelAppointment(deps: AppointmentDeps, centreId: string, code: string): Promise<Appointment> {
  return deps.store.runInTx({ centreId }, async (tx) => {
    const config = requireConfig(await tx.centreConfig(centreId), centreId);
    const now = deps.clock.now();
    const found = await requireAppointment(tx, centreId, code);
    if (found.state === 'cancelled') return appointmentView(found, config, now.getTime());
    if (found.state === 'checked_in') throw new AppError('appointment.already_checked_in', 'This appointment was already used at the kiosk.');
    const cancelled: AppointmentRecord = { ...found, state: 'cancelled', cancelledAtMs: now.getTime() };
    if (!(await tx.updateAppointment(cancelled, 'booked'))) throw new AppError('appointment.already_checked_in', 'The appointment changed meanwhile.');
    return appointmentView(cancelled, config, now.getTime());
  });
}

/**
 * Check-in at the kiosk: by the arrival window and the centre's choices (check-in.models.ts), a
 * ticket in the appointment's place, an ordinary walk-in ticket, or no ticket with the reason.
 * The ticket and the appointment's check-in are one transaction.
 */
export async function checkIn(deps: AppointmentDeps, centreId: string, code: string, kioskId: string | null): Promise<CheckInResult> {
  return deps.store.runInTx({ centreId }, async (tx) => {
    const config = requireConfig(await tx.centreConfig(centreId), centreId);
    const found = await requireAppointment(tx, centreId, code);
    if (found.state === 'cancelled') throw new AppError('appointment.cancelled', 'This appointment was cancelled.');
    if (found.state === 'checked_in') throw new AppError('appointment.already_checked_in', 'This appointment was already used at the kiosk.');
    const now = deps.clock.now();
    const settings = config.settings.appointments;
    const decision = decideCheckIn({
      slotAtMs: found.slotAtMs,
      nowMs: now.getTime(),
      sameDay: found.day === businessDay(now, config.centre.timeZone),
      settings,
    });
    const view = (a: AppointmentRecord) => appointmentView(a, config, now.getTime());
    if (decision.outcome === 'too_early') return { outcome: 'too_early', appointment: view(found), comeBackAt: new Date(decision.comeBackAtMs).toISOString() };
    if (decision.outcome === 'too_late') return { outcome: 'too_late', appointment: view(found) };
    const keepsPlace = decision.outcome === 'checked_in';
    const issued = await issueTicketInTx(deps, tx, {
      centreId,
      serviceId: found.serviceId,
      kioskId,
      appointment: { id: found.id, ...(keepsPlace ? { at: new Date(found.slotAtMs).toISOString() } : {}) },
    });
    const checkedIn: AppointmentRecord = {
      ...found,
      state: 'checked_in',
      checkInKind: checkInKindOf(decision),
      checkedInAtMs: now.getTime(),
      ticketId: issued.ticket.id,
    };
    if (!(await tx.updateAppointment(checkedIn, 'booked'))) throw new AppError('appointment.already_checked_in', 'The appointment changed meanwhile.');
    return decision.outcome === 'checked_in'
      ? { outcome: 'checked_in', appointment: view(checkedIn), issued }
      : { outcome: 'walk_in', reason: decision.reason, appointment: view(checkedIn), issued };
  });
}

/** Booked, arrived, late and no-shows per day (and service) of a period. */
export async function getAppointmentReport(
  deps: AppointmentDeps,
  centreId: string,
  query: { from: string; to: string; groupBy: 'day' | 'service' },
): Promise<{ report: AppointmentReport; config: CentreConfig }> {
  const config = requireConfig(await deps.store.cachedConfig(centreId), centreId);
  if (query.from > query.to) throw new AppError('request.invalid_payload', '"from" must not be after "to".');
  const rows = await deps.store.listAppointments(centreId, query.from, query.to);
  return { report: appointmentReport(rows, query, deps.clock.now().getTime(), config.settings.appointments), config };
}
