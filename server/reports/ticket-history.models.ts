/**
 * Ticket history (issue #14): the rules that turn a ticket's stored rows — its audit events
 * (ticket_events), print jobs and rating — into the entries a manager reads, in time order. Pure:
 * the names arrive as a lookup, the claim window as a number.
 */
import type { LocalizedText, TicketState } from '../../protocol/index.ts';
import type { HistoryActor, HistoryCounter, HistoryNamed, TicketHistoryEntry, TicketHistoryKind } from '../../protocol/ticket-history.schemas.ts';
import type { HistoryEventRow, HistoryPeople, HistoryPrintRow, HistoryRatingRow, HistoryRecords } from './ticket-history.port.ts';

/** The names a centre's histories need. */
export interface HistoryNames {
  services: readonly { id: string; name: LocalizedText }[];
  counters: readonly { id: string; number: number }[];
  priorityGroups: readonly { id: string; name: LocalizedText }[];
  people: HistoryPeople;
}

export interface HistoryLookup {
  service(id: string): HistoryNamed;
  counter(id: string): HistoryCounter;
  group(id: string): HistoryNamed;
  staff(id: string | null): HistoryActor;
  kiosk(id: string | null): HistoryActor;
  deviceName(id: string): string | null;
  /** How long a bridge's claim holds (print-claims.ts): a claim was made this long before claimed_until. */
  claimGraceMs: number;
}

/** Maps built once for a whole export, not per ticket. */
export function historyLookup(names: HistoryNames, claimGraceMs: number): HistoryLookup {
  const services = new Map(names.services.map((s) => [s.id, s.name]));
  const counters = new Map(names.counters.map((c) => [c.id, c.number]));
  const groups = new Map(names.priorityGroups.map((g) => [g.id, g.name]));
  const staff = new Map(names.people.staff.map((s) => [s.id, s]));
  const devices = new Map(names.people.devices.map((d) => [d.id, d.name]));
  return {
    service: (id) => ({ id, name: services.get(id) ?? null }),
    counter: (id) => ({ id, number: counters.get(id) ?? null }),
    group: (id) => ({ id, name: groups.get(id) ?? null }),
    staff: (id) => {
      const s = id === null ? undefined : staff.get(id);
      return { kind: 'staff', id, name: s?.name ?? null, username: s?.username ?? null };
    },
    kiosk: (id) => ({ kind: 'kiosk', id, name: id === null ? null : (devices.get(id) ?? null), username: null }),
    deviceName: (id) => devices.get(id) ?? null,
    claimGraceMs,
  };
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);
const int = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : null);
const AT_COUNTER = new Set(['called', 'serving']);

/** What a stored transition was, from its states and its detail (server/counters, server/tickets write them). */
export function transitionKind(e: Pick<HistoryEventRow, 'fromState' | 'toState' | 'detail'>): TicketHistoryKind {
  const d = e.detail ?? {};
  if (e.fromState === null) return 'issued';
  if ('grantPriority' in d) return 'priority_granted';
  if ('recall' in d) return 'recalled';
  if ('toServiceId' in d && e.toState === 'waiting') return 'transferred';
  if ('forceClosedBy' in d && e.toState === 'waiting') return 'requeued';
  if ('parkedAt' in d || (e.fromState === 'parked' && e.toState === 'called')) return 'resumed';
  switch (e.toState) {
    case 'called':
      return e.fromState === 'waiting' ? 'called' : e.fromState === 'called' ? 'recalled' : 'changed';
    case 'serving':
      return 'serving';
    case 'parked':
      return 'parked';
    case 'done':
      return 'finished';
    case 'no_show':
      return 'no_show';
    case 'expired':
      return 'expired';
    case 'waiting':
      return AT_COUNTER.has(e.fromState) ? 'requeued' : 'changed';
    default:
      return 'changed';
  }
}

const STATES = new Set<string>(['waiting', 'called', 'serving', 'parked', 'done', 'no_show', 'expired']);
const state = (s: string | null): TicketState | null => (s !== null && STATES.has(s) ? (s as TicketState) : null);

function actorOf(e: HistoryEventRow, names: HistoryLookup): HistoryActor {
  if (e.actorKind === 'staff') return names.staff(e.actorId);
  if (e.actorKind === 'kiosk') return names.kiosk(e.actorId);
  return { kind: 'system', id: e.actorId, name: null, username: null };
}

