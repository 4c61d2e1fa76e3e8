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
    // Join before reading the snapshot: a fact committed meanwhile arrives after it, and the
    // client drops facts its snapshot already covers (seq ≤ snapshot.seq).
    await socket.join(room(centreId));
    try {
      socket.emit(CentreEvents.snapshot, await getSnapshot(deps, centreId));
    } catch (error) {
      log.error('snapshot failed', error);
      socket.disconnect(true);
      return;
    }
    socket.on(
      CentreEvents.requestSnapshot,
      onValidated(z.object({}).strict(), () => getSnapshot(deps, centreId), log),
    );
  });

  return {
    publish(fact: CentreFact) {
      nsp.to(room(fact.centreId)).emit(fact.type, fact.payload as never);
    },
  };
}
