import type { Namespace, Server, Socket } from 'socket.io';
import {
  BRIDGE_NAMESPACE,
  BridgeEvents,
  BridgeHandshakeSchema,
  BridgeHeartbeatSchema,
  BridgeHelloSchema,
  DeviceStatusReportSchema,
  PrintAckSchema,
  PrintClaimSchema,
  type BridgeClientToServer,
  type BridgeServerToClient,
  type PrintAck,
} from '../../protocol/index.ts';
import type { Authenticator, Revocation } from '../accounts/authenticator.ts';
import { can } from '../accounts/permissions.ts';
import { bridgeDisconnected, bridgeHello, deviceStatusReported, heartbeat } from './bridge-devices.usecases.ts';
import type { Logger } from '../http/errors.ts';
import { asyncMiddleware, handshakeRefusal } from '../realtime/async-middleware.ts';
import { claimPrintJob } from './print-claims.ts';
import type { BridgeRef, PrintDeps, PrintTransport, Undelivered } from './printing.deps.ts';
import type { RatingDeps } from '../ratings/ratings.deps.ts';
import { attachKeypadEvents, keypadsWelcomed } from '../ratings/keypad.namespace.ts';
import { noPeers, type Peers } from '../realtime/peers.ts';
import { onValidated } from '../realtime/validated.ts';

/** What the `/bridge` handshake leaves on a socket. */
export interface BridgeSocketData {
  bridge: BridgeRef;
}

/** `/bridge`, typed by its one event map (protocol/events.ts): print jobs and keypads alike. */
export type BridgeNamespace = Namespace<BridgeClientToServer, BridgeServerToClient, Record<string, never>, BridgeSocketData>;
export type BridgeSocket = Socket<BridgeClientToServer, BridgeServerToClient, Record<string, never>, BridgeSocketData>;

const key = (b: BridgeRef) => `${b.centreId}/${b.bridgeId}`;

/** The room of a centre's welcomed bridges, on every instance: keypad arms go to it (keypad.namespace.ts). */
export const centreBridgesRoom = (centreId: string) => `bridges:${centreId}`;
/** The room of one welcomed bridge, on whatever instance it is connected to. */
export const bridgeRoom = (b: BridgeRef) => `bridge:${key(b)}`;

/**
 * The bridges connected to this instance, one socket per bridge id (a second process with the
 * same token replaces the first: two bridges driving one printer would print twice). Implements
 * the PrintTransport port for the print use cases; a job or a cancellation for a bridge held by
 * another instance goes to the other instances (`peers`, issue #13).
 */
export function createBridgeRegistry(peers: Peers = noPeers): PrintTransport & {
  set(bridge: BridgeRef, socket: BridgeSocket): BridgeSocket | undefined;
  ready(bridge: BridgeRef, socket: BridgeSocket): void;
  remove(bridge: BridgeRef, socket: BridgeSocket): boolean;
  sockets(): Iterable<BridgeSocket>;
  /** The bridges connected to this instance that said hello. */
  readyBridges(): BridgeRef[];
  /** Tells the bridge, if it is connected to this instance, not to print the job (another instance gave up on it). */
  cancelHere(bridge: BridgeRef, jobId: string, reason: string): void;
} {
  const sockets = new Map<string, { socket: BridgeSocket; ready: boolean }>();
  const cancelHere = (bridge: BridgeRef, jobId: string, reason: string): boolean => {
    const entry = sockets.get(key(bridge));
    if (entry?.ready) entry.socket.emit(BridgeEvents.printCancel, { jobId, reason: reason.slice(0, 300) });
    return entry?.ready === true;
  };
  return {
    cancel(bridge, jobId, reason) {
      if (!cancelHere(bridge, jobId, reason)) peers.emit('print:cancel', { ...bridge, jobId, reason });
    },
    cancelHere(bridge, jobId, reason) {
      cancelHere(bridge, jobId, reason);
    },
    elsewhere: peers.several ? (bridge, jobId) => peers.emit('print:deliver', { ...bridge, jobId }) : undefined,
    readyBridges: () => [...sockets.values()].filter((e) => e.ready).map((e) => e.socket.data.bridge),
    set(bridge, socket) {
      const previous = sockets.get(key(bridge));
      sockets.set(key(bridge), { socket, ready: false });
      return previous?.socket;
    },
    ready(bridge, socket) {
      const entry = sockets.get(key(bridge));
      if (entry?.socket === socket) entry.ready = true;
    },
    remove(bridge, socket) {
      if (sockets.get(key(bridge))?.socket !== socket) return false;
      sockets.delete(key(bridge));
      return true;
    },
    sockets: () => [...sockets.values()].map((e) => e.socket),
    isConnected: (bridge) => sockets.get(key(bridge))?.ready === true,
    send(bridge, job, timeoutMs) {
      const entry = sockets.get(key(bridge));
      if (!entry?.ready) return Promise.resolve<Undelivered>('no_bridge');
      const { socket } = entry;
      return new Promise<PrintAck | Undelivered>((resolve) => {
        const gone = () => resolve('no_answer');
        socket.once('disconnect', gone);
        socket.timeout(timeoutMs).emit(BridgeEvents.printJob, job, (error: Error | null, answer: unknown) => {
          socket.off('disconnect', gone);
          if (error) return resolve('no_answer');
          const parsed = PrintAckSchema.safeParse(answer);
          resolve(
            parsed.success
              ? parsed.data
              : { ok: false, error: { code: 'printer.error', message: 'The bridge answered something that is not a print result.' } },
          );
        });
      });
    },
  };
}

