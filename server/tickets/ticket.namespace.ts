import type { Namespace, Server } from 'socket.io';
import {
  TICKET_NAMESPACE,
  TicketEvents,
  TicketHandshakeSchema,
  type CentreFact,
  type TicketClientToServer,
  type TicketServerToClient,
  type TicketView,
} from '../../protocol/index.ts';
import { clientAddress } from '../http/client-address.ts';
import type { Logger } from '../http/errors.ts';
import { asyncMiddleware, handshakeRefusal } from '../realtime/async-middleware.ts';
import type { Deps, Notifier } from '../kernel/ports.ts';
import { noPeers, type Peers } from '../realtime/peers.ts';
import { readTicketViews } from './ticket-views.usecases.ts';
import { createFollowers, mayHaveChanged, nothingTouched, touch, type FollowerLimits, type Touched } from './ticket-followers.ts';

/** `/ticket`, typed by its event map (protocol/events.ts); the handshake leaves the ticket id on the socket. */
export type TicketNamespace = Namespace<TicketClientToServer, TicketServerToClient, Record<string, never>, { ticketId: string }>;

const room = (ticketId: string) => `ticket:${ticketId}`;
/** Facts come in bursts at a busy centre; recompute the followed tickets at most this often. */
const REFRESH_MS = 300;
/** Followed tickets whose views are read in one go before other work gets a turn. */
const BATCH = 20;

/**
 * `/ticket`: a citizen's phone follows one ticket. The unguessable ticket id is the key; the
 * client gets its ticket's view on connect and again whenever a fact of its centre changes it.
 * Every ticket has a room: after a burst of facts each followed ticket's view is computed once
 * (in one read for the whole centre, and only for tickets the facts can have changed) and sent to
 * its room, however many sockets follow it. Sockets per ticket and per client address are capped
 * (config TICKET_FOLLOWERS_PER_TICKET / _PER_ADDRESS, per instance); an extra one is refused at
 * the handshake. With several instances each refreshes its own followers: a burst of facts on one
 * is told to the others (`peers`, one message per burst), which refresh theirs.
 */
