import type { Centre, Counter, Service, Staff, Ticket, TicketState } from '../../protocol/index.ts';

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
}

export interface StoreReads {
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
  waitingCounts(centreId: string, businessDay: string): Promise<Record<string, number>>;
  currentSeq(centreId: string): Promise<number>;
  listTicketEvents(ticketId: string): Promise<TicketEvent[]>;
}

export interface StoreWrites {
  /** Next 1-based sequence of a service's business day; atomic inside `immediate`. */
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
}

export type StoreTx = StoreReads & StoreWrites;

export interface Store extends StoreReads {
  /**
   * Runs `fn` in one write transaction that holds the database's write lock from its first
   * statement (SQLite `BEGIN IMMEDIATE`), so concurrent kiosks and counters — in this process or
   * another — never take the same number or the same ticket.
   */
  immediate<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T>;
  /** Runs `fn` in one read transaction: every read sees the same committed state. */
  consistentRead<T>(fn: (reads: StoreReads) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
