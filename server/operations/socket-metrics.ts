import type { Server } from 'socket.io';
import { BRIDGE_NAMESPACE, CENTRE_NAMESPACE, RATING_NAMESPACE, TICKET_NAMESPACE } from '../../protocol/index.ts';
import type { CentreSocketData } from '../centres/centre.namespace.ts';
import type { Store } from '../kernel/store.port.ts';
import type { BridgeSocketData } from '../printing/bridge.namespace.ts';
import type { RatingSocketData } from '../ratings/rating.namespace.ts';
import { Tally, type Family } from './exposition.ts';

/** A /rating socket's room is `rating:<centre>:<counter>` (rating.namespace.ts, ratingScreenRoom). */
const RATING_ROOM = /^rating:(.+):[^:]+$/;

/** Where each namespace's handshake leaves the socket's centre; /ticket keeps only the ticket id. */
const centreIn: Record<string, (data: unknown) => string | undefined> = {
  [CENTRE_NAMESPACE]: (d) => (d as Partial<CentreSocketData>).centreId,
  [BRIDGE_NAMESPACE]: (d) => (d as Partial<BridgeSocketData>).bridge?.centreId,
  [RATING_NAMESPACE]: (d) => RATING_ROOM.exec((d as Partial<RatingSocketData>).room ?? '')?.[1],
};

/**
 * The sockets connected to this process, by namespace and centre, read from socket.io at scrape
 * time. A /ticket socket names its ticket only: the ticket's centre is read once per followed
 * ticket and remembered while anyone follows it (a ticket never changes centre).
 */
export function createSocketMetrics(io: Server, store: Pick<Store, 'getTicket'>) {
  const centreOfTicket = new Map<string, string>();

  async function ticketCentres(ticketIds: Set<string>): Promise<void> {
    for (const id of centreOfTicket.keys()) if (!ticketIds.has(id)) centreOfTicket.delete(id);
    for (const id of ticketIds) {
      if (centreOfTicket.has(id)) continue;
      const ticket = await store.getTicket(id);
      if (ticket) centreOfTicket.set(id, ticket.centreId);
    }
  }

  return {
    /** A failed read of a ticket's centre is told to `storeFailed`; its sockets count under centre "". */
    async families(storeFailed: (error: unknown) => void): Promise<Family[]> {
      const tally = new Tally();
      const followed: string[] = [];
      for (const namespace of [CENTRE_NAMESPACE, TICKET_NAMESPACE, BRIDGE_NAMESPACE, RATING_NAMESPACE]) {
        for (const socket of io.of(namespace).sockets.values()) {
          const data: unknown = socket.data ?? {};
          if (namespace === TICKET_NAMESPACE) followed.push(String((data as { ticketId?: unknown }).ticketId ?? ''));
          else tally.add({ namespace, centre: centreIn[namespace]!(data) ?? '' });
        }
      }
      await ticketCentres(new Set(followed)).catch(storeFailed);
      for (const id of followed) tally.add({ namespace: TICKET_NAMESPACE, centre: centreOfTicket.get(id) ?? '' });
      return [
        {
          name: 'luot_socket_connections',
          help: 'socket.io connections to this process, by namespace and centre ("" when not known).',
          type: 'gauge',
          samples: tally.samples(),
        },
      ];
    },
  };
}