/** One audit event as an entry. */
export function eventEntry(e: HistoryEventRow, names: HistoryLookup): TicketHistoryEntry {
  const kind = transitionKind(e);
  const d = e.detail ?? {};
  const entry: TicketHistoryEntry = {
    at: new Date(e.atMs).toISOString(),
    kind,
    fromState: state(e.fromState),
    toState: state(e.toState),
    actor: actorOf(e, names),
    counter: e.counterId === null ? null : names.counter(e.counterId),
    service: e.serviceId === null ? null : names.service(e.serviceId),
  };
  if (d.calledByNumber === true) entry.calledByNumber = true;
  if (kind === 'transferred') {
    const from = str(d.fromServiceId);
    const to = str(d.toServiceId) ?? e.serviceId;
    const toCounter = str(d.toCounterId);
    entry.transfer = {
      from: names.service(from ?? to ?? ''),
      to: names.service(to ?? from ?? ''),
      toCounter: toCounter === null ? null : names.counter(toCounter),
    };
  }
  if (kind === 'recalled' && int(d.recall) !== null) entry.recall = { count: int(d.recall)! };
  if (kind === 'no_show' && int(d.afterRecalls) !== null) entry.recall = { count: int(d.afterRecalls)! };
  if (kind === 'priority_granted') {
    const previous = str(d.previous);
    entry.priority = {
      group: names.group(str(d.grantPriority) ?? ''),
      previous: previous === null ? null : names.group(previous),
      reason: str(d.reason),
    };
  }
  return entry;
}

const PRINT_END: Partial<Record<string, TicketHistoryKind>> = { printed: 'print_printed', failed: 'print_failed', abandoned: 'print_abandoned' };

/** A print job's entries: created, claimed (when its bridge claimed it), and how it ended (if it has). */
export function printEntries(j: HistoryPrintRow, names: HistoryLookup): TicketHistoryEntry[] {
  const print: NonNullable<TicketHistoryEntry['print']> = {
    jobId: j.id,
    printerId: j.printerId,
    kiosk: j.kioskId === null ? null : { id: j.kioskId, name: names.deviceName(j.kioskId) },
    reprint: j.reprint,
    status: j.status as NonNullable<TicketHistoryEntry['print']>['status'],
    attempts: j.attempts,
    error: j.error === null ? null : { code: j.error, message: j.errorMessage },
  };
  const base = { fromState: null, toState: null, counter: null, service: null, print };
  const entry = (kind: TicketHistoryKind, atMs: number, actor: HistoryActor | null): TicketHistoryEntry => ({
    at: new Date(atMs).toISOString(),
    kind,
    ...base,
    actor,
  });
  // A reprint is asked for by an officer; a first print follows the kiosk's issue.
  const out = [entry('print_created', j.createdAtMs, j.reprint ? names.staff(j.requestedBy) : j.kioskId === null ? null : names.kiosk(j.kioskId))];
  // claimed_until holds the end of the (last) claim: it was made one grace period before.
  if (j.claimedUntilMs !== null) out.push(entry('print_claimed', Math.max(j.createdAtMs, j.claimedUntilMs - names.claimGraceMs), null));
  const end = PRINT_END[j.status];
  if (end) out.push(entry(end, Math.max(j.createdAtMs, j.updatedAtMs), null));
  return out;
}

export function ratingEntry(r: HistoryRatingRow, names: HistoryLookup): TicketHistoryEntry {
  return {
    at: new Date(r.pressedAtMs).toISOString(),
    kind: 'rated',
    fromState: null,
    toState: null,
    // The citizen rated: no officer acts here. The officer rated is the one who finished the ticket.
    actor: null,
    counter: names.counter(r.counterId),
    service: null,
    rating: {
      level: r.level,
      scale: r.scale,
      grade: r.grade as NonNullable<TicketHistoryEntry['rating']>['grade'],
      satisfied: r.satisfied,
      source: r.source as NonNullable<TicketHistoryEntry['rating']>['source'],
    },
  };
}

/**
 * A ticket's whole history, oldest first. Entries of one instant keep their natural order: the
 * audit trail's (seq), then print jobs (a kiosk's print is written with the issue), then the rating.
 */
export function historyEntries(records: HistoryRecords, names: HistoryLookup): TicketHistoryEntry[] {
  const all = [
    ...[...records.events].sort((a, b) => a.seq - b.seq).map((e) => eventEntry(e, names)),
    ...records.printJobs.flatMap((j) => printEntries(j, names)),
    ...records.ratings.map((r) => ratingEntry(r, names)),
  ];
  // Array.prototype.sort is stable: equal instants stay in the order above.
  return all
    .map((e, i) => ({ e, i, ms: Date.parse(e.at) }))
    .sort((a, b) => a.ms - b.ms || a.i - b.i)
    .map((x) => x.e);
}

/** Rows of several tickets (one query for a page of the log), split per ticket. */
export function recordsByTicket(records: HistoryRecords): Map<string, HistoryRecords> {
  const out = new Map<string, HistoryRecords>();
  const of = (id: string) => {
    let r = out.get(id);
    if (!r) out.set(id, (r = { events: [], printJobs: [], ratings: [] }));
    return r;
  };
  for (const e of records.events) of(e.ticketId).events.push(e);
  for (const j of records.printJobs) of(j.ticketId).printJobs.push(j);
  for (const r of records.ratings) of(r.ticketId).ratings.push(r);
  return out;
}
