/**
 * Socket.io event maps: the one place event names live. Facts are past tense
 * (`ticket:called`), commands imperative (`snapshot:request`).
 */
import type { Result } from './errors.ts';
import type {
  Snapshot,
  TicketCalledEvent,
  TicketIssuedEvent,
  TicketUpdatedEvent,
} from './realtime.schemas.ts';

export const CENTRE_NAMESPACE = '/centre';

export const CentreEvents = {
  snapshot: 'state:snapshot',
  issued: 'ticket:issued',
  called: 'ticket:called',
  updated: 'ticket:updated',
  requestSnapshot: 'snapshot:request',
} as const;

/** What the server sends on `/centre`: displays, consoles, kiosks and status pages listen. */
export interface CentreServerToClient {
  'state:snapshot': (snapshot: Snapshot) => void;
  'ticket:issued': (event: TicketIssuedEvent) => void;
  'ticket:called': (event: TicketCalledEvent) => void;
  'ticket:updated': (event: TicketUpdatedEvent) => void;
}

/** What clients may send on `/centre`. */
export interface CentreClientToServer {
  'snapshot:request': (payload: unknown, ack: (result: Result<Snapshot>) => void) => void;
}

/** A realtime fact as the server core produces it, before the adapter names it. */
export type CentreFact =
  | { type: 'ticket:issued'; centreId: string; payload: TicketIssuedEvent }
  | { type: 'ticket:called'; centreId: string; payload: TicketCalledEvent }
  | { type: 'ticket:updated'; centreId: string; payload: TicketUpdatedEvent };
