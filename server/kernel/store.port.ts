import type { Centre, CentreSettings, Counter, CounterState, Service, Staff, Ticket, TicketState } from '../../protocol/index.ts';
import type { PastCall } from '../queue/calling-policy.ts';
import type { AccountsStore } from '../accounts/accounts.port.ts';
import type { CentreConfig } from './centre-config.ts';
import type { PrintStore } from '../printing/printing.port.ts';
import type { RatingStore } from '../ratings/ratings.port.ts';
import type { AlertStore } from '../alerts/alerts.port.ts';
import type { SecurityStore } from '../accounts/security.port.ts';
import type { ReportStore } from '../reports/reports.port.ts';
import type { DossierStore } from '../dossiers/dossiers.port.ts';
import type { WebhookStore } from '../webhooks/webhooks.port.ts';
import type { AppointmentStore } from '../appointments/appointments.port.ts';
import type { CounterWaitingStore } from '../counters/counter-waiting.port.ts';
import type { PairingStore } from '../pairing/pairing.port.ts';

export type ActorKind = 'kiosk' | 'staff' | 'system';

/** One row of the append-only audit trail: every state change of every ticket. */
export interface TicketEvent {
  id: string;
  centreId: string;
  ticketId: string;
  /** The centre's realtime sequence number the change was published under. */
  seq: number;
  at: string;
  actorKind: ActorKind;
  actorId: string | null;
  fromState: TicketState | null;
  toState: TicketState;
  counterId: string | null;
  /** The ticket's service after the change. */
  serviceId: string | null;
  /** Transfer from/to, priority grant and its reason, recall number … */
  detail: Record<string, unknown> | null;
}

/** One row of the counters' audit trail: open, pause, resume, close, force-close. */
export interface CounterEvent {
  id: string;
  centreId: string;
  counterId: string;
  seq: number;
  at: string;
  actorId: string | null;
  fromStatus: CounterState['status'];
  toStatus: CounterState['status'];
  staffId: string | null;
}

/** SLA alerts (server/alerts/): a snapshot reads the open ones in its own read transaction. */
export interface StoreReads extends Pick<AlertStore, 'openAlerts'>, CounterWaitingStore {
  /**
   * The centre's configuration (centre, services, counters with their state, settings) from this
   * process's cache after one version read; null for an unknown centre (config-cache.ts).
   */
  centreConfig(centreId: string): Promise<CentreConfig | null>;
  listCentres(): Promise<Centre[]>;
  getCentre(centreId: string): Promise<Centre | null>;
  listServices(centreId: string): Promise<Service[]>;
  getService(centreId: string, serviceId: string): Promise<Service | null>;
  listCounters(centreId: string): Promise<Counter[]>;
  getCounter(centreId: string, counterId: string): Promise<Counter | null>;
  listStaff(centreId: string): Promise<Staff[]>;
  getTicket(ticketId: string): Promise<Ticket | null>;
  /** Tickets of one business day in the given states, oldest first. */
  listTickets(centreId: string, businessDay: string, states: readonly TicketState[]): Promise<Ticket[]>;
  /** The ticket called or being served at a counter, if any. */
  currentTicketAt(centreId: string, counterId: string): Promise<Ticket | null>;
  /** Tickets called on a business day, newest call first. */
  recentlyCalled(centreId: string, businessDay: string, limit: number): Promise<Ticket[]>;
  /** Waiting tickets per queue (service), whatever their day: one read of tickets_waiting_ix. */
  waitingCounts(centreId: string): Promise<Record<string, number>>;
  currentSeq(centreId: string): Promise<number>;
  /** The centre's realtime sequence and configuration version in one read (what a snapshot depends on). */
  centreVersions(centreId: string): Promise<{ seq: number; configVersion: number } | null>;
  listTicketEvents(ticketId: string): Promise<TicketEvent[]>;
  listCounterEvents(centreId: string, counterId: string): Promise<CounterEvent[]>;
  getSettings(centreId: string): Promise<CentreSettings>;
  getCounterState(centreId: string, counterId: string): Promise<CounterState>;
  listCounterStates(centreId: string): Promise<Record<string, CounterState>>;
  /** The counter an officer holds (open or paused), if any. */
  counterHeldBy(centreId: string, staffId: string): Promise<string | null>;
  /** Every waiting ticket of the centre, whatever its day, oldest first (reports; not the hot path). */
  listWaiting(centreId: string): Promise<Ticket[]>;
  /**
   * The heads of a counter's queues (calling-policy.ts, `queueHeads`): per service of the counter,
   * its oldest waiting normal and oldest waiting priority ticket sent to no counter, and every
   * waiting ticket sent to this counter; of `day` only, or of any day when `day` is null. With
   * them, in the same read, the ticket the counter attends now (as `currentTicketAt`).
   */
  queueHeads(
    centreId: string,
    heads: { counterId: string; serviceIds: readonly string[]; day: string | null },
  ): Promise<{ current: Ticket | null; heads: Ticket[] }>;
  /** Waiting tickets of the ticket's service and day issued before it. */
  countAhead(ticket: Ticket): Promise<number>;
  /** For a priority ticket: the priority tickets waiting before it in its queue, and every ordinary one waiting there (issue #15). */
  countAheadOfPriority(ticket: Ticket): Promise<{ priorityEarlier: number; normalWaiting: number }>;
  findTicketByNumber(centreId: string, businessDay: string, number: string): Promise<Ticket | null>;
  /** First calls (not recalls) made at a counter since an instant (epoch ms), newest first. */
  recentCallsAt(centreId: string, counterId: string, sinceMs: number, limit: number): Promise<(PastCall & { at: string })[]>;
  /** Durations (ms) of the latest finished services of a service, newest first. */
  recentServiceDurations(centreId: string, serviceId: string, limit: number): Promise<number[]>;
  /** Waiting counts and each service's recent durations, in one statement (what every fact's figures need). */
  waitingAndDurations(
    centreId: string,
    serviceIds: readonly string[],
    limit: number,
  ): Promise<{ waiting: Record<string, number>; durations: Record<string, number[]> }>;
  /** The ticket each counter is attending (called or serving), by counter id: one read for a snapshot. */
  currentTickets(centreId: string): Promise<Record<string, Ticket>>;
  /** The same for several services in one read. */
  recentDurationsOf(centreId: string, serviceIds: readonly string[], limit: number): Promise<Record<string, number[]>>;
  /** Tickets of days before `businessDay` still waiting, called, serving or parked. */
  listUnfinishedBefore(centreId: string, businessDay: string): Promise<Ticket[]>;
}

