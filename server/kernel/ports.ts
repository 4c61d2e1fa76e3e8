import type { CentreFact } from '../../protocol/index.ts';
import type { Store } from './store.port.ts';
import type { TicketSubscriber } from './ticket-subscribers.ts';

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
  /**
   * The modules' work that follows ticket changes inside their transaction (reports' rollups,
   * print jobs, rating arms): see ticket-subscribers.ts and the module list in server/modules.ts.
   * Absent: nothing follows.
   */
  subscribers?: readonly TicketSubscriber[];
}

/** The officer behind a counter action, from the session (see server/accounts/). */
export interface StaffActor {
  staffId: string;
  role: import('../accounts/principal.ts').Role;
}
