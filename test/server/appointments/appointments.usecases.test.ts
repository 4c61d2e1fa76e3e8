import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError, CentreSettingsSchema, type AppointmentSettings } from '../../../protocol/index.ts';
import type { AppointmentDeps } from '../../../server/appointments/appointments.deps.ts';
import {
  bookAppointment,
  cancelAppointment,
  checkIn,
  getAppointmentReport,
  getBookingInfo,
  listSlots,
} from '../../../server/appointments/appointments.usecases.ts';
import { callNext, finishTicket } from '../../../server/counters/calls.usecases.ts';
import { issueTicket } from '../../../server/tickets/tickets.usecases.ts';
import { HCM, LAN } from '../../fixtures/centres.ts';
import { makeDeps, type TestDeps } from '../../helpers/deps.ts';
import { at, open } from '../counters/counter-workflow.harness.ts';

/** Booking, capacity under concurrency, cancel, check-in and the report, on the store (SQLite here; PostgreSQL in the pg project). */
let deps: TestDeps & AppointmentDeps;
let codes = 0;
// 06:00 on Monday 16 March 2026 in Hồ Chí Minh City.
const EARLY = '2026-03-16T06:00:00+07:00';
const DAY = '2026-03-16';

async function configure(extra: Partial<AppointmentSettings> = {}) {
  const settings = await deps.store.getSettings(HCM);
  const next = CentreSettingsSchema.parse({ ...settings, appointments: { ...settings.appointments, enabled: true, ...extra } });
  await deps.store.runInTx({ centreId: HCM }, (tx) => tx.saveSettings(HCM, next));
}

beforeEach(async () => {
  const base = await makeDeps({ at: EARLY });
  deps = { ...base, newCode: () => String(10_000_000 + ++codes) };
  await configure();
});
afterEach(() => deps.store.close());

const book = (time = '07:30', serviceId = 'ho-tich') => bookAppointment(deps, HCM, { serviceId, day: DAY, time });
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof AppError ? e.code : String(e)),
  );

describe('booking', () => {
  it('refuses while the centre does not take appointments', async () => {
    await configure({ enabled: false });
    expect(await refusal(book())).toBe('appointment.not_bookable');
    expect((await getBookingInfo(deps, HCM)).enabled).toBe(false);
  });

  it('books up to the slot capacity, then 409 slot_full; a cancel frees the place', async () => {
    const first = await book();
    expect(first).toMatchObject({
      centreId: HCM,
      serviceId: 'ho-tich',
      day: DAY,
      time: '07:30',
      slotAt: '2026-03-16T00:30:00.000Z',
      state: 'booked',
      noShow: false,
    });
    expect(first.code).toMatch(/^\d{8}$/);
    await book();
    expect(await refusal(book())).toBe('appointment.slot_full');
    expect((await listSlots(deps, HCM, 'ho-tich', DAY)).slots[0]).toMatchObject({ time: '07:30', free: 0 });
    expect((await cancelAppointment(deps, HCM, first.code)).state).toBe('cancelled');
    expect((await listSlots(deps, HCM, 'ho-tich', DAY)).slots[0]).toMatchObject({ time: '07:30', free: 1 });
    expect((await book()).state).toBe('booked');
  });

  it('two bookings for the last place: exactly one wins', async () => {
    await configure({ capacityPerSlot: 1 });
    const results = await Promise.all(Array.from({ length: 6 }, () => refusal(book('08:00'))));
    expect(results.filter((r) => r === 'ok')).toHaveLength(1);
    expect(results.filter((r) => r === 'appointment.slot_full')).toHaveLength(5);
    expect(await deps.store.bookedPerSlot(HCM, 'ho-tich', DAY)).toEqual({ '08:00': 1 });
  });

  it('refuses a time that is not a slot, a past slot and a closed day', async () => {
    expect(await refusal(book('07:31'))).toBe('appointment.not_bookable');
    deps.clock.set('2026-03-16T08:00:00+07:00');
    expect(await refusal(book('07:30'))).toBe('appointment.not_bookable');
    expect(await refusal(bookAppointment(deps, HCM, { serviceId: 'ho-tich', day: '2026-03-22', time: '07:30' }))).toBe('appointment.not_bookable');
  });
});

