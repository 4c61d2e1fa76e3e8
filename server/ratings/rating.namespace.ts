import type { Namespace, Server } from 'socket.io';
import { z } from 'zod';
import { RATING_NAMESPACE, type RatingClientToServer, type RatingServerToClient } from '../../protocol/index.ts';
import type { Authenticator, Revocation } from '../accounts/authenticator.ts';
import type { Logger } from '../http/errors.ts';
import { asyncMiddleware, handshakeRefusal } from '../realtime/async-middleware.ts';

/** The room of one counter's rating screens. */
export const ratingScreenRoom = (centreId: string, counterId: string) => `rating:${centreId}:${counterId}`;

/** What the `/rating` handshake leaves on a socket. */
export interface RatingSocketData {
  deviceId: string;
  room: string;
}

/** `/rating`, typed by its event map (protocol/events.ts); the rating notifier emits through it. */
export type RatingNamespace = Namespace<RatingClientToServer, RatingServerToClient, Record<string, never>, RatingSocketData>;

const HandshakeSchema = z.object({ token: z.string().min(1).max(300) });

/**
 * `/rating`: a counter's rating screen (a device paired with that one counter, issue #10) hears
 * when its counter is armed and when a rating is recorded there — from its keypad too — and
 * nothing else: the screen has no `centre:read`, so it never joins `/centre`. The facts come from
 * the rating notifier (keypad.namespace.ts). A revoked token is disconnected at once.
 */
export function attachRatingNamespace(io: Server, log: Logger, auth: { authenticator: Authenticator }): { revoke(r: Revocation): void } {
  const nsp = io.of(RATING_NAMESPACE) as RatingNamespace;

  nsp.use(
    asyncMiddleware('rating screen handshake', log, async (socket, next) => {
      const parsed = HandshakeSchema.safeParse(socket.handshake.auth);
      if (!parsed.success) return next(new Error('request.invalid_payload'));
      try {
        const { principal } = await auth.authenticator.authenticate({ bearer: parsed.data.token });
        if (principal.kind === 'anonymous') return next(new Error('auth.required'));
        if (principal.kind !== 'device' || principal.deviceKind !== 'rating-screen' || !principal.counterId) return next(new Error('auth.forbidden'));
        socket.data.deviceId = principal.deviceId;
        socket.data.room = ratingScreenRoom(principal.centreId, principal.counterId);
        next();
      } catch (error) {
        log.error('rating screen handshake failed', error);
        next(handshakeRefusal(error));
      }
    }),
  );

  nsp.on('connection', (socket) => {
    auth.authenticator.keepSeen(socket, socket.data.deviceId);
    void socket.join(socket.data.room);
  });

  return {
    revoke(r: Revocation) {
      if (r.kind !== 'device') return;
      for (const socket of nsp.sockets.values()) if (socket.data.deviceId === r.deviceId) socket.disconnect(true);
    },
  };
}
