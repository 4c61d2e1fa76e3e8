import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Appointment, CentreSettings, CheckInResult, TicketStatus } from '../../../protocol/index.ts';
import { fakeClock } from '../../fakes/clock.fake.ts';
import { startTestServer, type TestServer } from '../../helpers/server.ts';

/**
 * Appointments over the real server (issue #14): the public booking API, capacity under
 * concurrent requests, cancel, the kiosk's check-in, the calling order at a real counter, the
 * anonymous rate limit and the managers' report.
 */
const clock = fakeClock('2026-03-16T06:00:00+07:00'); // Monday, 06:00 in Hồ Chí Minh City
const DAY = '2026-03-16';
const SERVICE = 'tu-phap-ho-tich';
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ clock });
  const settings = (await (await server.api('/centres/demo/settings')).json()) as CentreSettings;
  const res = await server.api('/centres/demo/settings', {
    method: 'PUT',
    json: { ...settings, appointments: { ...settings.appointments, enabled: true, capacityPerSlot: 2, capacityByService: { 'xay-dung': 1 } } },
  });
  expect(res.status).toBe(200);
});
afterAll(() => server?.stop());

/** As the province portal would: with its integration token (not rate-limited). */
async function book(time: string, serviceId = SERVICE): Promise<{ status: number; body: any }> {
  const res = await server.api('/centres/demo/appointments', { json: { serviceId, day: DAY, time }, as: 'integration' });
  return { status: res.status, body: await res.json() };
}
async function checkIn(code: string): Promise<{ status: number; body: CheckInResult & { error?: { code: string } } }> {
  const res = await server.api('/centres/demo/appointment-check-ins', { json: { code }, as: 'kiosk' });
  return { status: res.status, body: await res.json() };
}

describe('booking over HTTP', () => {
  it('shows the booking page what it needs, publicly', async () => {
    const res = await server.api('/centres/demo/booking', { as: 'anonymous' });
    expect(res.status).toBe(200);
    const info = await res.json();
    expect(info.enabled).toBe(true);
    expect(info.services.map((s: { id: string }) => s.id)).toContain(SERVICE);
    expect(info.days[0]).toBe(DAY);
    expect(info.days).not.toContain('2026-03-22'); // Sunday
  });

  it('books to capacity, then 409 appointment.slot_full; cancel (DELETE or POST) frees the place', async () => {
    const a = await book('07:30');
    expect(a.status).toBe(200);
    expect(a.body.code).toMatch(/^\d{8}$/);
    expect((await book('07:30')).status).toBe(200);
    const full = await book('07:30');
    expect(full.status).toBe(409);
    expect(full.body.error.code).toBe('appointment.slot_full');

    const slots = await (await server.api(`/centres/demo/appointment-slots?serviceId=${SERVICE}&day=${DAY}`, { as: 'anonymous' })).json();
    expect(slots.slots[0]).toMatchObject({ time: '07:30', capacity: 2, free: 0 });

    const del = await server.api(`/centres/demo/appointments/${a.body.code}`, { method: 'DELETE', as: 'anonymous' });
    expect(del.status).toBe(200);
    expect((await del.json()).state).toBe('cancelled');
    expect((await book('07:30')).status).toBe(200);
    // POST …/cancel does the same; a second cancel answers the cancelled appointment again.
    const b = await book('07:45');
    const post = () => server.api(`/centres/demo/appointments/${b.body.code}/cancel`, { json: {}, as: 'anonymous' });
    expect((await (await post()).json()).state).toBe('cancelled');
    expect((await post()).status).toBe(200);
  });

  it('concurrent bookings for the last place: exactly one wins', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => book('09:00', 'xay-dung')));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409 && r.body.error.code === 'appointment.slot_full')).toHaveLength(7);
  });

  it('refuses bad input with 400 and changes nothing', async () => {
    const res = await server.api('/centres/demo/appointments', { json: { serviceId: SERVICE, day: DAY, time: '7h30' }, as: 'integration' });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('request.invalid_payload');
    expect((await server.api('/centres/demo/appointments/12ab', { as: 'anonymous' })).status).toBe(400);
    expect((await server.api('/centres/demo/appointments/00000000', { as: 'anonymous' })).status).toBe(404);
  });
});

