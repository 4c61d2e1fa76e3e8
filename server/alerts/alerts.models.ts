import type { AlertKind, AlertSettings, AlertView, CounterStatus } from '../../protocol/index.ts';
import type { AlertRecord } from './alerts.port.ts';

/**
 * SLA alerts (issue #14, docs/alerts.md): the pure rules. Given a centre's state now, which
 * alerts are active; given the alerts the store holds open, what to raise, update and clear.
 * No clock, no store: `now` and the state arrive as arguments.
 */

export interface WaitingTicketState {
  serviceId: string;
  issuedAtMs: number;
  /** Sent to one counter by a transfer: only it may call the ticket. */
  targetCounterId: string | null;
}

export interface CounterAlertState {
  id: string;
  serviceIds: readonly string[];
  /** A disabled counter never counts as open. */
  active: boolean;
  status: CounterStatus;
  /** A ticket is called or being served there. */
  attending: boolean;
  /** Its last call, finish, opening or resume (epoch ms); null when unknown. */
  lastActivityMs: number | null;
}

export interface AlertState {
  nowMs: number;
  settings: AlertSettings;
  /** The centre's active services (an inactive service raises nothing). */
  serviceIds: readonly string[];
  counters: readonly CounterAlertState[];
  waiting: readonly WaitingTicketState[];
}

/** An alert the state makes active now. `subject` is the service id, or the counter id for `counter_idle`. */
export interface ActiveAlert {
  kind: AlertKind;
  subject: string;
  serviceId: string | null;
  counterId: string | null;
  threshold: number;
  value: number;
  /** Tickets beyond the threshold (`wait` only). */
  count: number | null;
  /** When the condition began (epoch ms): the threshold was crossed then, or — queue length — now. */
  sinceMs: number;
}

const MINUTE = 60_000;
const minutes = (ms: number) => Math.floor(ms / MINUTE);
export const alertKey = (a: { kind: AlertKind; subject: string }) => `${a.kind}:${a.subject}`;

/** A per-service threshold: the override when there is one, else the default; 0 is off. */
export function thresholdFor(rule: { default: number; services: Record<string, number> }, serviceId: string): number {
  return rule.services[serviceId] ?? rule.default;
}

/** Rules switched on at all (nothing to evaluate otherwise). */
export function anyRuleOn(s: AlertSettings): boolean {
  const some = (r: { default: number; services: Record<string, number> }) => r.default > 0 || Object.values(r.services).some((v) => v > 0);
  return some(s.maxWaitMinutes) || some(s.maxQueueLength) || s.maxIdleMinutes > 0 || s.noOpenCounterMinutes > 0;
}

/** May this counter call this ticket (its service, and not sent to another counter)? */
const mayCall = (c: CounterAlertState, t: WaitingTicketState) => (t.targetCounterId === null ? c.serviceIds.includes(t.serviceId) : t.targetCounterId === c.id);

/** Open means held and not on a break: a paused counter calls nobody. */
const isOpen = (c: CounterAlertState) => c.active && c.status === 'open';

