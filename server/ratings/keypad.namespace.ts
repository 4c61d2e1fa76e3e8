import type { Server } from 'socket.io';
import { BRIDGE_NAMESPACE, CENTRE_NAMESPACE, KeypadEvents, KeypadPressSchema, RATING_NAMESPACE, RatingEvents } from '../../protocol/index.ts';
import type { Logger } from '../http/errors.ts';
import type { BridgeRef } from '../printing/printing.deps.ts';
import type { KeypadTransport, RatingDeps, RatingNotifier } from './ratings.deps.ts';
import { keypadPressed, rearmBridge } from './ratings.usecases.ts';
import { centreRoom, type CentreNamespace } from '../centres/centre.namespace.ts';
import { bridgeRoom, centreBridgesRoom, type BridgeNamespace, type BridgeSocket } from '../printing/bridge.namespace.ts';
import { ratingScreenRoom, type RatingNamespace } from './rating.namespace.ts';
import { onValidated } from '../realtime/validated.ts';

/**
 * KeypadTransport over the welcomed bridges of every instance: an arm goes to the room of the
 * centre's bridges on `/bridge` (each lights the keypads its config puts at that counter), which
 * the adapter carries to the bridges connected to other instances (issue #13). Fire-and-forget,
 * because a bridge that misses one is re-armed with what is left when it says hello again.
 */
export function createKeypadTransport(io: Server): KeypadTransport {
  const nsp = io.of(BRIDGE_NAMESPACE) as BridgeNamespace;
  return {
    arm(centreId, arm) {
      nsp.to(centreBridgesRoom(centreId)).emit(KeypadEvents.arm, arm);
    },
    disarm(centreId, disarm) {
      nsp.to(centreBridgesRoom(centreId)).emit(KeypadEvents.disarm, disarm);
    },
    armBridge(bridge, arm) {
      nsp.to(bridgeRoom(bridge)).emit(KeypadEvents.arm, arm);
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
