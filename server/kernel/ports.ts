import type { CentreFact } from '../../protocol/index.ts';
import type { Store } from './store.port.ts';

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
  /** Told inside every ticket change's transaction, after its audit event (the reports' rollups, issue #6). */
  ticketChanged?: TicketChangedHook;
  /** Told inside the transaction that finishes a ticket at a counter (arming its rating keypad, issue #5). */
  ticketFinished?: TicketFinishedHook;
}

/**
 * Work that belongs to finishing a ticket at a counter: the counter's rating keypad is armed for
 * it in the same transaction (so the arm exists exactly when the finish does), and told after commit.
 */
export interface TicketFinishedHook {
  inTransaction(
    tx: import('./store.port.ts').StoreWriteTx,
    finished: {
      ticket: import('../../protocol/index.ts').Ticket;
      counter: import('../../protocol/index.ts').Counter;
      settings: import('../../protocol/index.ts').CentreSettings;
      at: Date;
      day: string;
    },
  ): Promise<{ afterCommit(): void }>;
}

/** Work that follows every ticket change in its own transaction: the daily report rollups. */
export type TicketChangedHook = (
  tx: import('./store.port.ts').StoreWriteTx,
  change: import('./changes.ts').Change,
) => Promise<void>;

/**
 * Work that belongs to issuing a ticket but not to the queue rules: the print job of a kiosk's
 * ticket is written in the same transaction as the ticket, and handed to its bridge after commit.
 */
export interface TicketIssuedHook {
  inTransaction(
    tx: import('./store.port.ts').StoreWriteTx,
    issued: { ticket: import('../../protocol/index.ts').Ticket; kioskId: string | null; at: Date },
  ): Promise<{ printJob: { id: string; status: import('../../protocol/index.ts').PrintJobStatus } | null; afterCommit(): void }>;
}

/** The officer behind a counter action, from the session (see server/accounts/). */
export interface StaffActor {
  staffId: string;
  role: import('../accounts/principal.ts').Role;
}
