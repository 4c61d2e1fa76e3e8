import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../../protocol/index.ts';
import { appointmentDue, pickNext, queueHeads, walkInsOwed, type PastCall } from '../../../server/queue/calling-policy.ts';
import { at, centre, counter, MINUTE, T0, waiting } from './calling-policy.helpers.ts';

/** Rule 2b (issue #14): a ticket checked in within its appointment's window keeps the slot's start as its place. */
const appt = (id: string, serviceId: string, checkedInAt: number, slotAt: number, extra: Partial<Ticket> = {}) =>
  waiting(id, serviceId, checkedInAt, { appointmentId: `a-${id}`, appointmentAt: at(slotAt), ...extra });
const c = counter(['A', 'B']);
const policy = centre({ appointments: { maxInARow: 2, walkInWaitMs: 15 * MINUTE } });
const now = (m: number) => T0 + m * MINUTE;
const called = (appointment: boolean, serviceId = 'A'): PastCall => ({ serviceId, priority: false, appointment });

describe('calling order with appointments', () => {
  it('an arrived appointment whose time has come goes before walk-ins who came earlier', () => {
    const queue = [waiting('w1', 'A', 0), waiting('w2', 'A', 5), appt('a1', 'A', 20, 30)];
    expect(pickNext(queue, c, policy, [], now(30))!.id).toBe('a1');
    expect(pickNext(queue, c, policy, [], now(31))!.id).toBe('a1');
  });

  it('an appointment whose time has not come waits: walk-ins go first', () => {
    const queue = [waiting('w1', 'A', 0), appt('a1', 'A', 20, 30)];
    expect(pickNext(queue, c, policy, [], now(29))!.id).toBe('w1');
    expect(appointmentDue(queue, now(29))).toBe(false);
    expect(appointmentDue(queue, now(30))).toBe(true);
  });

  it('…but is called rather than leave the counter idle', () => {
    expect(pickNext([appt('a1', 'A', 20, 30)], c, policy, [], now(25))!.id).toBe('a1');
  });

  it('due appointments go by slot time, not by check-in time, and before priority tickets', () => {
    const queue = [appt('late-slot', 'A', 10, 40), appt('early-slot', 'B', 35, 30), waiting('p', 'A', 0, { priorityGroupId: 'nguoi-cao-tuoi' })];
    expect(pickNext(queue, c, policy, [], now(41))!.id).toBe('early-slot');
  });

  it('no starvation: after K appointment calls in a row, a walk-in who waited X goes next', () => {
    const queue = [waiting('w1', 'A', 10), appt('a3', 'A', 25, 30)];
    // Walk-in w1 has waited 30 min (≥ 15) and the counter's last two calls were appointments.
    expect(pickNext(queue, c, policy, [called(true), called(true)], now(40))!.id).toBe('w1');
    // One appointment call only: the appointment still goes first.
    expect(pickNext(queue, c, policy, [called(true), called(false), called(true)], now(40))!.id).toBe('a3');
    // Two in a row, but the walk-in has waited less than X: the appointment goes.
    const fresh = [waiting('w2', 'A', 30), appt('a3', 'A', 25, 30)];
    expect(pickNext(fresh, c, policy, [called(true), called(true)], now(40))!.id).toBe('a3');
    expect(walkInsOwed([waiting('w', 'A', 0)], { maxInARow: 1, walkInWaitMs: 0 }, [called(true)], now(0))).toBe(true);
  });

  it('the maximum wait still goes first: an appointment ticket waiting past it is overdue from its slot time', () => {
    const strictWait = centre({ maxWaitMs: 60 * MINUTE });
    const queue = [waiting('w-old', 'A', -70), appt('a1', 'A', 20, 30)];
    expect(pickNext(queue, c, strictWait, [], now(31))!.id).toBe('w-old');
  });

  it('queue heads keep every appointment ticket, and the walk-in head behind one', () => {
    const queue = [appt('a1', 'A', 0, 30), waiting('w1', 'A', 1), waiting('w2', 'A', 2), appt('a2', 'A', 3, 45)];
    const heads = queueHeads(queue, c).map((t) => t.id);
    expect(heads).toEqual(['a1', 'w1', 'a2']);
    for (const m of [10, 30, 50]) expect(pickNext(queueHeads(queue, c), c, policy, [], now(m))?.id).toBe(pickNext(queue, c, policy, [], now(m))?.id);
  });
});
