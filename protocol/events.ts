/**
 * Socket.io event maps: the one place event names live, one ServerToClient and one
 * ClientToServer map per namespace (`/centre`, `/ticket`, `/bridge`, `/rating`), used by the
 * server's `io.of(...)` and by the clients' sockets alike. Facts are past tense
 * (`ticket:called`), commands imperative (`snapshot:request`).
 */
import type { Result } from './errors.ts';
import type { AlertChangedEvent } from './alerts.schemas.ts';
import type {
  BridgeHeartbeat,
  BridgeHello,
  BridgeWelcome,
  DeviceStatusReport,
  PrintAck,
  PrintCancel,
  PrintClaim,
  PrintClaimAnswer,
  PrintJob,
} from './bridge.schemas.ts';
import type { DeviceView, PrintJobView } from './print.schemas.ts';
import type { KeypadArm, KeypadDisarm, KeypadPress, PressResult, RatingArmView, RatingRecordedEvent } from './rating.schemas.ts';
import type { TicketView, CounterUpdatedEvent, Snapshot, TicketCalledEvent, TicketIssuedEvent, TicketUpdatedEvent } from './realtime.schemas.ts';

/** A direction of a namespace in which nothing is sent. */
export type NoEvents = Record<string, never>;

// ─── /centre ────────────────────────────────────────────────────────────────────────────────

export const CENTRE_NAMESPACE = '/centre';

export const CentreEvents = {
  snapshot: 'state:snapshot',
  issued: 'ticket:issued',
  called: 'ticket:called',
  updated: 'ticket:updated',
  counterUpdated: 'counter:updated',
  alertChanged: 'alert:changed',
  requestSnapshot: 'snapshot:request',
} as const;

/**
 * `/centre` facts about printing and bridge devices (issue #4), sent to the centre's room beside
 * the sequenced facts. They carry no `seq`: they are not queue state, a client that missed one
 * asks the API (getPrintJob, listDevices).
 */
export const PrintEvents = { status: 'print:status', deviceUpdated: 'device:updated' } as const;

/**
 * `/centre` (and `/rating`) facts about ratings, unsequenced like print facts (not queue state):
 * a counter's keypad and rating screen were armed (`rating:armed`, the RatingArm view), and a
 * ticket got its rating (`rating:recorded`).
 */
export const RatingEvents = { armed: 'rating:armed', recorded: 'rating:recorded' } as const;

/**
 * Everything the server sends on `/centre` (displays, consoles, kiosks and status pages listen):
 * the snapshot and the sequenced queue facts, then the unsequenced print and rating facts.
 */
export interface CentreServerToClient {
  'state:snapshot': (snapshot: Snapshot) => void;
  'ticket:issued': (event: TicketIssuedEvent) => void;
  'ticket:called': (event: TicketCalledEvent) => void;
  'ticket:updated': (event: TicketUpdatedEvent) => void;
  'counter:updated': (event: CounterUpdatedEvent) => void;
  /** A print job changed status (created, sent, printed, failed, abandoned). */
  'print:status': (job: PrintJobView) => void;
  /** A bridge device's status or connection changed. */
  'device:updated': (device: DeviceView) => void;
  'rating:armed': (arm: RatingArmView) => void;
  'rating:recorded': (event: RatingRecordedEvent) => void;
  /** An SLA alert was raised, changed or cleared (issue #14, docs/alerts.md); sequenced. */
  'alert:changed': (event: AlertChangedEvent) => void;
}

/** What clients may send on `/centre`. */
export interface CentreClientToServer {
  'snapshot:request': (payload: unknown, ack: (result: Result<Snapshot>) => void) => void;
}

/** A realtime fact as the server core produces it, before the adapter names it. */
export type CentreFact =
  | { type: 'ticket:issued'; centreId: string; payload: TicketIssuedEvent }
  | { type: 'ticket:called'; centreId: string; payload: TicketCalledEvent }
  | { type: 'ticket:updated'; centreId: string; payload: TicketUpdatedEvent }
  | { type: 'counter:updated'; centreId: string; payload: CounterUpdatedEvent }
  | { type: 'alert:changed'; centreId: string; payload: AlertChangedEvent }
  /** Configuration changed (services, counters, settings): everyone gets a fresh snapshot. */
  | { type: 'state:snapshot'; centreId: string; payload: Snapshot };