export function attachTicketNamespace(
  io: Server,
  deps: Deps,
  log: Logger,
  limits: FollowerLimits & { trustedProxies?: readonly string[] },
  peers: Peers = noPeers,
): Notifier {
  const nsp = io.of(TICKET_NAMESPACE) as TicketNamespace;
  const followers = createFollowers(limits);
  const trusted = new Set(limits.trustedProxies ?? []);
  // Per centre, what the facts of the current burst touched; `tell`: some were this instance's
  // own, so the other instances must hear of the burst too (their followers are theirs to refresh).
  const pending = new Map<string, { touched: Touched; tell: boolean }>();
  // A flood is refused by the thousand: say so in the log once a minute, not once a socket.
  let refused = 0;
  let loggedAt = -Infinity;
  const noteRefusal = (address: string, code: string) => {
    refused += 1;
    const now = deps.clock.now().getTime();
    if (now - loggedAt < 60_000) return;
    log.warn(`/ticket: refused ${refused} follower socket(s) in the last minute (latest: ${address}, ${code})`);
    loggedAt = now;
    refused = 0;
  };

  nsp.use(
    asyncMiddleware('ticket handshake', log, async (socket, next) => {
      const parsed = TicketHandshakeSchema.safeParse(socket.handshake.auth);
      if (!parsed.success) return next(new Error('request.invalid_payload'));
      let ticket;
      try {
        ticket = await deps.store.getTicket(parsed.data.ticketId);
      } catch (error) {
        log.error('ticket handshake failed', error);
        return next(handshakeRefusal(error));
      }
      if (!ticket) return next(new Error('ticket.not_found'));
      // Behind a trusted reverse proxy, the phone's own address (TRUSTED_PROXIES, X-Forwarded-For).
      const forwarded = socket.handshake.headers['x-forwarded-for'];
      const address = clientAddress(socket.handshake.address, typeof forwarded === 'string' ? forwarded : undefined, trusted);
      const place = followers.admit(ticket.id, ticket.centreId, address);
      if ('refused' in place) {
        noteRefusal(address, place.refused);
        return next(new Error(place.refused));
      }
      // The place is given back when the socket leaves, or when its connection closes before it joins.
      const release = () => {
        place.release();
        socket.conn.off('close', release);
      };
      socket.once('disconnect', release);
      socket.conn.once('close', release);
      socket.data.ticketId = ticket.id;
      next();
    }),
  );

  const remember = (ticketId: string, view: TicketView) => {
    const followed = followers.tickets.get(ticketId);
    const json = JSON.stringify(view);
    if (!followed || followed.last?.json === json) return false;
    followed.last = { json, view, state: view.ticket.state, counterId: view.ticket.counterId };
    return true;
  };

  nsp.on('connection', async (socket) => {
    const ticketId: string = socket.data.ticketId;
    await socket.join(room(ticketId));
    const known = followers.tickets.get(ticketId)?.last;
    if (known) return void socket.emit(TicketEvents.status, known.view as TicketView);
    try {
      const view = (await readTicketViews(deps, [ticketId])).get(ticketId);
      if (!view) return;
      remember(ticketId, view);
      socket.emit(TicketEvents.status, view);
    } catch (error) {
      log.error('ticket view failed', error);
    }
  });

  const refresh = async (centreId: string) => {
    const burst = pending.get(centreId) ?? { touched: nothingTouched(), tell: false };
    pending.delete(centreId);
    const { touched } = burst;
    // Several instances (issue #13): one message per burst, whoever follows the centre's tickets there.
    if (burst.tell && peers.several) {
      peers.emit('tickets:touched', { centreId, all: touched.all, queue: touched.queue, tickets: [...touched.tickets], counters: [...touched.counters] });
    }
    const ids = followers.ofCentre(centreId).filter((id) => mayHaveChanged(touched, id, followers.tickets.get(id)!));
    try {
      // In batches, letting requests in between: a kiosk's ticket must not wait for every phone.
      for (let i = 0; i < ids.length; i += BATCH) {
        if (i > 0) await new Promise((resolve) => setImmediate(resolve));
        for (const [id, view] of await readTicketViews(deps, ids.slice(i, i + BATCH))) {
          // To this instance's followers only: every instance refreshes its own (peers above).
          if (remember(id, view)) nsp.local.to(room(id)).emit(TicketEvents.status, view);
        }
      }
    } catch (error) {
      log.error('ticket views failed', error);
    }
  };

  /** The burst of `centreId` (started, with its refresh in REFRESH_MS, if none is under way). */
  const burstOf = (centreId: string) => {
    let burst = pending.get(centreId);
    if (!burst) {
      burst = { touched: nothingTouched(), tell: false };
      pending.set(centreId, burst);
      setTimeout(() => void refresh(centreId), REFRESH_MS).unref?.();
    }
    return burst;
  };

  // Another instance's burst: refresh this instance's followers of that centre (never told back).
  peers.on('tickets:touched', (message) => {
    if (!pending.has(message.centreId) && followers.ofCentre(message.centreId).length === 0) return;
    const { touched } = burstOf(message.centreId);
    touched.all ||= message.all;
    touched.queue ||= message.queue;
    for (const id of message.tickets) touched.tickets.add(id);
    for (const id of message.counters) touched.counters.add(id);
  });

  return {
    publish(fact: CentreFact) {
      // Nobody follows a ticket of this centre here, and no other instance to tell.
      if (!pending.has(fact.centreId) && !peers.several && followers.ofCentre(fact.centreId).length === 0) return;
      const burst = burstOf(fact.centreId);
      burst.tell = true;
      touch(burst.touched, fact);
    },
  };
}
