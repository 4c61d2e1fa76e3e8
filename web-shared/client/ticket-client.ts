/**
 * A citizen's phone following one ticket over socket.io `/ticket`: the server sends the
 * ticket's view on connect and again on every change, so the client only validates and keeps
 * the latest. No credentials: the unguessable ticket id in the handshake is the key.
 */
import './zod-config.ts';
import { io, type Socket } from 'socket.io-client';
import { TICKET_NAMESPACE, TicketEvents, type TicketClientToServer, type TicketServerToClient } from '../../protocol/events.ts';
import { TicketViewSchema, type TicketView } from '../../protocol/realtime.schemas.ts';
import { LiveConnection, TRANSPORTS, type ConnectionStatus } from './live-connection.ts';

export type TicketSocket = Socket<TicketServerToClient, TicketClientToServer>;

export interface TicketClientOptions {
  ticketId: string;
  /** Server origin; empty means the page's own origin. */
  url?: string;
  /** Makes the socket; tests pass a fake. */
  connect?: (url: string, auth: { ticketId: string }) => TicketSocket;
  log?: Pick<Console, 'warn'>;
  /** Pause before reconnecting after the server refused us or closed the connection itself. */
  retryMs?: number;
}

export type TicketListener = (client: TicketClient) => void;

/** Handshake refusals that no retry can fix: the link is wrong (or from another server). */
const PERMANENT: ReadonlySet<string> = new Set(['ticket.not_found', 'request.invalid_payload']);

/** WebSocket first, long-polling only if that fails (live-connection.ts TRANSPORTS); socket.io's own backoff. */
const defaultConnect = (url: string, auth: { ticketId: string }): TicketSocket => io(`${url}${TICKET_NAMESPACE}`, { auth, ...TRANSPORTS });

export class TicketClient {
  view: TicketView | null = null;

  private readonly link: LiveConnection;
  private readonly listeners = new Set<TicketListener>();
  private readonly log: Pick<Console, 'warn'>;

  constructor(options: TicketClientOptions) {
    this.log = options.log ?? console;
    const socket = (options.connect ?? defaultConnect)(options.url ?? '', { ticketId: options.ticketId });
    // A phone sleeps, changes network, or the server restarts: the shared loop retries what
    // socket.io does not, except a wrong link.
    this.link = new LiveConnection(socket, { retryMs: options.retryMs ?? 3_000, permanent: PERMANENT, onChange: () => this.notify() });
    socket.on(TicketEvents.status, (payload: unknown) => this.onView(payload));
  }

  get status(): ConnectionStatus {
    return this.link.status;
  }

  /** The code of a refused handshake (e.g. "ticket.not_found"), if any. */
  get lastError(): string | null {
    return this.link.lastError;
  }

  /** Calls `listener` now and on every change of view or status; returns the unsubscribe. */
  subscribe(listener: TicketListener): () => void {
    this.listeners.add(listener);
    listener(this);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.listeners.clear();
    this.link.close();
  }

  private onView(payload: unknown): void {
    const parsed = TicketViewSchema.safeParse(payload);
    if (!parsed.success) {
      this.log.warn('[luot] ignoring invalid ticket:status', parsed.error.issues);
      return;
    }
    this.view = parsed.data;
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener(this);
  }
}
