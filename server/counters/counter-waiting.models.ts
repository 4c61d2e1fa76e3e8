import { maskDossierCode, type CentreSettings, type Counter, type LocalizedText, type Ticket, type WaitingItem } from '../../protocol/index.ts';
import { isAppointment, isEligible, pickNext, placeOf, type CentrePolicy, type CounterPolicy, type PastCall } from '../queue/calling-policy.ts';
import type { BackToWaiting, WaitingTicket } from './counter-waiting.port.ts';

/**
 * The console's waiting list (issue #15), pure. The order is the calling policy's own
 * (server/queue/calling-policy.ts `pickNext`), applied again and again as if this counter made
 * every call now and nothing else changed: the first item is exactly what call-next picks at this
 * instant; the rest is the order this counter would call them in if no other counter called from
 * the same queues, nobody new arrived and the clock stood still (rule 2's overdue tickets and due
 * appointments are judged at `now`). docs/console.md says the same to the officer.
 */

/** How many of a counter's recent calls the weighted and interleaved rules look at: calls.usecases.ts reads as many. */
export const CALL_HISTORY = 50;

/** The counter's and the centre's policies, built from the configuration exactly as call-next builds them. */
export function policiesOf(counter: Counter, settings: CentreSettings): { counter: CounterPolicy; centre: CentrePolicy } {
  const appointments = { maxInARow: settings.appointments.maxInARow, walkInWaitMs: settings.appointments.walkInWaitMinutes * 60_000 };
  return {
    counter: { counterId: counter.id, serviceIds: counter.serviceIds, weights: counter.weights, callOrder: counter.callOrder },
    centre: { priority: settings.priorityPolicy, maxWaitMs: settings.maxWaitMinutes * 60_000, appointments },
  };
}

/** The call a ticket makes in a counter's history (what the store's `recentCallsAt` gives for it). */
export const pastCallOf = (t: Ticket): PastCall => ({ serviceId: t.serviceId, priority: t.priorityGroupId !== null, appointment: isAppointment(t) });

/**
 * Up to `limit` tickets in the order `counter` would call them: `pickNext`, then that ticket as
 * the newest past call, again. Exact for as many calls as `candidates` holds entries of each
 * queue beyond its head (the store reads `limit` of each), since `pickNext` only ever looks at the
 * heads of the queues (calling-policy.ts `queueHeads`).
 */
export function callOrder(
  candidates: readonly Ticket[],
  counter: CounterPolicy,
  centre: CentrePolicy,
  history: readonly PastCall[],
  nowMs: number,
  limit: number,
): Ticket[] {
  const pool = [...candidates];
  let past = history.slice(0, CALL_HISTORY);
  const order: Ticket[] = [];
  while (order.length < limit) {
    const next = pickNext(pool, counter, centre, past, nowMs);
    if (!next) break;
    order.push(next);
    pool.splice(pool.indexOf(next), 1);
    past = [pastCallOf(next), ...past].slice(0, CALL_HISTORY);
  }
  return order;
}

/**
 * How many waiting tickets the counter may call: its queues' waiting counts (which include
 * tickets sent to a counter), less those sent to another counter, plus those sent here from a
 * queue it does not serve. `sentToCounters` are the waiting tickets sent to any counter.
 */
export function waitingTotal(counter: CounterPolicy, queueCounts: Readonly<Record<string, number>>, sentToCounters: readonly Ticket[]): number {
  let total = counter.serviceIds.reduce((sum, s) => sum + (queueCounts[s] ?? 0), 0);
  for (const t of sentToCounters) {
    const inOwnQueue = counter.serviceIds.includes(t.serviceId);
    const here = isEligible(t, counter);
    if (inOwnQueue && !here) total--;
    if (!inOwnQueue && here) total++;
  }
  return Math.max(0, total);
}

/** Whole minutes from `from` to `nowMs` (0 for a time in the future). */
export const minutesSince = (from: string, nowMs: number): number => Math.max(0, Math.floor((nowMs - Date.parse(from)) / 60_000));

export interface ItemContext {
  nowMs: number;
  counterId: string;
  maxWaitMs: number;
  serviceName(serviceId: string): LocalizedText;
  /** The centre's name for a priority group (also one it has since switched off: the citizen's priority stands). */
  groupName(groupId: string): LocalizedText;
}

/** One line of the list: the ticket, and the marks the officer reads before calling it. */
export function waitingItem(w: WaitingTicket, back: BackToWaiting | undefined, ctx: ItemContext): WaitingItem {
  const t = w.ticket;
  const transferred =
    back?.kind === 'transfer' || t.targetCounterId !== null || w.issuedServiceId !== t.serviceId
      ? {
          fromServiceId: back?.kind === 'transfer' ? (back.fromServiceId ?? null) : w.issuedServiceId !== t.serviceId ? w.issuedServiceId : null,
          fromCounterId: back?.kind === 'transfer' ? back.counterId : null,
          toThisCounter: t.targetCounterId === ctx.counterId,
        }
      : null;
  return {
    ticketId: t.id,
    number: t.number,
    serviceId: t.serviceId,
    serviceName: ctx.serviceName(t.serviceId),
    issuedAt: t.issuedAt,
    waitedMinutes: minutesSince(t.issuedAt, ctx.nowMs),
    marks: {
      priority: t.priorityGroupId === null ? null : { groupId: t.priorityGroupId, name: ctx.groupName(t.priorityGroupId) },
      appointmentAt: t.appointmentAt ?? null,
      transferred,
      returned: back?.kind === 'requeue',
      overdue: ctx.nowMs - Date.parse(placeOf(t)) >= ctx.maxWaitMs,
      ...(t.dossierCode ? { dossierCode: maskDossierCode(t.dossierCode) } : {}),
    },
  };
}
