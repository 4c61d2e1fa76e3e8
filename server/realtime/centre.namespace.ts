import type { Server } from 'socket.io';
import { z } from 'zod';
import {
  CENTRE_NAMESPACE,
  CentreEvents,
  CentreHandshakeSchema,
  type CentreClientToServer,
  type CentreFact,
  type CentreServerToClient,
} from '../../protocol/index.ts';
import { getSnapshot } from '../centres.usecases.ts';
import type { Logger } from '../http/errors.ts';
import type { Deps, Notifier } from '../ports.ts';
import { onValidated } from './validated.ts';

const room = (centreId: string) => `centre:${centreId}`;

/**
 * `/centre`: displays, consoles, kiosks and status pages. A client names its centre in the
 * handshake, gets a full snapshot first, then every fact with the centre's sequence number.
 */
export function attachCentreNamespace(io: Server, deps: Deps, log: Logger): Notifier {
  const nsp = io.of(CENTRE_NAMESPACE) as ReturnType<Server<CentreClientToServer, CentreServerToClient>['of']>;

  nsp.use(async (socket, next) => {
    const parsed = CentreHandshakeSchema.safeParse(socket.handshake.auth);
    if (!parsed.success) return next(new Error('request.invalid_payload: handshake needs { centreId }'));
    if (!(await deps.store.getCentre(parsed.data.centreId))) return next(new Error('centre.not_found'));
    socket.data.centreId = parsed.data.centreId;
    next();
  });

  nsp.on('connection', async (socket) => {
    const centreId: string = socket.data.centreId;
    // Listen before any await: a client may ask for a snapshot as soon as it is connected.
    socket.on(
      CentreEvents.requestSnapshot,
      onValidated(z.object({}).strict(), () => getSnapshot(deps, centreId), log),
    );
    try {
      // Snapshot first, then join, so the snapshot is always the first event. A fact committed
      // between the read and the join went to the room without this socket: catch up with a
      // second snapshot (clients drop facts their snapshot already covers, seq ≤ snapshot.seq).
      const snapshot = await getSnapshot(deps, centreId);
      socket.emit(CentreEvents.snapshot, snapshot);
      await socket.join(room(centreId));
      if ((await deps.store.currentSeq(centreId)) > snapshot.seq) {
        socket.emit(CentreEvents.snapshot, await getSnapshot(deps, centreId));
      }
    } catch (error) {
      log.error('snapshot failed', error);
      socket.disconnect(true);
    }
  });

  return {
    publish(fact: CentreFact) {
      nsp.to(room(fact.centreId)).emit(fact.type, fact.payload as never);
    },
  };
}
