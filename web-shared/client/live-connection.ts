/**
 * The one reconnect loop of the live clients (centre-client.ts on `/centre`, ticket-client.ts on
 * `/ticket`): the connection status a page shows as its offline banner, the last handshake
 * refusal, and retrying what socket.io does not retry by itself. DOM-free; tested with a fake socket.
 */
import type { ManagerOptions } from 'socket.io-client';

export type ConnectionStatus = 'connecting' | 'online' | 'offline';

/**
 * WebSocket first, long-polling only if that fails (`tryAllTransports`). socket.io's default
 * (polling, then an upgrade to WebSocket) has a race at every server restart: a server stopping
 * mid-upgrade closes the probe WebSocket while the client waits for its last poll to return, and
 * the client then sends its "upgrade" packet on the closing socket (Chromium logs "WebSocket is
 * already in CLOSING or CLOSED state."; the packet is lost). One connection from the start has no
 * upgrade, is back one round trip sooner after a restart, keeps a phone's battery, and a refused
 * handshake cannot race a polling request mid-upgrade into "Session ID unknown".
 */
export const TRANSPORTS: Pick<ManagerOptions, 'transports' | 'tryAllTransports'> = { transports: ['websocket', 'polling'], tryAllTransports: true };

/** The part of a socket.io client socket the loop drives (a fake one in tests). */
export interface LoopSocket {
  readonly connected: boolean;
  /** False once socket.io has given up by itself: a refused handshake or a server-side disconnect. */
  readonly active: boolean;
  connect(): unknown;
  disconnect(): unknown;
  on(event: 'connect', listener: () => void): unknown;
  on(event: 'disconnect', listener: (reason: string) => void): unknown;
  on(event: 'connect_error', listener: (error: Error) => void): unknown;
}

export interface LiveConnectionOptions {
  /** Pause before reconnecting after the server refused us or closed the connection itself. */
  retryMs: number;
  /** Handshake refusals that no retry can fix (a wrong link): the loop stops there. */
  permanent?: ReadonlySet<string>;
  /** Called whenever `status` or `lastError` changes. */
  onChange: () => void;
}

export class LiveConnection {
  status: ConnectionStatus = 'connecting';
  /** The handshake error the server gave last (e.g. "centre.not_found"); cleared on connect. */
  lastError: string | null = null;

  private timer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;

  constructor(
    private readonly socket: LoopSocket,
    private readonly options: LiveConnectionOptions,
  ) {
    socket.on('connect', () => this.set('online', null));
    // socket.io retries a lost transport (server restart, network drop, a phone waking up) by
    // itself, with its own backoff, but not a refused handshake nor a disconnect the server sent
    // on purpose: `active` is then false. A hall display has nobody to press reload, so we retry
    // those too.
    socket.on('disconnect', () => {
      this.set('offline', this.lastError);
      this.retryIfIdle();
    });
    socket.on('connect_error', (error) => {
      this.set('offline', error.message);
      // A wrong link stays wrong (socket.io has already hung up): no retry.
      if (!options.permanent?.has(error.message)) this.retryIfIdle();
    });
  }

  /** True when connected now; else makes sure a connection attempt is under way. */
  ensureConnected(): boolean {
    if (this.closed) return false;
    if (this.socket.connected) return true;
    if (!this.socket.active) this.socket.connect();
    return false;
  }

  /** The connection looks dead (it did not answer): open it afresh instead of waiting for the heartbeat. */
  reopen(): void {
    if (this.closed) return;
    this.socket.disconnect();
    this.socket.connect();
  }

  /** Runs `fn` after `ms`, replacing whatever was scheduled; nothing once closed. */
  schedule(fn: () => void, ms: number): void {
    if (this.closed) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(fn, ms);
  }

  get isClosed(): boolean {
    return this.closed;
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    this.socket.disconnect();
  }

  private retryIfIdle(): void {
    if (this.socket.active) return;
    this.schedule(() => this.socket.connect(), this.options.retryMs);
  }

  private set(status: ConnectionStatus, lastError: string | null): void {
    if (this.status === status && this.lastError === lastError) return;
    this.status = status;
    this.lastError = lastError;
    this.options.onChange();
  }
}
