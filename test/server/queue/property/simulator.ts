import type { Ticket } from '../../../../protocol/index.ts';
import { isEligible, pickNext, type CentrePolicy, type CounterPolicy, type PastCall } from '../../../../server/queue/calling-policy.ts';
import { applyAction, recallOrNoShow, type TicketAction } from '../../../../server/queue/ticket.models.ts';

/**
 * A small in-memory centre driven by the PURE core only: the calling policy picks, the ticket
 * model moves tickets, and this file does what the use cases do around them (one ticket per
 * counter, the counter's history of first calls, the clock). It records every callNext with the
 * queue as it stood, so properties can judge each decision with their own, independent rules.
 */
export interface SimCentre {
  services: string[];
  counters: CounterPolicy[];
  policy: CentrePolicy;
  maxRecalls: number;
}

export type Action =
  | { kind: 'issue'; service: number; priority: boolean }
  | { kind: 'callNext'; counter: number }
  | { kind: 'callNumber'; counter: number; pick: number }
  | { kind: 'recall'; counter: number }
  | { kind: 'finish'; counter: number }
  | { kind: 'noShow'; counter: number }
  | { kind: 'park'; counter: number }
  | { kind: 'resume'; counter: number; pick: number }
  | { kind: 'transfer'; counter: number; toService: number | null; toCounter: number | null }
  | { kind: 'requeue'; counter: number }
  | { kind: 'advance'; minutes: number };

/** The core under test; a property may be run against a deliberately broken one. */
export interface Engine {
  pick: typeof pickNext;
  apply: typeof applyAction;
}
export const realEngine: Engine = { pick: pickNext, apply: applyAction };

export interface CallObservation {
  counter: CounterPolicy;
  nowMs: number;
  /** Every ticket as it stood just before the call. */
  tickets: readonly Ticket[];
  /** The counter's first calls, newest first, as passed to the policy. */
  history: readonly PastCall[];
  picked: Ticket | null;
}

export interface Run {
  calls: CallObservation[];
  /** Broken integrity rules (a ticket at two counters, called from a final state, served twice …). */
  integrity: string[];
  /** When each ticket was issued, by the simulator's own clock (the model may not change it). */
  issuedAtMs: ReadonlyMap<string, number>;
  /** Tickets that were transferred at least once. */
  transferred: ReadonlySet<string>;
  tickets: ReadonlyMap<string, Ticket>;
}

const T0 = Date.parse('2026-03-16T01:00:00.000Z');
/** The use case looks at this many recent calls. */
export const HISTORY = 50;

