import type { Ticket } from '../../protocol/index.ts';
import { businessDay } from './business-day.ts';

/**
 * Which waiting ticket a counter calls next — every rule of DOMAIN.md "Calling" in one place.
 *
 * 1. Eligible: waiting tickets of the counter's services, not sent to another counter.
 * 2. Nobody waits forever: a ticket waiting longer than the centre's maximum goes first (oldest
 *    first), before priority and before the counter's order.
 * 3. Priority groups: `strict` calls any waiting priority ticket before normal ones;
 *    `interleaved` calls one priority ticket after every N normal calls at this counter (and a
 *    priority ticket whenever no normal one waits).
 * 4. Among the rest, the counter's order: `fifo` (oldest across its services), `ordered` (its
 *    first service that has anyone waiting: backup counters), or `weighted` (e.g. 2 from A for
 *    each from B, by a sliding window over the counter's recent calls).
 *
 * A ticket's place is its issue time: a transfer keeps it, so a transferred citizen does not go
 * to the back of the new queue.
 *
 * 2b. Appointments (issue #14, docs/appointments.md): a ticket checked in within its appointment's
 *    arrival window has the slot's start as its place (`appointmentAt`). Once that time has come it
 *    is called before walk-ins (earliest slot first) — except that after `maxInARow` appointment
 *    calls in a row at this counter, a walk-in who has waited `walkInWaitMs` goes next (no
 *    starvation). An appointment ticket whose time has not come is called only when no other
 *    ticket is eligible (the counter would idle otherwise).
 *
 * 5. Days: a counter calls today's tickets only, or with the centre's carry-over also those still
 *    waiting from earlier days (`callableDay`); the history the rules count is today's calls at
 *    the counter, by the day of the call (`callsOfDay`).
 */
export type CallOrder = 'fifo' | 'ordered' | 'weighted';
export type PriorityPolicy = { mode: 'strict' } | { mode: 'interleaved'; normalPerPriority: number };

export interface CounterPolicy {
  counterId: string;
  /** Services in the counter's order. */
  serviceIds: readonly string[];
  /** Weight per service for `weighted` (missing → 1). */
  weights: Readonly<Record<string, number>>;
  callOrder: CallOrder;
}

export interface CentrePolicy {
  priority: PriorityPolicy;
  maxWaitMs: number;
  /** Appointments (rule 2b); absent: the defaults of protocol/appointments.schemas.ts (2 in a row, 15 min). */
  appointments?: AppointmentPolicy;
}

export interface AppointmentPolicy {
  /** At most this many appointment calls in a row at a counter … */
  maxInARow: number;
  /** … before a walk-in who has waited this long is served. */
  walkInWaitMs: number;
}

const DEFAULT_APPOINTMENTS: AppointmentPolicy = { maxInARow: 2, walkInWaitMs: 15 * 60_000 };

/** A past call at this counter, newest first. */
export interface PastCall {
  serviceId: string;
  priority: boolean;
  /** The call was of a ticket keeping an appointment's place (rule 2b). */
  appointment?: boolean;
}

/** A ticket keeping an appointment's place (checked in within the arrival window). */
export const isAppointment = (t: Ticket): boolean => t.appointmentAt !== undefined && t.appointmentAt !== null;

/** A ticket's place: its appointment's slot start, or its issue time (a transfer keeps either). */
export const placeOf = (t: Ticket): string => t.appointmentAt ?? t.issuedAt;

/** Waiting, and either sent to this counter by a transfer or of a service it calls and sent nowhere. */
export function isEligible(t: Ticket, counter: CounterPolicy): boolean {
  if (t.state !== 'waiting') return false;
  if (t.targetCounterId !== null) return t.targetCounterId === counter.counterId;
  return counter.serviceIds.includes(t.serviceId);
}

/**
 * The only tickets `pickNext` ever looks at, so the store reads these rather than the whole
 * queue: per service of the counter, its oldest normal and its oldest priority ticket sent to no
 * counter, and every ticket sent to this counter. For any candidates,
 * `pickNext(queueHeads(c, counter), …)` is `pickNext(c, …)` (test/property).
 */
export function queueHeads(candidates: readonly Ticket[], counter: CounterPolicy): Ticket[] {
  const heads = new Map<string, Ticket>();
  const sentHere: Ticket[] = [];
  for (const t of candidates) {
    if (!isEligible(t, counter)) continue;
    // Sent here, or keeping an appointment's place (few: at most a slot's capacity each): all of them.
    if (t.targetCounterId !== null || isAppointment(t)) {
      sentHere.push(t);
      continue;
    }
    const key = `${t.priorityGroupId === null ? 'n' : 'p'}:${t.serviceId}`;
    const head = heads.get(key);
    if (!head || t.issuedAt < head.issuedAt || (t.issuedAt === head.issuedAt && t.seq < head.seq)) heads.set(key, t);
  }
  // In the candidates' order: pickNext breaks complete ties by it.
  const keep = new Set<Ticket>([...sentHere, ...heads.values()]);
  return candidates.filter((t) => keep.has(t));
}

/** The business day whose waiting tickets may be called: today's, or any day's (null) with carry-over. */
export function callableDay(carryOver: boolean, today: string): string | null {
  return carryOver ? null : today;
}

/**
 * The calls of `today` among a counter's recent calls (the store reads a little more than a day):
 * a carried-over ticket's call counts for the day it was called on.
 */
export function callsOfDay<C extends PastCall & { at: string }>(calls: readonly C[], today: string, timeZone: string): C[] {
  return calls.filter((c) => businessDay(new Date(c.at), timeZone) === today);
}

