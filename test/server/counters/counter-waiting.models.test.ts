import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../../protocol/index.ts';
import { callOrder, minutesSince, waitingItem, waitingTotal } from '../../../server/counters/counter-waiting.models.ts';
import { isAppointment, isEligible, type CentrePolicy, type CounterPolicy } from '../../../server/queue/calling-policy.ts';
import { at, callInARow, centre, counter, MINUTE, T0, waiting } from '../queue/calling-policy.helpers.ts';

/** A small deterministic random source (mulberry32), so a failure replays. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** What the store hands the list: per queue and class its first `depth`, plus every ticket sent to a counter or keeping an appointment. */
function storeRead(all: readonly Ticket[], c: CounterPolicy, depth: number): Ticket[] {
  const kept = new Map<string, number>();
  return [...all]
    .sort((a, b) => a.issuedAt.localeCompare(b.issuedAt) || a.seq - b.seq)
    .filter((t) => {
      if (!isEligible(t, c)) return false;
      if (t.targetCounterId !== null || isAppointment(t)) return true;
      const key = `${t.serviceId}:${t.priorityGroupId === null ? 'n' : 'p'}`;
      const n = kept.get(key) ?? 0;
      kept.set(key, n + 1);
      return n < depth;
    });
}

describe('callOrder', () => {
  it('is the sequence of calls the policy makes in a row (strict, interleaved, weighted, ordered)', () => {
    const queue = [
      waiting('a1', 'A', 0),
      waiting('b1', 'B', 1),
      waiting('a2', 'A', 2, { priorityGroupId: 'g' }),
      waiting('b2', 'B', 3),
      waiting('a3', 'A', 4),
      waiting('b3', 'B', 5, { priorityGroupId: 'g' }),
    ];
    const policies: [CounterPolicy, CentrePolicy][] = [
      [counter(['A', 'B']), centre()],
      [counter(['A', 'B']), centre({ priority: { mode: 'interleaved', normalPerPriority: 2 } })],
      [counter(['A', 'B'], { callOrder: 'weighted', weights: { A: 2 } }), centre()],
      [counter(['B', 'A'], { callOrder: 'ordered' }), centre({ priority: { mode: 'interleaved', normalPerPriority: 1 } })],
    ];
    for (const [c, p] of policies) {
      const now = T0 + 60 * MINUTE;
      expect(callOrder(queue, c, p, [], now, 10).map((t) => t.id)).toEqual(callInARow(queue, c, p, 10, now, []));
    }
  });

  it('from the store’s read (each queue `limit` deep) lists exactly what it lists from every waiting ticket', () => {
    const rand = random(15);
    for (let round = 0; round < 200; round++) {
      const services = ['A', 'B', 'C'];
      const all: Ticket[] = [];
      const n = 5 + Math.floor(rand() * 60);
      for (let i = 0; i < n; i++) {
        const serviceId = services[Math.floor(rand() * 3)]!;
        const r = rand();
        all.push(
          waiting(`t${round}-${i}`, serviceId, i, {
            priorityGroupId: r < 0.25 ? 'g' : null,
            targetCounterId: r > 0.95 ? 'quay-1' : r > 0.9 ? 'quay-2' : null,
            ...(r > 0.85 && r <= 0.9 ? { appointmentAt: at(Math.floor(rand() * 90)) } : {}),
          }),
        );
      }
      const c = counter(['A', 'B'], { callOrder: (['fifo', 'ordered', 'weighted'] as const)[round % 3], weights: { A: 1 + (round % 3) } });
      const p = centre({
        maxWaitMs: (20 + (round % 50)) * MINUTE,
        priority: round % 2 ? { mode: 'strict' } : { mode: 'interleaved', normalPerPriority: 1 + (round % 4) },
      });
      const now = T0 + 70 * MINUTE;
      const limit = 1 + Math.floor(rand() * 12);
      const full = callOrder(
        all.filter((t) => isEligible(t, c)),
        c,
        p,
        [],
        now,
        limit,
      ).map((t) => t.id);
      expect(
        callOrder(storeRead(all, c, limit), c, p, [], now, limit).map((t) => t.id),
        `round ${round}`,
      ).toEqual(full);
    }
  });
});

describe('waitingTotal', () => {
  it('its queues’ counts, less tickets sent to another counter, plus tickets sent here from elsewhere', () => {
    const c = counter(['A', 'B']);
    const sent = [
      waiting('x', 'A', 1, { targetCounterId: 'quay-2' }),
      waiting('y', 'C', 2, { targetCounterId: 'quay-1' }),
      waiting('z', 'B', 3, { targetCounterId: 'quay-1' }),
    ];
    expect(waitingTotal(c, { A: 4, B: 2, C: 7 }, sent)).toBe(4 + 2 - 1 + 1);
    expect(waitingTotal(c, {}, [])).toBe(0);
  });
});

describe('waitingItem', () => {
  const ctx = {
    nowMs: T0 + 70 * MINUTE,
    counterId: 'quay-1',
    maxWaitMs: 60 * MINUTE,
    serviceName: (id: string) => ({ vi: `Lĩnh vực ${id}`, en: `Service ${id}` }),
    groupName: () => ({ vi: 'Người cao tuổi', en: 'Elderly person' }),
  };

  it('says how long it waited, its priority group, and whether it is overdue', () => {
    const item = waitingItem({ ticket: waiting('p', 'A', 5, { priorityGroupId: 'g' }), issuedServiceId: 'A' }, undefined, ctx);
    expect(item).toMatchObject({ number: 'p', serviceName: { vi: 'Lĩnh vực A' }, waitedMinutes: 65 });
    expect(item.marks).toEqual({
      priority: { groupId: 'g', name: { vi: 'Người cao tuổi', en: 'Elderly person' } },
      appointmentAt: null,
      transferred: null,
      returned: false,
      overdue: true,
    });
  });

  it('a transfer (from its audit row, or from the issuing service), a force-close, an appointment', () => {
    const moved = waitingItem({ ticket: waiting('m', 'B', 60), issuedServiceId: 'A' }, undefined, ctx);
    expect(moved.marks).toMatchObject({ transferred: { fromServiceId: 'A', fromCounterId: null, toThisCounter: false }, overdue: false });
    const sent = waitingItem(
      { ticket: waiting('s', 'A', 60, { targetCounterId: 'quay-1' }), issuedServiceId: 'A' },
      { kind: 'transfer', counterId: 'quay-4', fromServiceId: 'A' },
      ctx,
    );
    expect(sent.marks.transferred).toEqual({ fromServiceId: 'A', fromCounterId: 'quay-4', toThisCounter: true });
    const back = waitingItem({ ticket: waiting('r', 'A', 60), issuedServiceId: 'A' }, { kind: 'requeue', counterId: 'quay-4', fromServiceId: null }, ctx);
    expect(back.marks).toMatchObject({ transferred: null, returned: true });
    const booked = waitingItem({ ticket: waiting('b', 'A', 65, { appointmentAt: at(50) }), issuedServiceId: 'A' }, undefined, ctx);
    expect(booked.marks).toMatchObject({ appointmentAt: at(50), overdue: false });
  });

  it('whole minutes, never negative', () => {
    expect(minutesSince(at(0), T0 + 90_000)).toBe(1);
    expect(minutesSince(at(5), T0)).toBe(0);
  });
});