describe('check-in at the kiosk and the calling order', () => {
  it('too early: come back at HH:MM; inside the window: a ticket with the appointment; called ahead of walk-ins at its time', async () => {
    const a = (await book('10:00')).body as Appointment;
    clock.set('2026-03-16T09:30:00+07:00');
    const early = await checkIn(a.code);
    expect(early.status).toBe(200);
    expect(early.body).toMatchObject({ outcome: 'too_early', comeBackAt: '2026-03-16T02:45:00.000Z' });

    // Walk-ins take tickets before the citizen with the appointment arrives.
    const walkIns: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await server.api('/centres/demo/tickets', { json: { serviceId: SERVICE }, as: 'kiosk' });
      walkIns.push(((await res.json()) as TicketStatus).ticket.id);
    }
    clock.set('2026-03-16T09:50:00+07:00');
    const inWindow = await checkIn(a.code);
    expect(inWindow.body.outcome).toBe('checked_in');
    if (inWindow.body.outcome !== 'checked_in') return;
    const ticket = inWindow.body.issued.ticket;
    expect(ticket.appointmentAt).toBe('2026-03-16T03:00:00.000Z');
    expect((await checkIn(a.code)).body.error?.code).toBe('appointment.already_checked_in');

    // Counter 1 (Tư pháp – Hộ tịch only): before 10:00 the walk-ins go; at 10:00 the appointment is next.
    const who = await server.openCounter('quay-1');
    const callNext = async () => {
      const res = await server.api('/centres/demo/counters/quay-1/call-next', { json: {}, as: who });
      expect(res.status).toBe(200);
      const called = ((await res.json()) as TicketStatus).ticket;
      await server.api('/centres/demo/counters/quay-1/finish', { json: {}, as: who });
      return called.id;
    };
    clock.set('2026-03-16T09:55:00+07:00');
    expect(await callNext()).toBe(walkIns[0]);
    clock.set('2026-03-16T10:00:00+07:00');
    expect(await callNext()).toBe(ticket.id);
    expect(await callNext()).toBe(walkIns[1]);
  });

  it('too late: an ordinary walk-in ticket by default', async () => {
    const a = (await book('10:15')).body as Appointment;
    clock.set('2026-03-16T10:26:00+07:00');
    const late = await checkIn(a.code);
    expect(late.body).toMatchObject({ outcome: 'walk_in', reason: 'too_late', appointment: { checkInKind: 'late_walk_in' } });
    if (late.body.outcome === 'walk_in') expect(late.body.issued.ticket.appointmentAt).toBeUndefined();
  });

  it('only a kiosk or staff may check in', async () => {
    const res = await server.api('/centres/demo/appointment-check-ins', { json: { code: '12345678' }, as: 'anonymous' });
    expect(res.status).toBe(401);
  });
});

describe('report and rate limit', () => {
  it('managers see booked, arrived, late and no-shows; CSV export', async () => {
    clock.set('2026-03-16T18:00:00+07:00');
    const res = await server.api(`/centres/demo/reports/appointments?from=${DAY}&to=${DAY}&groupBy=service`, { as: 'manager' });
    expect(res.status).toBe(200);
    const report = await res.json();
    const row = report.rows.find((r: { serviceId: string }) => r.serviceId === SERVICE);
    // 07:30 ×2 (one cancelled, rebooked), 07:45 cancelled, 10:00 arrived, 10:15 late: the 07:30 ones never came;
    // with the Xây dựng one at 09:00 the day has 5 booked and 3 no-shows.
    expect(row).toMatchObject({ booked: 4, cancelled: 2, arrived: 1, late: 1, noShows: 2 });
    const csv = await server.api(`/centres/demo/reports/appointments?from=${DAY}&to=${DAY}&format=csv`, { as: 'manager' });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const text = await csv.text();
    expect(text).toContain('Đã đặt');
    expect(text.split('\r\n')[1]).toMatch(/^2026-03-16,5,2,1,1,3$/);
    expect((await server.api(`/centres/demo/reports/appointments?from=${DAY}&to=${DAY}`, { as: 'kiosk' })).status).toBe(403);
  });

  it('anonymous callers are rate-limited per address (429 with Retry-After)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 14; i++) statuses.push((await server.api('/centres/demo/appointments/00000001', { as: 'anonymous' })).status);
    expect(statuses).toContain(429);
    const res = await server.api('/centres/demo/appointments/00000001', { as: 'anonymous' });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await res.json()).error.code).toBe('appointment.rate_limited');
    // Credentials (the portal's integration token) are not limited.
    expect((await server.api('/centres/demo/appointments/00000001', { as: 'integration' })).status).toBe(404);
  });
});
