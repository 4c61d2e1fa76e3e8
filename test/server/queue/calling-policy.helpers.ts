import type { Ticket } from '../../../protocol/index.ts';
import { pickNext, type CentrePolicy, type CounterPolicy, type PastCall } from '../../../server/queue/calling-policy.ts';
import { makeTicket } from '../../fixtures/tickets.ts';

export const MINUTE = 60_000;
/** 09:00 local in Ho Chi Minh City; `at(m)` is m minutes later. */
export const T0 = Date.parse('2026-03-16T02:00:00.000Z');
export const at = (m: number) => new Date(T0 + m * MINUTE).toISOString();

export const counter = (serviceIds: string[], extra: Partial<CounterPolicy> = {}): CounterPolicy => ({
  counterId: 'quay-1',
  serviceIds,
  weights: {},
  callOrder: 'fifo',
  ...extra,
});

/** Strict priority and a maximum wait far away, unless a test says otherwise. */
export const centre = (extra: Partial<CentrePolicy> = {}): CentrePolicy => ({
  priority: { mode: 'strict' },
  maxWaitMs: 600 * MINUTE,
  ...extra,
});

let nextSeq = 1000;
/** A waiting ticket of `serviceId` issued at minute `m`. */
export function waiting(id: string, serviceId: string, m: number, extra: Partial<Ticket> = {}): Ticket {
  return makeTicket({ id, serviceId, seq: nextSeq++, number: id, issuedAt: at(m), ...extra });
}

/**
 * Calls `n` tickets in a row at one counter (each called ticket leaves the queue and joins the
 * counter's history, as the store reports it) and returns their ids in call order.
 */
export function callInARow(
  queue: readonly Ticket[],
  c: CounterPolicy,
  policy: CentrePolicy,
  n: number,
  nowMs = T0 + 60 * MINUTE,
  history: PastCall[] = [],
): string[] {
  let left = [...queue];
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const next = pickNext(left, c, policy, history, nowMs);
    if (!next) break;
    out.push(next.id);
    history.unshift({ serviceId: next.serviceId, priority: next.priorityGroupId !== null });
    left = left.filter((t) => t.id !== next.id);
  }
  return out;
}