/** Whether the choice depends on the counter's past calls (interleaved priority, weighted order). */
export function needsHistory(counter: CounterPolicy, centre: CentrePolicy): boolean {
  return centre.priority.mode === 'interleaved' || counter.callOrder === 'weighted';
}

export function pickNext(
  candidates: readonly Ticket[],
  counter: CounterPolicy,
  centre: CentrePolicy,
  history: readonly PastCall[],
  nowMs: number,
): Ticket | null {
  const eligible = candidates.filter((t) => isEligible(t, counter));
  if (eligible.length === 0) return null;

  const overdue = eligible.filter((t) => nowMs - Date.parse(placeOf(t)) >= centre.maxWaitMs);
  if (overdue.length > 0) return oldest(overdue, counter);

  // 2b. Appointments whose time has come, unless walk-ins are owed a turn; those not yet due wait.
  const walkIns = eligible.filter((t) => !isAppointment(t));
  const due = eligible.filter((t) => isAppointment(t) && Date.parse(t.appointmentAt!) <= nowMs);
  if (due.length > 0 && (walkIns.length === 0 || !walkInsOwed(walkIns, centre.appointments ?? DEFAULT_APPOINTMENTS, history, nowMs))) {
    return oldest(due, counter);
  }
  if (walkIns.length === 0) return oldest(eligible, counter);
  return byPriorityAndOrder(walkIns, counter, centre, history);
}

/** Rule 2b's guard: the counter's last calls were `maxInARow` appointments and a walk-in has waited `walkInWaitMs`. */
export function walkInsOwed(walkIns: readonly Ticket[], policy: AppointmentPolicy, history: readonly PastCall[], nowMs: number): boolean {
  let inARow = 0;
  for (const call of history) {
    if (!call.appointment) break;
    inARow++;
  }
  return inARow >= policy.maxInARow && walkIns.some((t) => nowMs - Date.parse(t.issuedAt) >= policy.walkInWaitMs);
}

/** Whether a call needs the counter's history for rule 2b: an appointment ticket whose time has come is among the candidates. */
export const appointmentDue = (candidates: readonly Ticket[], nowMs: number): boolean =>
  candidates.some((t) => t.state === 'waiting' && isAppointment(t) && Date.parse(t.appointmentAt!) <= nowMs);

function byPriorityAndOrder(eligible: readonly Ticket[], counter: CounterPolicy, centre: CentrePolicy, history: readonly PastCall[]): Ticket {
  const priority = eligible.filter((t) => t.priorityGroupId !== null);
  const normal = eligible.filter((t) => t.priorityGroupId === null);
  if (priority.length > 0 && (normal.length === 0 || priorityTurn(centre.priority, history))) {
    return byCounterOrder(priority, counter, history);
  }
  return byCounterOrder(normal, counter, history);
}

/** Strict: always. Interleaved: once N normal tickets were called here since the last priority one. */
export function priorityTurn(policy: PriorityPolicy, history: readonly PastCall[]): boolean {
  if (policy.mode === 'strict') return true;
  let normalSince = 0;
  for (const call of history) {
    if (call.priority) break;
    normalSince++;
  }
  return normalSince >= policy.normalPerPriority;
}

function byCounterOrder(tickets: readonly Ticket[], counter: CounterPolicy, history: readonly PastCall[]): Ticket {
  if (counter.callOrder === 'fifo') return oldest(tickets, counter);
  // Tickets transferred to this counter keep their place by issue time, whatever the order mode.
  const sentHere = tickets.filter((t) => t.targetCounterId === counter.counterId);
  const own = tickets.filter((t) => t.targetCounterId === null);
  const waitingServices = counter.serviceIds.filter((s) => own.some((t) => t.serviceId === s));
  if (waitingServices.length === 0) return oldest(sentHere, counter);
  const service = counter.callOrder === 'ordered' ? waitingServices[0]! : weightedChoice(waitingServices, counter, history);
  const chosen = oldest(
    own.filter((t) => t.serviceId === service),
    counter,
  );
  if (sentHere.length === 0) return chosen;
  const first = oldest([chosen, oldest(sentHere, counter)], counter);
  if (first === chosen) return chosen;
  // A ticket sent here goes by its issue time, but not ahead of older tickets of its own service.
  return oldest([first, ...own.filter((t) => t.serviceId === first.serviceId)], counter);
}

/**
 * Weighted round robin without stored state: over the last (Σweights − 1) calls here, pick the
 * service furthest below its weight; ties go to the counter's order. Weights 2:1 give A A B A A B.
 */
export function weightedChoice(services: readonly string[], counter: CounterPolicy, history: readonly PastCall[]): string {
  const weight = (s: string) => Math.max(1, counter.weights[s] ?? 1);
  const total = counter.serviceIds.reduce((sum, s) => sum + weight(s), 0);
  const window = history.slice(0, Math.max(0, total - 1));
  let best = services[0]!;
  let bestDeficit = -Infinity;
  for (const s of services) {
    const deficit = weight(s) - window.filter((c) => c.serviceId === s).length;
    if (deficit > bestDeficit) {
      best = s;
      bestDeficit = deficit;
    }
  }
  return best;
}

function oldest(tickets: readonly Ticket[], counter: CounterPolicy): Ticket {
  const rank = (s: string) => {
    const i = counter.serviceIds.indexOf(s);
    return i < 0 ? counter.serviceIds.length : i;
  };
  return tickets.reduce((best, t) => {
    const a = placeOf(t);
    const b = placeOf(best);
    if (a !== b) return a < b ? t : best;
    if (t.issuedAt !== best.issuedAt) return t.issuedAt < best.issuedAt ? t : best;
    if (rank(t.serviceId) !== rank(best.serviceId)) return rank(t.serviceId) < rank(best.serviceId) ? t : best;
    return t.seq < best.seq ? t : best;
  });
}
