import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../../../protocol/index.ts';
import { isAppointment, pickNext, queueHeads, type CentrePolicy, type CounterPolicy, type PastCall } from '../../../../server/queue/calling-policy.ts';
import { makeTicket } from '../../../fixtures/tickets.ts';

/**
 * Rule 2b (issue #14) over random mornings at one counter: walk-ins and appointment tickets
 * (checked in within a window around their slot) arrive at random minutes, the counter calls one
 * ticket every few minutes. Judged on every call:
 * - no starvation: once the counter's last K calls were appointments, a walk-in who has waited X
 *   is served next (an overdue ticket — the maximum wait — may come first);
 * - a due appointment is never passed over for a walk-in unless walk-ins are owed their turn;
 * - the queue heads pick what every ticket picks.
 */
const MINUTE = 60_000;
const T0 = Date.parse('2026-03-16T01:00:00.000Z'); // 08:00 in Hồ Chí Minh City

const arrivalArb = fc.oneof(
  fc.record({ minute: fc.integer({ min: 0, max: 180 }), slot: fc.constant(null), serviceId: fc.constantFrom<'A' | 'B'>('A', 'B') }),
  fc
    .record({
      slot: fc.integer({ min: 0, max: 12 }).map((k) => k * 15),
      early: fc.integer({ min: -10, max: 15 }),
      serviceId: fc.constantFrom<'A' | 'B'>('A', 'B'),
    })
    .map(({ slot, early, serviceId }) => ({ minute: Math.max(0, slot - early), slot, serviceId })),
);

const scenarioArb = fc.record({
  arrivals: fc.array(arrivalArb, { minLength: 1, maxLength: 60 }),
  callEvery: fc.integer({ min: 1, max: 8 }),
  maxInARow: fc.integer({ min: 1, max: 4 }),
  walkInWaitMin: fc.integer({ min: 0, max: 30 }),
  maxWaitMin: fc.integer({ min: 30, max: 120 }),
});

const counter: CounterPolicy = { counterId: 'quay-1', serviceIds: ['A', 'B'], weights: {}, callOrder: 'fifo' };

interface Call {
  nowMs: number;
  tickets: Ticket[];
  history: PastCall[];
  picked: Ticket;
  policy: CentrePolicy;
}

type Scenario = typeof scenarioArb extends fc.Arbitrary<infer S> ? S : never;

function run(s: Scenario): Call[] {
  const policy: CentrePolicy = {
    priority: { mode: 'strict' },
    maxWaitMs: s.maxWaitMin * MINUTE,
    appointments: { maxInARow: s.maxInARow, walkInWaitMs: s.walkInWaitMin * MINUTE },
  };
  const all: Ticket[] = s.arrivals
    .map((a, i) =>
      makeTicket({
        id: `t${i}`,
        seq: i + 1,
        number: `${a.slot === null ? 'W' : 'H'}${i}`,
        serviceId: a.serviceId,
        issuedAt: new Date(T0 + a.minute * MINUTE + i).toISOString(),
        ...(a.slot === null ? {} : { appointmentId: `a${i}`, appointmentAt: new Date(T0 + a.slot * MINUTE).toISOString() }),
      }),
    )
    .sort((a, b) => a.issuedAt.localeCompare(b.issuedAt));
  const calls: Call[] = [];
  const history: PastCall[] = [];
  const called = new Set<string>();
  for (let m = 0; m <= 600 && called.size < all.length; m += s.callEvery) {
    const nowMs = T0 + m * MINUTE;
    const tickets = all.filter((t) => !called.has(t.id) && Date.parse(t.issuedAt) <= nowMs);
    const picked = pickNext(tickets, counter, policy, history, nowMs);
    if (!picked) continue;
    calls.push({ nowMs, tickets, history: [...history], picked, policy });
    called.add(picked.id);
    history.unshift({ serviceId: picked.serviceId, priority: false, appointment: isAppointment(picked) });
  }
  return calls;
}

const place = (t: Ticket) => Date.parse(t.appointmentAt ?? t.issuedAt);

describe('appointments in the calling order, over random mornings', () => {
  it('no starvation: after K appointment calls in a row, a walk-in who waited X is served next (or an overdue ticket)', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        for (const call of run(s)) {
          const { maxInARow, walkInWaitMs } = call.policy.appointments!;
          const streak = call.history.findIndex((h) => !h.appointment);
          const inARow = streak === -1 ? call.history.length : streak;
          const owed = call.tickets.some((t) => !isAppointment(t) && call.nowMs - Date.parse(t.issuedAt) >= walkInWaitMs);
          const overdue = call.nowMs - place(call.picked) >= call.policy.maxWaitMs;
          if (inARow >= maxInARow && owed && isAppointment(call.picked) && !overdue) {
            throw new Error(`${call.picked.number} called after ${inARow} appointments while a walk-in waited ${walkInWaitMs / MINUTE} min`);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('a due appointment is called ahead of walk-ins unless they are owed their turn or one is overdue', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        for (const call of run(s)) {
          const due = call.tickets.some((t) => isAppointment(t) && place(t) <= call.nowMs);
          if (!due || isAppointment(call.picked)) continue;
          const { maxInARow, walkInWaitMs } = call.policy.appointments!;
          const streak = call.history.findIndex((h) => !h.appointment);
          const inARow = streak === -1 ? call.history.length : streak;
          const owed = inARow >= maxInARow && call.tickets.some((t) => !isAppointment(t) && call.nowMs - Date.parse(t.issuedAt) >= walkInWaitMs);
          const overdue = call.nowMs - place(call.picked) >= call.policy.maxWaitMs;
          if (!owed && !overdue) throw new Error(`walk-in ${call.picked.number} called while an appointment was due`);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('the queue heads pick what every ticket picks', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        for (const call of run(s)) {
          const fromHeads = pickNext(queueHeads(call.tickets, counter), counter, call.policy, call.history, call.nowMs);
          expect(fromHeads?.id).toBe(call.picked.id);
        }
      }),
      { numRuns: 300 },
    );
  });
});
