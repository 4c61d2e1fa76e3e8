import type { Server } from 'socket.io';
import { CENTRE_NAMESPACE, KeypadEvents, KeypadPressSchema, RATING_NAMESPACE, RatingEvents } from '../../protocol/index.ts';
import type { Logger } from '../http/errors.ts';
import type { BridgeRef } from '../printing/printing.deps.ts';
import type { KeypadTransport, RatingDeps, RatingNotifier } from './ratings.deps.ts';
import { keypadPressed, rearmBridge } from './ratings.usecases.ts';
import { centreRoom, type CentreNamespace } from '../centres/centre.namespace.ts';
import type { BridgeSocket } from '../printing/bridge.namespace.ts';
import { ratingScreenRoom, type RatingNamespace } from './rating.namespace.ts';
import { onValidated } from '../realtime/validated.ts';

/** The part of the bridge registry (bridge.namespace.ts) the keypads use. */
export interface BridgeSockets {
  sockets(): Iterable<BridgeSocket>;
  isConnected(bridge: BridgeRef): boolean;
}

/** Set by the `/bridge` handshake; read defensively, a registry is not obliged to hold only welcomed sockets. */
const bridgeOf = (socket: BridgeSocket): BridgeRef | undefined => socket.data?.bridge;

/**
 * KeypadTransport over the connected bridges: an arm goes to every welcomed bridge of the centre
 * (each lights the keypads its config puts at that counter); fire-and-forget, because a bridge
 * that misses one is re-armed with what is left when it says hello again.
 */
export function createKeypadTransport(registry: BridgeSockets): KeypadTransport {
  const bridgesOf = (centreId: string) =>
    [...registry.sockets()].filter((s) => {
      const b = bridgeOf(s);
      return b !== undefined && b.centreId === centreId && registry.isConnected(b);
    });
  return {
    arm(centreId, arm) {
      const sockets = bridgesOf(centreId);
      for (const s of sockets) s.emit(KeypadEvents.arm, arm);
      return sockets.length;
    },
    disarm(centreId, disarm) {
      for (const s of bridgesOf(centreId)) s.emit(KeypadEvents.disarm, disarm);
    },
    armBridge(bridge, arm) {
      for (const s of registry.sockets()) {
        const b = bridgeOf(s);
        if (b?.centreId === bridge.centreId && b.bridgeId === bridge.bridgeId) s.emit(KeypadEvents.arm, arm);
      }
    },
  };
}

/**
 * The keypads' events on one bridge connection: `rating:press`, validated, decided and committed
 * before the acknowledgement (so the bridge drops a press from its outbox only once it is safe).
 */
export function attachKeypadEvents(socket: BridgeSocket, rd: RatingDeps, bridge: BridgeRef, log: Logger): void {
  socket.on(
    KeypadEvents.press,
    onValidated(KeypadPressSchema, (press) => keypadPressed(rd, bridge, press), log),
  );
}

/** After a bridge's hello: it lights the keypads of counters still armed (a restart on either side loses nothing). */
export function keypadsWelcomed(rd: RatingDeps, bridge: BridgeRef, log: Logger): void {
  void rearmBridge(rd, bridge).catch((error) => log.error(`bridge ${bridge.bridgeId}: re-arming its keypads failed`, error));
}

/**
 * Rating facts to the centre's `/centre` room (unsequenced, like print facts), and to the
 * counter's rating screens on `/rating` (rating.namespace.ts).
 */
export function createRatingNotifier(io: Server): RatingNotifier {
  const nsp = io.of(CENTRE_NAMESPACE) as CentreNamespace;
  const screens = io.of(RATING_NAMESPACE) as RatingNamespace;
  return {
    armed: (view) => {
      nsp.to(centreRoom(view.centreId)).emit(RatingEvents.armed, view);
      screens.to(ratingScreenRoom(view.centreId, view.counterId)).emit(RatingEvents.armed, view);
    },
    recorded: (rating) => {
      nsp.to(centreRoom(rating.centreId)).emit(RatingEvents.recorded, { rating });
      screens.to(ratingScreenRoom(rating.centreId, rating.counterId)).emit(RatingEvents.recorded, { rating });
    },
  };
}
