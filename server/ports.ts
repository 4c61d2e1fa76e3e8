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
}
