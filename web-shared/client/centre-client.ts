/**
 * Live centre state over socket.io `/centre`: a snapshot on every (re)connect, then sequenced
 * facts folded in by the pure reducer (centre-state.ts). A missed fact (sequence gap) asks the
 * server for a fresh snapshot instead of replaying history. Payloads are validated with the
 * protocol schemas: TypeScript types on socket payloads are not validation.
 */
import './zod-config.ts';
import { io, type Socket } from 'socket.io-client';
import type { z } from 'zod';
import { CENTRE_NAMESPACE, CentreEvents, type CentreClientToServer, type CentreServerToClient } from '../../protocol/events.ts';
import {
  CounterUpdatedEventSchema,
  SnapshotSchema,
  TicketCalledEventSchema,
  TicketIssuedEventSchema,
  TicketUpdatedEventSchema,
} from '../../protocol/realtime.schemas.ts';
import { AlertChangedEventSchema } from '../../protocol/alerts.schemas.ts';
import { applyEvent, applySnapshot, type CentreEventName, type CentreState, type LiveFact } from './centre-state.ts';
import { LiveConnection, TRANSPORTS, type ConnectionStatus } from './live-connection.ts';

export { TRANSPORTS, type ConnectionStatus };

export type CentreSocket = Socket<CentreServerToClient, CentreClientToServer>;

export interface CentreClientOptions {
  centreId: string;
  /** A kiosk's or display's device token; staff pages send none (the browser sends the cookie). */
  token?: string | null;
  /** Server origin; empty means the page's own origin. */
  url?: string;
  /** Makes the socket; tests pass a fake. */
  connect?: (url: string, auth: CentreAuth) => CentreSocket;
  log?: Pick<Console, 'warn'>;
  /** How long a snapshot request may take before it is retried. */
  snapshotTimeoutMs?: number;
  /** Pause before reconnecting after the server refused us or closed the connection itself. */
  retryMs?: number;
}

export type CentreListener = (client: CentreClient) => void;

const eventSchemas = {
  'ticket:issued': TicketIssuedEventSchema,
  'ticket:called': TicketCalledEventSchema,
  'ticket:updated': TicketUpdatedEventSchema,
  'counter:updated': CounterUpdatedEventSchema,
  'alert:changed': AlertChangedEventSchema,
} satisfies Record<CentreEventName, z.ZodType>;

/** The handshake (protocol/realtime.schemas.ts CentreHandshakeSchema). */
export type CentreAuth = { centreId: string; token?: string };

/**
 * socket.io retries a lost connection by itself with a growing pause, 5 s at most by default.
 * A display must be right again within 2 s of the network (or the server) coming back, so the
 * pause stays between 0.5 and 1 s: a few hundred tiny handshakes per minute per display while
 * the server is away, nothing while it is up.
 */
export const RECONNECT = { reconnectionDelay: 500, reconnectionDelayMax: 1000, randomizationFactor: 0.5 } as const;

/** WebSocket first, polling as a fallback (live-connection.ts TRANSPORTS), with the quick retries above. */
const defaultConnect = (url: string, auth: CentreAuth): CentreSocket => io(`${url}${CENTRE_NAMESPACE}`, { auth, ...TRANSPORTS, ...RECONNECT });

export class CentreClient {
  state: CentreState | null = null;
  /** The fact behind the last change of `state`; null when a snapshot made it (anything may have changed). */
  lastFact: LiveFact | null = null;

  private readonly socket: CentreSocket;
  private readonly link: LiveConnection;
  private readonly listeners = new Set<CentreListener>();
  private readonly log: Pick<Console, 'warn'>;
  private readonly snapshotTimeoutMs: number;
  private requesting = false;

