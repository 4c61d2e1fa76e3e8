import type { Server } from 'socket.io';
import type { Revocation } from '../accounts/authenticator.ts';
import type { AdapterKind } from './adapter.ts';

/**
 * What one server instance asks the others (docs/deployment.md, "Several instances"): messages
 * between instances, not to clients. Each goes through the adapter's `io.serverSideEmit` and is
 * heard by every *other* instance; with one process (the in-memory adapter) nobody else exists
 * and nothing is sent.
 */
export interface PeerMessages {
  /** A print job whose bridge this instance does not hold: the instance that holds it delivers it. */
  'print:deliver': { centreId: string; bridgeId: string; jobId: string };
  /** The server gave up on a job: the instance holding its bridge tells it not to print it. */
  'print:cancel': { centreId: string; bridgeId: string; jobId: string; reason: string };
  /** Credentials were revoked: every instance disconnects its own sockets made with them. */
  revoke: Revocation;
  /** A burst of facts of a centre touched these tickets and counters (`/ticket` followers refresh). */
  'tickets:touched': { centreId: string; all: boolean; queue: boolean; tickets: string[]; counters: string[] };
}

export type PeerEvent = keyof PeerMessages;

export interface Peers {
  /** Whether other instances may exist (an adapter that crosses processes). */
  readonly several: boolean;
  /** Tells every other instance; fire-and-forget (pub/sub keeps nothing: each use has its safety net). */
  emit<E extends PeerEvent>(event: E, message: PeerMessages[E]): void;
  /** What to do when another instance says `event`. */
  on<E extends PeerEvent>(event: E, handler: (message: PeerMessages[E]) => void): void;
  /** The server is stopping: later messages (a timer firing) are dropped, not sent on closed connections. */
  stop(): void;
}

const PREFIX = 'luot:';

/** Peers over socket.io's main namespace: `io.serverSideEmit` out, `io.on` in. */
export function createPeers(io: Server, kind: AdapterKind): Peers {
  const several = kind !== 'memory';
  let stopped = false;
  return {
    several,
    stop() {
      stopped = true;
    },
    emit(event, message) {
      // The in-memory adapter only warns that it cannot: with one process there is no one to tell.
      // Stopping: the adapter's connections are closing (the Redis client rejects, unhandled).
      if (!several || stopped) return;
      io.serverSideEmit(PREFIX + event, message);
    },
    on(event, handler) {
      if (several) io.on(PREFIX + event, (message: PeerMessages[typeof event]) => handler(message));
    },
  };
}

/** For tests and tools that run a module without a socket server: no other instance. */
export const noPeers: Peers = { several: false, emit: () => undefined, on: () => undefined, stop: () => undefined };