/**
 * `/bridge`: firmware bridges (firmware-bridge/) authenticate with a bridge device token, say
 * hello with their devices, report status and heartbeats, and receive print jobs (acked).
 * Revoking the token closes the connection.
 */
export function attachBridgeNamespace(
  io: Server,
  pd: PrintDeps,
  registry: ReturnType<typeof createBridgeRegistry>,
  log: Logger,
  auth: { authenticator: Authenticator; ratings?: RatingDeps },
): { revoke(r: Revocation): void; stopping(): void } {
  const nsp = io.of(BRIDGE_NAMESPACE) as BridgeNamespace;
  // The server is closing: connections end, but their devices are not "disconnected" on record
  // (the store is closing too); the next start marks every bridge disconnected anyway.
  let stopping = false;

  nsp.use(
    asyncMiddleware('bridge handshake', log, async (socket, next) => {
      const parsed = BridgeHandshakeSchema.safeParse(socket.handshake.auth);
      if (!parsed.success) return next(new Error('request.invalid_payload: handshake needs { token }'));
      try {
        const who = await auth.authenticator.fromDeviceToken(parsed.data.token);
        const principal = who.principal;
        if (principal.kind === 'anonymous') return next(new Error('auth.required'));
        if (principal.kind !== 'device' || !can(principal, 'bridge:act', principal.centreId)) return next(new Error('auth.forbidden'));
        const bridge: BridgeRef = { centreId: principal.centreId, bridgeId: principal.deviceId };
        socket.data.bridge = bridge;
        next();
      } catch (error) {
        log.error('bridge handshake failed', error);
        next(handshakeRefusal(error));
      }
    }),
  );

  nsp.on('connection', (socket) => {
    const bridge: BridgeRef = socket.data.bridge;
    auth.authenticator.keepSeen(socket, bridge.bridgeId);
    const previous = registry.set(bridge, socket);
    if (previous) {
      log.warn(`bridge ${bridge.bridgeId}: a second connection with the same token; the older one is closed`);
      previous.emit(BridgeEvents.replaced, { message: 'Another bridge connected with this token; check that each bridge has its own token.' });
      previous.disconnect(true);
    }
    socket.on(
      BridgeEvents.hello,
      onValidated(
        BridgeHelloSchema,
        async (hello) => {
          const { welcome, afterWelcome } = await bridgeHello(pd, bridge, hello);
          registry.ready(bridge, socket);
          // Keypad arms of its centre reach it from any instance (a room broadcast crosses the adapter).
          await socket.join([centreBridgesRoom(bridge.centreId), bridgeRoom(bridge)]);
          // After the answer has gone out: the bridge knows it is welcome before jobs arrive.
          setImmediate(() => void afterWelcome().catch((error) => log.error(`bridge ${bridge.bridgeId}: delivering pending jobs failed`, error)));
          // Rating keypads (issue #5): counters still armed light their keypads again.
          if (auth.ratings) setImmediate(() => keypadsWelcomed(auth.ratings!, bridge, log));
          return welcome;
        },
        log,
      ),
    );
    if (auth.ratings) attachKeypadEvents(socket, auth.ratings, bridge, log);
    // Right before a job's first byte: may it still print? (print-claims.ts: a fact of the store, any instance sees it)
    socket.on(
      BridgeEvents.printClaim,
      onValidated(PrintClaimSchema, (claim) => claimPrintJob(pd, bridge, claim.jobId), log),
    );
    socket.on(
      BridgeEvents.deviceStatus,
      onValidated(
        DeviceStatusReportSchema,
        async (report) => {
          await deviceStatusReported(pd, bridge, report);
          return { recorded: true as const };
        },
        log,
      ),
    );
    socket.on(
      BridgeEvents.heartbeat,
      onValidated(
        BridgeHeartbeatSchema,
        async (beat) => {
          await heartbeat(pd, bridge, beat);
          return { recorded: true as const };
        },
        log,
      ),
    );
    socket.on('disconnect', (reason) => {
      // A replaced connection says nothing: its successor owns the devices now.
      if (!registry.remove(bridge, socket) || stopping) return;
      void bridgeDisconnected(pd, bridge, reason).catch((error) => log.error(`bridge ${bridge.bridgeId}: recording the disconnect failed`, error));
    });
  });

  return {
    stopping() {
      stopping = true;
    },
    revoke(r) {
      if (r.kind !== 'device') return;
      for (const socket of registry.sockets()) {
        if (socket.data.bridge.bridgeId === r.deviceId) socket.disconnect(true);
      }
    },
  };
}