export function simulate(centre: SimCentre, actions: readonly Action[], engine: Engine = realEngine): Run {
  let now = T0;
  const tickets = new Map<string, Ticket>();
  const issuedAtMs = new Map<string, number>();
  const transferred = new Set<string>();
  const seqs = new Map<string, number>();
  const current = new Map<string, string | null>(centre.counters.map((c) => [c.counterId, null]));
  const history = new Map<string, PastCall[]>(centre.counters.map((c) => [c.counterId, []]));
  const finished = new Map<string, number>();
  const calls: CallObservation[] = [];
  const integrity: string[] = [];

  const counterAt = (i: number) => centre.counters[i % centre.counters.length]!;
  const ctx = (c: CounterPolicy) => ({ at: new Date(now), counterId: c.counterId, staffId: `staff-${c.counterId}` });
  const nth = (list: Ticket[], i: number) => (list.length === 0 ? null : list[i % list.length]!);
  const byState = (state: Ticket['state']) => [...tickets.values()].filter((t) => t.state === state);

  function write(before: Ticket, after: Ticket | null, what: string): Ticket | null {
    if (!after) return null;
    if (after.id !== before.id) integrity.push(`${what}: the model changed the ticket's id`);
    tickets.set(after.id, after);
    if (after.state === 'done' || after.state === 'no_show') finished.set(after.id, (finished.get(after.id) ?? 0) + 1);
    return after;
  }

  /** A ticket moves to this counter (call, call by number, resume). */
  function arrive(c: CounterPolicy, before: Ticket, action: TicketAction, firstCall: boolean) {
    if (current.get(c.counterId)) return integrity.push(`${action} at ${c.counterId} while it attends a ticket`);
    for (const [other, id] of current) {
      if (id === before.id) integrity.push(`${before.id} is already at ${other} when ${c.counterId} takes it`);
    }
    const after = write(before, engine.apply(before, action, ctx(c)), action);
    if (!after) return integrity.push(`${action} of ${before.id} (${before.state}) was refused by the model`);
    current.set(c.counterId, after.id);
    if (firstCall) history.get(c.counterId)!.unshift({ serviceId: after.serviceId, priority: after.priorityGroupId !== null });
  }

  /** An action on the counter's current ticket. */
  function onCurrent(c: CounterPolicy, action: TicketAction, extra: object = {}) {
    const id = current.get(c.counterId);
    if (!id) return;
    const before = tickets.get(id)!;
    const after = write(before, engine.apply(before, action, { ...ctx(c), ...extra }), action);
    if (after && after.state !== 'called' && after.state !== 'serving') current.set(c.counterId, null);
  }

  for (const a of actions) {
    switch (a.kind) {
      case 'advance':
        now += a.minutes * 60_000;
        break;
      case 'issue': {
        const serviceId = centre.services[a.service % centre.services.length]!;
        const seq = (seqs.get(serviceId) ?? 0) + 1;
        seqs.set(serviceId, seq);
        const id = `${serviceId}-${seq}`;
        tickets.set(id, {
          id,
          centreId: 'sim',
          serviceId,
          businessDay: '2026-03-16',
          seq,
          number: id,
          state: 'waiting',
          issuedAt: new Date(now).toISOString(),
          calledAt: null,
          servingAt: null,
          finishedAt: null,
          counterId: null,
          staffId: null,
          priorityGroupId: a.priority ? 'nguoi-cao-tuoi' : null,
          recallCount: 0,
          targetCounterId: null,
        });
        issuedAtMs.set(id, now);
        break;
      }
      case 'callNext': {
        const c = counterAt(a.counter);
        if (current.get(c.counterId)) break; // counter.has_current_ticket
        const snapshot = [...tickets.values()];
        const past = history.get(c.counterId)!.slice(0, HISTORY);
        const picked = engine.pick(snapshot, c, centre.policy, past, now);
        calls.push({ counter: c, nowMs: now, tickets: snapshot, history: past, picked });
        if (!picked) break;
        const stored = tickets.get(picked.id);
        if (!stored) {
          integrity.push(`the policy picked an unknown ticket ${picked.id}`);
          break;
        }
        if (stored.state !== 'waiting') integrity.push(`callNext at ${c.counterId} picked ${stored.id}, which is ${stored.state}`);
        arrive(c, stored, 'call', true);
        break;
      }
      case 'callNumber': {
        const c = counterAt(a.counter);
        const t = nth(byState('waiting'), a.pick);
        if (!t || current.get(c.counterId)) break;
        arrive(c, t, 'call', true);
        break;
      }
      case 'resume': {
        const c = counterAt(a.counter);
        const t = nth(byState('parked'), a.pick);
        if (!t || current.get(c.counterId)) break;
        arrive(c, t, 'resume', false);
        break;
      }
      case 'recall': {
        const id = current.get(counterAt(a.counter).counterId);
        const t = id ? tickets.get(id)! : null;
        if (t?.state === 'called') onCurrent(counterAt(a.counter), recallOrNoShow(t, centre.maxRecalls));
        break;
      }
      case 'finish':
        onCurrent(counterAt(a.counter), 'finish');
        break;
      case 'noShow':
        onCurrent(counterAt(a.counter), 'noShow');
        break;
      case 'park':
        onCurrent(counterAt(a.counter), 'park');
        break;
      case 'requeue':
        onCurrent(counterAt(a.counter), 'requeue');
        break;
      case 'transfer': {
        const c = counterAt(a.counter);
        const id = current.get(c.counterId);
        if (!id) break;
        const toServiceId = a.toService === null ? undefined : centre.services[a.toService % centre.services.length];
        const toCounterId = a.toCounter === null ? null : counterAt(a.toCounter).counterId;
        if (toServiceId === undefined && toCounterId === null) break; // the API refuses an empty transfer
        onCurrent(c, 'transfer', { toServiceId, toCounterId });
        transferred.add(id);
        break;
      }
    }
  }
  for (const [id, n] of finished) if (n > 1) integrity.push(`${id} was finished ${n} times`);
  return { calls, integrity, issuedAtMs, transferred, tickets };
}

/** Waiting tickets this counter may call, by the rules of DOMAIN.md (not the policy's own helper). */
export function eligibleAt(call: CallObservation): Ticket[] {
  return call.tickets.filter(
    (t) => t.state === 'waiting' && (t.targetCounterId === null ? call.counter.serviceIds.includes(t.serviceId) : t.targetCounterId === call.counter.counterId),
  );
}

/** Cross-check of the oracle's eligibility with the policy's exported one. */
export const policyEligible = (call: CallObservation) => call.tickets.filter((t) => isEligible(t, call.counter));