  constructor(options: CentreClientOptions) {
    this.log = options.log ?? console;
    this.snapshotTimeoutMs = options.snapshotTimeoutMs ?? 5_000;
    const auth: CentreAuth = options.token ? { centreId: options.centreId, token: options.token } : { centreId: options.centreId };
    this.socket = (options.connect ?? defaultConnect)(options.url ?? '', auth);
    // Connect, offline banner and retries (also after centre.namespace.ts disconnected us because
    // it could not read the snapshot): the shared loop.
    this.link = new LiveConnection(this.socket, { retryMs: options.retryMs ?? 2_000, onChange: () => this.notify() });
    this.socket.on(CentreEvents.snapshot, (payload) => this.onSnapshot(payload, true));
    for (const name of Object.keys(eventSchemas) as CentreEventName[]) {
      this.socket.on(name, (payload: unknown) => this.onEvent(name, payload));
    }
  }

  get status(): ConnectionStatus {
    return this.link.status;
  }

  /** The handshake error the server gave last (e.g. "centre.not_found"), if any. */
  get lastError(): string | null {
    return this.link.lastError;
  }

  /** Calls `listener` now and on every change of state or status; returns the unsubscribe. */
  subscribe(listener: CentreListener): () => void {
    this.listeners.add(listener);
    listener(this);
    return () => this.listeners.delete(listener);
  }

  /**
   * Makes sure the state is current now (the network just came back, the screen woke up): asks
   * for a snapshot, and if the connection does not answer within `snapshotTimeoutMs` it is
   * treated as dead and opened afresh, rather than waiting for socket.io's heartbeat to notice.
   */
  refresh(): void {
    if (!this.link.ensureConnected()) return;
    this.requestSnapshot(() => {
      this.log.warn('[luot] the connection did not answer; reconnecting');
      this.link.reopen();
    });
  }

  close(): void {
    this.listeners.clear();
    this.link.close();
  }

  private onSnapshot(payload: unknown, authoritative: boolean): void {
    const parsed = SnapshotSchema.safeParse(payload);
    if (!parsed.success) {
      this.log.warn('[luot] ignoring invalid snapshot', parsed.error.issues);
      return;
    }
    // The connect snapshot always wins (the server may have been reset); an answer to our own
    // request may be older than facts that arrived meanwhile, in order, and is then redundant.
    if (!authoritative && this.state && parsed.data.seq < this.state.seq) return;
    this.state = applySnapshot(parsed.data);
    this.lastFact = null;
    this.notify();
  }

  private onEvent(name: CentreEventName, payload: unknown): void {
    const parsed = eventSchemas[name].safeParse(payload);
    if (!parsed.success) {
      // Ignored; the next valid fact shows a gap and brings a snapshot.
      this.log.warn(`[luot] ignoring invalid ${name}`, parsed.error.issues);
      return;
    }
    // Facts committed before the snapshot was read arrive first; the snapshot covers them.
    if (!this.state) return;
    const result = applyEvent(this.state, name, parsed.data as never);
    if (result.state !== this.state) {
      this.state = result.state;
      this.lastFact = { name, payload: parsed.data } as LiveFact;
      this.notify();
    }
    // Resync by sequence number: a missed fact asks for a snapshot instead of replaying history.
    if (result.gap) this.requestSnapshot();
  }

  private requestSnapshot(onTimeout?: () => void): void {
    if (this.requesting || this.link.isClosed || !this.socket.connected) return;
    this.requesting = true;
    this.socket.timeout(this.snapshotTimeoutMs).emit(CentreEvents.requestSnapshot, {}, (err, result) => {
      this.requesting = false;
      if (err && onTimeout && this.socket.connected) {
        onTimeout();
        return;
      }
      if (err || !result.ok) {
        this.log.warn('[luot] snapshot request failed; retrying', err ?? result);
        this.link.schedule(() => this.requestSnapshot(), 1_000);
        return;
      }
      this.onSnapshot(result.data, false);
    });
  }

  private notify(): void {
    for (const listener of this.listeners) listener(this);
  }
}