// ─── /ticket ────────────────────────────────────────────────────────────────────────────────

/** Public namespace for a citizen's status page: one ticket, no centre-wide data. */
export const TICKET_NAMESPACE = '/ticket';

export const TicketEvents = { status: 'ticket:status' } as const;

export interface TicketServerToClient {
  /** Sent on connect and whenever the ticket's position, estimate or state changes. */
  'ticket:status': (view: TicketView) => void;
}

/** A phone only listens. */
export type TicketClientToServer = NoEvents;

// ─── /bridge ────────────────────────────────────────────────────────────────────────────────

/** Namespace of the firmware bridges (firmware-bridge/): a bridge device token in `auth.token`. */
export const BRIDGE_NAMESPACE = '/bridge';

export const BridgeEvents = {
  hello: 'bridge:hello',
  deviceStatus: 'device:status',
  heartbeat: 'bridge:heartbeat',
  printJob: 'print:job',
  printClaim: 'print:claim',
  printCancel: 'print:cancel',
  replaced: 'bridge:replaced',
} as const;

/**
 * Rating keypads (issue #5) on `/bridge`, beside the print events: a bridge forwards each press
 * from its outbox (acked once the server has committed it, or knows it already); the server arms
 * and disarms the keypads of a counter. Payloads: protocol/rating.schemas.ts.
 */
export const KeypadEvents = {
  press: 'rating:press',
  arm: 'keypad:arm',
  disarm: 'keypad:disarm',
} as const;

/** What a bridge sends. Every payload is validated on the server (onValidated). */
export interface BridgeClientToServer {
  'bridge:hello': (hello: BridgeHello, ack: (result: Result<BridgeWelcome>) => void) => void;
  'device:status': (report: DeviceStatusReport, ack?: (result: Result<{ recorded: true }>) => void) => void;
  'bridge:heartbeat': (heartbeat: BridgeHeartbeat, ack?: (result: Result<{ recorded: true }>) => void) => void;
  /** Right before a job's first byte goes to the printer: may it still print? (bridge.schemas.ts) */
  'print:claim': (claim: PrintClaim, ack: (result: Result<PrintClaimAnswer>) => void) => void;
  /** A keypad press from the bridge's outbox, acked once committed (or known already). */
  'rating:press': (press: KeypadPress, ack: (result: Result<PressResult>) => void) => void;
}

/** What the server sends a bridge: print jobs, each answered once (PrintAck), and keypad arms. */
export interface BridgeServerToClient {
  'print:job': (job: PrintJob, ack: (result: PrintAck) => void) => void;
  /** The server abandoned the job: the bridge must not print it. */
  'print:cancel': (cancel: PrintCancel) => void;
  /** Another connection with the same token took over (two bridges share a token?): back off. */
  'bridge:replaced': (info: { message: string }) => void;
  'keypad:arm': (arm: KeypadArm) => void;
  'keypad:disarm': (disarm: KeypadDisarm) => void;
}

/** The keypads' share of `/bridge` (firmware-bridge/keypad/): views of the one map, not maps of their own. */
export type KeypadClientToServer = Pick<BridgeClientToServer, 'rating:press'>;
export type KeypadServerToClient = Pick<BridgeServerToClient, 'keypad:arm' | 'keypad:disarm'>;

// ─── /rating ────────────────────────────────────────────────────────────────────────────────

/**
 * Namespace of the rating screens (issue #10): a rating-screen device token in `auth.token`; the
 * screen receives the same two rating facts, for its own counter only, and nothing else of its centre.
 */
export const RATING_NAMESPACE = '/rating';

export type RatingServerToClient = Pick<CentreServerToClient, 'rating:armed' | 'rating:recorded'>;

/** A rating screen only listens (its presses go through the API, recordRating). */
export type RatingClientToServer = NoEvents;