export interface StoreWrites {
  /** Next 1-based sequence of a service's business day; atomic inside `runInTx`. */
  takeNumber(centreId: string, serviceId: string, businessDay: string): Promise<number>;
  /** Next realtime sequence number of the centre. */
  bumpSeq(centreId: string): Promise<number>;
  insertTicket(ticket: Ticket): Promise<void>;
  /** Writes the ticket only if its stored state is still `expectedState`; false otherwise. */
  updateTicket(ticket: Ticket, expectedState: TicketState): Promise<boolean>;
  appendEvent(event: TicketEvent): Promise<void>;
  upsertCentre(centre: Centre): Promise<void>;
  upsertService(service: Service): Promise<void>;
  upsertCounter(counter: Counter): Promise<void>;
  upsertStaff(staff: Staff): Promise<void>;
  setCounterState(centreId: string, counterId: string, state: CounterState): Promise<void>;
  appendCounterEvent(event: CounterEvent): Promise<void>;
  saveSettings(centreId: string, settings: CentreSettings): Promise<void>;
}

export type StoreTx = StoreReads & StoreWrites;

/**
 * What a write transaction locks, and so what it may change: one centre (its sequences, counters,
 * tickets, devices, ratings and rollups) or a named key outside any centre (the accounts' set-up,
 * one account). The SQLite store locks the whole database whatever the scope says; a store for
 * several server instances (PostgreSQL) locks only the scope, so two centres never wait for
 * each other.
 */
export type TxScope = { centreId: string } | { key: string };

/** The key a scope locks (stores that lock per scope hash it). */
export const scopeKey = (scope: TxScope): string => ('centreId' in scope ? `centre:${scope.centreId}` : scope.key);

/** Work for after the commit: told nothing, must not throw, runs only if the transaction commits. */
export type AfterCommit = () => void;

/** What a write transaction (`Store.runInTx`) hands its function: every part of the store. */
export type StoreWriteTx = StoreTx &
  AccountsStore &
  PrintStore &
  ReportStore &
  RatingStore &
  AlertStore &
  SecurityStore &
  DossierStore &
  WebhookStore &
  AppointmentStore &
  PairingStore & {
    /**
     * Registers work for once this transaction has committed (publishing, handing a print job to
     * its bridge, lighting a keypad), run in registration order. An attempt that rolls back — or
     * is retried by the store — drops what it registered, so after-commit work happens exactly
     * once per committed change.
     */
    afterCommit(work: AfterCommit): void;
  };

export interface Store
  extends
    StoreReads,
    AccountsStore,
    PrintStore,
    ReportStore,
    RatingStore,
    AlertStore,
    SecurityStore,
    DossierStore,
    WebhookStore,
    AppointmentStore,
    // Pairing codes (issue #15): made with their device token in one write transaction; redeemed by one conditional update.
    PairingStore {
  /**
   * Runs `fn` in one write transaction holding the lock of `scope` from its first statement, so
   * concurrent kiosks and counters — in this process or another — never take the same number or
   * the same ticket. Then runs the work registered with `tx.afterCommit`. `fn` must only write
   * inside `scope` and must not act outside the transaction except through `tx.afterCommit`:
   * a store may run it again after a conflict.
   */
  runInTx<T>(scope: TxScope, fn: (tx: StoreWriteTx) => Promise<T>): Promise<T>;
  /**
   * The centre's configuration as this process last saw it, without reading the store when it is
   * cached: good for finding what a request names before its transaction, which checks it again.
   */
  cachedConfig(centreId: string): Promise<CentreConfig | null>;
  /** Runs `fn` in one read transaction: every read sees the same committed state. */
  consistentRead<T>(fn: (reads: StoreReads) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
