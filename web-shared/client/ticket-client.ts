/**
 * A citizen's phone following one ticket over socket.io `/ticket`: the server sends the
 * ticket's view on connect and again on every change, so the client only validates and keeps
 * the latest. No credentials: the unguessable ticket id in the handshake is the key.
 */
import './zod-config.ts';
import { io, type Socket } from 'socket.io-client';
import { TICKET_NAMESPACE, TicketEvents, type TicketServerToClient } from '../../protocol/events.ts';
import { TicketViewSchema, type TicketView } from '../../protocol/realtime.schemas.ts';
import type { ConnectionStatus } from './centre-client.ts';

export type TicketSocket = Socket<TicketServerToClient, Record<string, never>>;

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
const PERMANENT = new Set(['ticket.not_found', 'request.invalid_payload']);

/**
 * WebSocket first, long-polling only if that fails: a phone keeps one connection (battery), and
 * a refused handshake cannot race a polling request mid-upgrade into "Session ID unknown".
 */
const defaultConnect = (url: string, auth: { ticketId: string }): TicketSocket =>
  io(`${url}${TICKET_NAMESPACE}`, { auth, transports: ['websocket', 'polling'], tryAllTransports: true });

export class TicketClient {
  view: TicketView | null = null;
  status: ConnectionStatus = 'connecting';
  /** The code of a refused handshake (e.g. "ticket.not_found"), if any. */
  lastError: string | null = null;

  private readonly socket: TicketSocket;
  private readonly listeners = new Set<TicketListener>();
  private readonly log: Pick<Console, 'warn'>;
  private readonly retryMs: number;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;

  constructor(options: TicketClientOptions) {
    this.log = options.log ?? console;
    this.retryMs = options.retryMs ?? 3_000;
    this.socket = (options.connect ?? defaultConnect)(options.url ?? '', { ticketId: options.ticketId });

    this.socket.on('connect', () => {
      this.lastError = null;
      this.setStatus('online');
    });
    // A phone sleeps, changes network, or the server restarts: socket.io retries a lost
    // transport itself, but not a refused handshake or a server-side disconnect (`active` false).
    this.socket.on('disconnect', () => {
      this.setStatus('offline');
      this.retryIfIdle();
    });
    this.socket.on('connect_error', (error) => {
      this.lastError = error.message;
      this.status = 'offline';
      this.notify();
      // A wrong link stays wrong (socket.io has already hung up): no retry.
      if (!PERMANENT.has(error.message)) this.retryIfIdle();
    });
    this.socket.on(TicketEvents.status, (payload: unknown) => this.onView(payload));
  }

  /** Calls `listener` now and on every change of view or status; returns the unsubscribe. */
  subscribe(listener: TicketListener): () => void {
    this.listeners.add(listener);
    listener(this);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    this.listeners.clear();
    this.socket.disconnect();
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

  private retryIfIdle(): void {
    if (this.socket.active) return;
    this.schedule(() => this.socket.connect(), this.retryMs);
  }

  private schedule(fn: () => void, ms: number): void {
    if (this.closed) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(fn, ms);
  }

  private setStatus(status: ConnectionStatus): void {
    if (this.status === status) return;
    this.status = status;
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener(this);
  }
}
