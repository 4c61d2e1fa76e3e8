import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError, CentreSettingsSchema, type AppointmentSettings, type CentreSettings } from '../../../protocol/index.ts';
import type { AppointmentDeps } from '../../../server/appointments/appointments.deps.ts';
import { bookAppointment, checkIn } from '../../../server/appointments/appointments.usecases.ts';
import { putCounter } from '../../../server/centres/admin.usecases.ts';
import { callNext, finishTicket, transferTicket } from '../../../server/counters/calls.usecases.ts';
import { counterWaiting } from '../../../server/counters/counter-waiting.usecases.ts';
import { forceCloseCounter } from '../../../server/counters/counters.usecases.ts';
import type { StaffActor } from '../../../server/kernel/ports.ts';
import { issueTicket } from '../../../server/tickets/tickets.usecases.ts';
import { ADMIN, HCM, hnCentre, hcmCentre, HUNG, LAN } from '../../fixtures/centres.ts';
import { makeDeps, type TestDeps } from '../../helpers/deps.ts';
import { at, open } from './counter-workflow.harness.ts';

/**
 * The console's waiting list (issue #15) against call-next itself, on the store (SQLite here,
 * PostgreSQL in the pg project): its first item is what call-next then calls, and — with nothing
 * else happening — the whole list is the order of the calls that follow.
 */
let deps: TestDeps;
beforeEach(async () => {
  deps = await makeDeps({ centres: [hcmCentre, hnCentre] });
});
afterEach(() => deps.store.close());

const list = (counterId: string, limit = 100) => counterWaiting(deps, { centreId: HCM, counterId, limit });
const numbers = async (counterId: string, limit = 100) => (await list(counterId, limit)).items.map((i) => i.number);

async function settings(change: Partial<CentreSettings>): Promise<void> {
  const current = await deps.store.getSettings(HCM);
  await deps.store.runInTx({ centreId: HCM }, (tx) => tx.saveSettings(HCM, CentreSettingsSchema.parse({ ...current, ...change })));
}

/** Issues tickets 30 s apart: `p` for priority (người cao tuổi), in the order given. */
async function issue(...specs: [serviceId: string, kind?: 'p'][]): Promise<string[]> {
  const out: string[] = [];
  for (const [serviceId, kind] of specs) {
    const issued = await issueTicket(deps, { centreId: HCM, serviceId, ...(kind === 'p' ? { priorityGroupId: 'nguoi-cao-tuoi' } : {}) });
    out.push(issued.ticket.number);
    deps.clock.advance(30_000);
  }
  return out;
}

/**
 * Calls and finishes at the counter until its queue is empty, checking before each call that the
 * list's first item is the ticket call-next then calls. Returns the numbers called, in order.
 */
async function drain(counterId: string, actor: StaffActor): Promise<string[]> {
  const called: string[] = [];
  for (;;) {
    const before = await list(counterId);
    if (before.items.length === 0) {
      expect(before.total).toBe(0);
      return called;
    }
    const next = await callNext(deps, at(counterId, actor));
    expect(next.ticket.id, `call ${called.length + 1}`).toBe(before.items[0]!.ticketId);
    called.push(next.ticket.number);
    await finishTicket(deps, at(counterId, actor));
    deps.clock.advance(10_000);
  }
}

