import type { CentreFact } from '../protocol/index.ts';
import type { Store } from './storage/store.port.ts';

/** Time arrives through this port so the core and the use cases run on a fixed clock in tests. */
export interface Clock {
  now(): Date;
}

/** Unique, unguessable ids (ticket ids appear in status-page links). */
export interface Ids {
  newId(): string;
}

/** Where use cases publish realtime facts; the socket.io adapter implements it. */
export interface Notifier {
  publish(fact: CentreFact): void;
}

/** The one dependencies object every use case receives. */
export interface Deps {
  store: Store;
  clock: Clock;
  ids: Ids;
  notifier: Notifier;
  /** Told inside the issuing transaction (printing, issue #4); absent: nothing else happens. */
  ticketIssued?: TicketIssuedHook;
}

/**
 * Work that belongs to issuing a ticket but not to the queue rules: the print job of a kiosk's
 * ticket is written in the same transaction as the ticket, and handed to its bridge after commit.
 */
export interface TicketIssuedHook {
  inTransaction(
    tx: import('./storage/store.port.ts').StoreWriteTx,
    issued: { ticket: import('../protocol/index.ts').Ticket; kioskId: string | null; at: Date },
  ): Promise<{ printJob: { id: string; status: import('../protocol/index.ts').PrintJobStatus } | null; afterCommit(): void }>;
}

/** The officer behind a counter action, from the session (see server/auth/). */
export interface StaffActor {
  staffId: string;
  role: import('./auth/principal.ts').Role;
}