/** Every alert the state makes active, ordered by kind then subject. */
export function activeAlerts(state: AlertState): ActiveAlert[] {
  const { nowMs, settings } = state;
  const out: ActiveAlert[] = [];
  const byService = new Map<string, WaitingTicketState[]>();
  for (const t of state.waiting) {
    const list = byService.get(t.serviceId) ?? [];
    list.push(t);
    byService.set(t.serviceId, list);
  }
  for (const serviceId of state.serviceIds) {
    const tickets = byService.get(serviceId) ?? [];
    if (tickets.length === 0) continue;
    const oldest = Math.min(...tickets.map((t) => t.issuedAtMs));

    const maxWait = thresholdFor(settings.maxWaitMinutes, serviceId);
    if (maxWait > 0) {
      const over = tickets.filter((t) => nowMs - t.issuedAtMs > maxWait * MINUTE);
      if (over.length > 0) {
        out.push({
          kind: 'wait',
          subject: serviceId,
          serviceId,
          counterId: null,
          threshold: maxWait,
          value: minutes(nowMs - oldest),
          count: over.length,
          sinceMs: oldest + maxWait * MINUTE,
        });
      }
    }

    const maxQueue = thresholdFor(settings.maxQueueLength, serviceId);
    if (maxQueue > 0 && tickets.length > maxQueue) {
      out.push({
        kind: 'queue_length',
        subject: serviceId,
        serviceId,
        counterId: null,
        threshold: maxQueue,
        value: tickets.length,
        count: null,
        sinceMs: nowMs,
      });
    }

    const grace = settings.noOpenCounterMinutes;
    if (grace > 0 && nowMs - oldest > grace * MINUTE) {
      // Tickets sent to one counter wait for that counter, not for the service: they need it open.
      const served = state.counters.some((c) => isOpen(c) && c.serviceIds.includes(serviceId));
      if (!served) {
        out.push({
          kind: 'no_open_counter',
          subject: serviceId,
          serviceId,
          counterId: null,
          threshold: grace,
          value: minutes(nowMs - oldest),
          count: null,
          sinceMs: oldest + grace * MINUTE,
        });
      }
    }
  }

  const maxIdle = settings.maxIdleMinutes;
  if (maxIdle > 0) {
    const active = new Set(state.serviceIds);
    for (const c of state.counters) {
      if (!isOpen(c) || c.attending) continue;
      const callable = state.waiting.filter((t) => active.has(t.serviceId) && mayCall(c, t));
      if (callable.length === 0) continue;
      // Idle since the later of its own last activity and the moment someone was there to call.
      const firstWaiting = Math.min(...callable.map((t) => t.issuedAtMs));
      const idleSince = Math.max(c.lastActivityMs ?? firstWaiting, firstWaiting);
      if (nowMs - idleSince > maxIdle * MINUTE) {
        out.push({
          kind: 'counter_idle',
          subject: c.id,
          serviceId: null,
          counterId: c.id,
          threshold: maxIdle,
          value: minutes(nowMs - idleSince),
          count: null,
          sinceMs: idleSince + maxIdle * MINUTE,
        });
      }
    }
  }
  return out.sort((a, b) => alertKey(a).localeCompare(alertKey(b)));
}

/** An alert the store holds open (raised, not cleared). */
export interface OpenAlert {
  id: string;
  kind: AlertKind;
  subject: string;
  threshold: number;
  value: number;
  peakValue: number;
  count: number | null;
}

export interface AlertChanges<O extends OpenAlert = OpenAlert> {
  /** Active now, not open in the store: raise. */
  raise: ActiveAlert[];
  /** Open and still active, with a new value, count or threshold: update (peak = max). */
  update: { open: O; now: ActiveAlert }[];
  /** Open in the store, no longer active: clear. */
  clear: O[];
}

/**
 * What to write so the store's open alerts match the active ones. An alert whose figures did not
 * change needs no write, so a quiet centre evaluated on a timer writes nothing.
 */
export function alertChanges<O extends OpenAlert>(open: readonly O[], active: readonly ActiveAlert[]): AlertChanges<O> {
  const openByKey = new Map(open.map((o) => [alertKey(o), o]));
  const activeKeys = new Set(active.map(alertKey));
  const raise: ActiveAlert[] = [];
  const update: AlertChanges<O>['update'] = [];
  for (const a of active) {
    const o = openByKey.get(alertKey(a));
    if (!o) raise.push(a);
    else if (o.value !== a.value || o.count !== a.count || o.threshold !== a.threshold) update.push({ open: o, now: a });
  }
  const clear = open.filter((o) => !activeKeys.has(alertKey(o)));
  return { raise, update, clear };
}

export const hasChanges = (c: AlertChanges<OpenAlert>) => c.raise.length + c.update.length + c.clear.length > 0;

/** The protocol view of a stored alert. */
export function alertView(r: Omit<AlertRecord, 'centreId' | 'subject'>): AlertView {
  return {
    id: r.id,
    kind: r.kind,
    serviceId: r.serviceId,
    counterId: r.counterId,
    threshold: r.threshold,
    value: r.value,
    peakValue: r.peakValue,
    count: r.count,
    raisedAt: new Date(r.raisedAtMs).toISOString(),
    clearedAt: r.clearedAtMs === null ? null : new Date(r.clearedAtMs).toISOString(),
  };
}