describe('the first item is what call-next calls; the list is the order of the calls that follow', () => {
  it('strict priority: priority tickets first, then first come first served', async () => {
    const [a1, a2, p3, a4, p5] = await issue(['ho-tich'], ['ho-tich'], ['ho-tich', 'p'], ['ho-tich'], ['ho-tich', 'p']);
    await open(deps, ['quay-1', LAN]);
    const waiting = await list('quay-1');
    expect(waiting.total).toBe(5);
    expect(waiting.items.map((i) => i.number)).toEqual([p3, p5, a1, a2, a4]);
    expect(waiting.items[0]!.marks.priority).toEqual({ groupId: 'nguoi-cao-tuoi', name: { vi: 'Người cao tuổi', en: 'Elderly person' } });
    expect(waiting.items[2]!.marks.priority).toBeNull();
    expect(await drain('quay-1', LAN)).toEqual([p3, p5, a1, a2, a4]);
  });

  it('interleaved (one priority after every 2 normal calls), across two services at counter 2', async () => {
    await settings({ priorityPolicy: { mode: 'interleaved', normalPerPriority: 2 } });
    await issue(['dat-dai', 'p'], ['ho-tich'], ['dat-dai'], ['ho-tich', 'p'], ['dat-dai'], ['ho-tich'], ['dat-dai', 'p'], ['ho-tich']);
    await open(deps, ['quay-2', HUNG]);
    const expected = await numbers('quay-2');
    expect(expected).toHaveLength(8);
    // The interleaving shows in the list already: two ordinary, one priority …
    const kinds = (await list('quay-2')).items.map((i) => (i.marks.priority ? 'p' : 'n')).join('');
    expect(kinds).toBe('nnpnnpnp');
    expect(await drain('quay-2', HUNG)).toEqual(expected);
  });

  it('weighted order (2 : 1) with a priority ticket, and a limit', async () => {
    await putCounter(deps, HCM, 'quay-2', { number: 2, serviceIds: ['dat-dai', 'ho-tich'], callOrder: 'weighted', weights: { 'dat-dai': 2 }, active: true });
    await issue(['ho-tich'], ['ho-tich'], ['ho-tich'], ['dat-dai'], ['dat-dai'], ['dat-dai'], ['dat-dai'], ['ho-tich', 'p']);
    await open(deps, ['quay-2', HUNG]);
    const expected = await numbers('quay-2');
    const firstThree = await list('quay-2', 3);
    expect(firstThree.items.map((i) => i.number)).toEqual(expected.slice(0, 3));
    expect(firstThree.total).toBe(8);
    expect(await drain('quay-2', HUNG)).toEqual(expected);
  });

  it('an overdue ordinary ticket goes before a priority one (rule 2), and says so', async () => {
    const [old] = await issue(['ho-tich']);
    deps.clock.advance(61 * 60_000);
    const [priority] = await issue(['ho-tich', 'p']);
    await open(deps, ['quay-1', LAN]);
    const waiting = await list('quay-1');
    expect(waiting.items.map((i) => [i.number, i.marks.overdue])).toEqual([
      [old, true],
      [priority, false],
    ]);
    // Issued, then 30 s, then 61 min, then 30 s after the priority ticket.
    expect(waiting.items[0]!.waitedMinutes).toBe(62);
    expect(await drain('quay-1', LAN)).toEqual([old, priority]);
  });

  it('transfers: a ticket sent to this counter is listed here (and not at the others), with where it came from', async () => {
    const [a1, a2] = await issue(['ho-tich'], ['ho-tich']);
    await issue(['dat-dai']);
    await open(deps, ['quay-2', HUNG], ['quay-1', LAN]);
    // Counter 2 calls the oldest across its services (fifo): A001.
    const called = await callNext(deps, at('quay-2', HUNG));
    expect(called.ticket.number).toBe(a1);
    await transferTicket(deps, at('quay-2', HUNG, { toCounterId: 'quay-4' }));
    const four = await list('quay-4');
    expect(four.items.map((i) => i.number)).toEqual([a1, a2]);
    expect(four.items[0]!.marks.transferred).toEqual({ fromServiceId: 'ho-tich', fromCounterId: 'quay-2', toThisCounter: true });
    expect(four.total).toBe(2);
    // Counter 1 serves ho-tich too, but A001 was sent to counter 4.
    const one = await list('quay-1');
    expect(one.items.map((i) => i.number)).toEqual([a2]);
    expect(one.total).toBe(1);
    expect(await drain('quay-1', LAN)).toEqual([a2]);
  });

  it('a transfer to another service keeps the place and shows the service it came from; a force-close shows as returned', async () => {
    const [a1] = await issue(['ho-tich']);
    const [d1] = await issue(['dat-dai']);
    await open(deps, ['quay-1', LAN], ['quay-2', HUNG]);
    await callNext(deps, at('quay-1', LAN));
    await transferTicket(deps, at('quay-1', LAN, { toServiceId: 'dat-dai' }));
    const two = await list('quay-2');
    expect(two.items.map((i) => i.number)).toEqual([a1, d1]);
    expect(two.items[0]!.serviceId).toBe('dat-dai');
    expect(two.items[0]!.marks.transferred).toEqual({ fromServiceId: 'ho-tich', fromCounterId: 'quay-1', toThisCounter: false });
    expect(two.items[0]!.marks.returned).toBe(false);
    const called = await callNext(deps, at('quay-2', HUNG));
    expect(called.ticket.number).toBe(a1);
    await forceCloseCounter(deps, at('quay-2', ADMIN));
    const again = await list('quay-2');
    expect(again.items[0]).toMatchObject({ number: a1, marks: { returned: true } });
  });
});

