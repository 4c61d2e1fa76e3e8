import { io, type Socket } from 'socket.io-client';
import { CENTRE_NAMESPACE, type CentreClientToServer, type CentreServerToClient } from '../../protocol/index.ts';
import { DEMO_TOKENS } from '../../server/demo/demo-accounts.ts';

export type CentreSocket = Socket<CentreServerToClient, CentreClientToServer>;

/** The handshake of the demo centre's hall display (its demo device token). */
export const DEMO_DISPLAY_AUTH = { centreId: 'demo', token: DEMO_TOKENS.display };

export interface Received {
  event: string;
  payload: any;
}

export interface RecordingClient {
  socket: CentreSocket;
  /** Every event received, in arrival order, since the socket was created. */
  received: Received[];
  /** Resolves with the first received event (from `from` on) matching, waiting up to `timeoutMs`. */
  waitFor(match: (r: Received) => boolean, options?: { from?: number; timeoutMs?: number }): Promise<Received>;
  close(): void;
}

/**
 * A `/centre` client that records events from before its first connection, so the snapshot
 * sent on connect cannot be missed. Does not connect until `connect()`.
 */
export function centreClient(
  url: string,
  auth: unknown,
  options: { transports?: ('websocket' | 'polling')[]; headers?: Record<string, string> } = {},
): RecordingClient {
  const socket: CentreSocket = io(`${url}${CENTRE_NAMESPACE}`, {
    auth: auth as Record<string, unknown>,
    autoConnect: false,
    reconnection: false,
    forceNew: true,
    transports: options.transports ?? ['websocket'],
    // What a browser sends by itself: the session cookie and its Origin.
    extraHeaders: options.headers,
  });
  const received: Received[] = [];
  const waiters = new Set<() => void>();
  socket.onAny((event: string, payload: unknown) => {
    received.push({ event, payload });
    for (const w of [...waiters]) w();
  });
  return {
    socket,
    received,
    waitFor(match, { from = 0, timeoutMs = 5000 } = {}) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const hit = received.slice(from).find(match);
          if (!hit) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(hit);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`timed out waiting for an event; received: ${received.map((r) => r.event).join(', ') || 'nothing'}`));
        }, timeoutMs);
        if (!check()) waiters.add(check);
      });
    },
    close: () => {
      socket.disconnect();
    },
  };
}

/** Connects and resolves once connected, or rejects with the connect_error. */
export function connect(socket: CentreSocket, timeoutMs = 5000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('connect timed out')), timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve();
    });
    socket.once('connect_error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    socket.connect();
  });
}
