import type { KeypadArm, KeypadDisarm, RatingArmView, RatingView } from '../../protocol/index.ts';
import type { Deps } from '../kernel/ports.ts';
import type { BridgeRef } from '../printing/printing.deps.ts';

/**
 * Reaches the rating keypads through their bridges; the socket.io `/bridge` namespace implements
 * it. A keypad's counter is in its bridge's config, so an arm goes to every connected bridge of
 * the centre (through any server instance) and each lights the keypads it has at that counter.
 */
export interface KeypadTransport {
  /** Every welcomed bridge of the centre, on whatever instance it is connected to. */
  arm(centreId: string, arm: KeypadArm): void;
  disarm(centreId: string, disarm: KeypadDisarm): void;
  /** One bridge only: the arms still open when it (re)connects. */
  armBridge(bridge: BridgeRef, arm: KeypadArm): void;
}

/** Where rating facts go: the `/centre` room of the centre (consoles, the rating screen). */
export interface RatingNotifier {
  armed(view: RatingArmView): void;
  recorded(rating: RatingView): void;
}

/** What the rating use cases need beyond the common Deps. */
export interface RatingDeps extends Deps {
  keypads: KeypadTransport;
  ratingNotifier: RatingNotifier;
  log: { info(m: string, e?: unknown): void; warn(m: string, e?: unknown): void; error(m: string, e?: unknown): void };
}