describe('appointments (rule 2b)', () => {
  it('a due appointment is first, ahead of earlier walk-ins and of priority tickets, with its time', async () => {
    const adeps = {
      ...deps,
      newCode: (() => {
        let n = 0;
        return () => String(20_000_000 + ++n);
      })(),
    } as TestDeps & AppointmentDeps;
    const current = await deps.store.getSettings(HCM);
    const appointments: AppointmentSettings = { ...current.appointments, enabled: true };
    await settings({ appointments });
    deps.clock.set('2026-03-16T06:00:00+07:00');
    const booked = await bookAppointment(adeps, HCM, { serviceId: 'ho-tich', day: '2026-03-16', time: '07:30' });
    deps.clock.set('2026-03-16T07:10:00+07:00');
    const [walkIn, priority] = await issue(['ho-tich'], ['ho-tich', 'p']);
    deps.clock.set('2026-03-16T07:20:00+07:00');
    const checked = await checkIn(adeps, HCM, booked.code, null);
    if (checked.outcome !== 'checked_in') throw new Error(checked.outcome);
    await open(deps, ['quay-1', LAN]);
    // Before its time the appointment waits (called only when nobody else would be).
    expect(await numbers('quay-1')).toEqual([priority, walkIn, checked.issued.ticket.number]);
    deps.clock.set('2026-03-16T07:30:00+07:00');
    const waiting = await list('quay-1');
    expect(waiting.items.map((i) => i.number)).toEqual([checked.issued.ticket.number, priority, walkIn]);
    expect(waiting.items[0]!.marks.appointmentAt).toBe('2026-03-16T00:30:00.000Z');
    expect(await drain('quay-1', LAN)).toEqual([checked.issued.ticket.number, priority, walkIn]);
  });
});

describe('what the list reads', () => {
  it('counts every waiting ticket the counter may call, beyond the limit', async () => {
    await issue(...Array.from({ length: 12 }, (_, i): [string, 'p'?] => (i % 4 === 0 ? ['ho-tich', 'p'] : ['ho-tich'])));
    const waiting = await list('quay-1', 5);
    expect(waiting.items).toHaveLength(5);
    expect(waiting.total).toBe(12);
    expect(waiting.items.slice(0, 3).every((i) => i.marks.priority !== null)).toBe(true);
    // Counter 3 serves "tiny" only.
    expect(await list('quay-3')).toMatchObject({ total: 0, items: [] });
  });

  it('another centre’s counter is not found; an inactive counter is refused', async () => {
    const err = (p: Promise<unknown>) =>
      p.then(
        () => null,
        (e: unknown) => (e instanceof AppError ? e.code : String(e)),
      );
    expect(await err(counterWaiting(deps, { centreId: HCM, counterId: 'nope', limit: 5 }))).toBe('counter.not_found');
    expect(await err(counterWaiting(deps, { centreId: 'nowhere', counterId: 'quay-1', limit: 5 }))).toBe('centre.not_found');
    expect(await err(counterWaiting(deps, { centreId: HCM, counterId: 'quay-9', limit: 5 }))).toBe('counter.inactive');
  });

  it('masks a result-return ticket’s dossier code', async () => {
    // Straight into the store: a waiting result-return ticket with a dossier code.
    const [number] = await issue(['ho-tich']);
    const ticket = (await deps.store.findTicketByNumber(HCM, '2026-03-16', number!))!;
    await deps.store.runInTx({ centreId: HCM }, (tx) => tx.updateTicket({ ...ticket, dossierCode: 'H12.34-240101-0123' }, 'waiting'));
    const waiting = await list('quay-1');
    expect(waiting.items[0]!.marks.dossierCode).toBe('H12.34-****-0123');
  });
});