describe('check-in', () => {
  it('inside the window: a ticket in the appointment place; then the code is spent', async () => {
    const a = await book();
    deps.clock.set('2026-03-16T07:20:00+07:00');
    const result = await checkIn(deps, HCM, a.code, 'kiosk-1');
    if (result.outcome !== 'checked_in') throw new Error(result.outcome);
    expect(result.issued.ticket).toMatchObject({ serviceId: 'ho-tich', state: 'waiting', appointmentAt: '2026-03-16T00:30:00.000Z' });
    expect(result.appointment).toMatchObject({ state: 'checked_in', checkInKind: 'on_time', ticketId: result.issued.ticket.id });
    expect((await deps.store.getTicket(result.issued.ticket.id))!.appointmentId).toBeDefined();
    expect(await refusal(checkIn(deps, HCM, a.code, 'kiosk-1'))).toBe('appointment.already_checked_in');
    expect(await refusal(cancelAppointment(deps, HCM, a.code))).toBe('appointment.already_checked_in');
  });

  it('too early: come back at the window opening, no ticket', async () => {
    const a = await book();
    deps.clock.set('2026-03-16T07:00:00+07:00');
    expect(await checkIn(deps, HCM, a.code, null)).toMatchObject({ outcome: 'too_early', comeBackAt: '2026-03-16T00:15:00.000Z' });
    expect(await deps.store.listWaiting(HCM)).toEqual([]);
  });

  it('too late: a walk-in ticket without the appointment place, or refused', async () => {
    const a = await book();
    const b = await book();
    deps.clock.set('2026-03-16T07:41:00+07:00');
    const late = await checkIn(deps, HCM, a.code, null);
    if (late.outcome !== 'walk_in') throw new Error(late.outcome);
    expect(late.issued.ticket.appointmentAt).toBeUndefined();
    expect(late.appointment.checkInKind).toBe('late_walk_in');
    await configure({ tooLate: 'refuse' });
    expect(await checkIn(deps, HCM, b.code, null)).toMatchObject({ outcome: 'too_late' });
  });

  it('a cancelled or unknown code gets no ticket', async () => {
    const a = await book();
    await cancelAppointment(deps, HCM, a.code);
    expect(await refusal(checkIn(deps, HCM, a.code, null))).toBe('appointment.cancelled');
    expect(await refusal(checkIn(deps, HCM, '99999999', null))).toBe('appointment.not_found');
  });
});

describe('calling at a counter (the store reads the appointment tickets with the queue heads)', () => {
  it('calls an arrived appointment at its time ahead of earlier walk-ins, and walk-ins after K appointments in a row', async () => {
    await configure({ capacityPerSlot: 3, maxInARow: 2, walkInWaitMinutes: 10 });
    const booked = [await book('07:30'), await book('07:30'), await book('07:30')];
    deps.clock.set('2026-03-16T07:16:00+07:00');
    const walkIn = await issueTicket(deps, { centreId: HCM, serviceId: 'ho-tich' });
    const tickets: string[] = [];
    for (const a of booked) {
      const r = await checkIn(deps, HCM, a.code, null);
      if (r.outcome !== 'checked_in') throw new Error(r.outcome);
      tickets.push(r.issued.ticket.id);
    }
    await open(deps, ['quay-1', LAN]);
    const call = async () => {
      const called = await callNext(deps, at('quay-1'));
      await finishTicket(deps, at('quay-1'));
      return called.ticket.id;
    };
    // Before 07:30 the walk-in goes (the appointments' time has not come) …
    deps.clock.set('2026-03-16T07:20:00+07:00');
    expect(await call()).toBe(walkIn.ticket.id);
    const late = await issueTicket(deps, { centreId: HCM, serviceId: 'ho-tich' });
    // … from 07:30 two appointments, then the walk-in who has waited 10 minutes, then the last appointment.
    deps.clock.set('2026-03-16T07:30:00+07:00');
    expect(await call()).toBe(tickets[0]);
    expect(await call()).toBe(tickets[1]);
    expect(await call()).toBe(late.ticket.id);
    expect(await call()).toBe(tickets[2]);
  });
});

describe('report', () => {
  it('counts booked, cancelled, arrived, late and no-shows per day and service', async () => {
    const arrive = await book('07:30');
    const cancel = await book('07:30');
    await book('07:45'); // never comes
    const lateOne = await book('08:00', 'dat-dai');
    await cancelAppointment(deps, HCM, cancel.code);
    deps.clock.set('2026-03-16T07:25:00+07:00');
    await checkIn(deps, HCM, arrive.code, null);
    deps.clock.set('2026-03-16T08:30:00+07:00');
    await checkIn(deps, HCM, lateOne.code, null);
    const byService = await getAppointmentReport(deps, HCM, { from: DAY, to: DAY, groupBy: 'service' });
    expect(byService.report.rows).toEqual([
      { day: DAY, serviceId: 'dat-dai', booked: 1, cancelled: 0, arrived: 0, late: 1, noShows: 0 },
      { day: DAY, serviceId: 'ho-tich', booked: 2, cancelled: 1, arrived: 1, late: 0, noShows: 1 },
    ]);
    expect(byService.report.totals).toMatchObject({ booked: 3, cancelled: 1, arrived: 1, late: 1, noShows: 1 });
  });
});
