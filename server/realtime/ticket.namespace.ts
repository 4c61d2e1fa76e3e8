import type { Server } from 'socket.io';
import { TICKET_NAMESPACE, TicketEvents, TicketHandshakeSchema, type CentreFact } from '../../protocol/index.ts';
import type { Logger } from '../http/errors.ts';
import type { Deps, Notifier } from '../ports.ts';
import { getTicketView } from '../tickets.usecases.ts';

const room = (centreId: string) => `status:${centreId}`;
/** Facts come in bursts at a busy centre; recompute each phone's view at most this often. */
const REFRESH_MS = 300;

/**
 * `/ticket`: a citizen's phone follows one ticket. The unguessable ticket id is the key; the
 * client gets its ticket's view on connect and again whenever a fact of its centre changes it.
 */
export function attachTicketNamespace(io: Server, deps: Deps, log: Logger): Notifier {
  const nsp = io.of(TICKET_NAMESPACE);
  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  nsp.use(async (socket, next) => {
    const parsed = TicketHandshakeSchema.safeParse(socket.handshake.auth);
    if (!parsed.success) return next(new Error('request.invalid_payload'));
    const ticket = await deps.store.getTicket(parsed.data.ticketId);
    if (!ticket) return next(new Error('ticket.not_found'));
    socket.data.ticketId = ticket.id;
    socket.data.centreId = ticket.centreId;
    next();
  });

  const push = async (socket: { data: { ticketId: string; last?: string }; emit: (e: string, v: unknown) => void }) => {
    const view = await getTicketView(deps, socket.data.ticketId);
    const json = JSON.stringify(view);
    if (json === socket.data.last) return;
    socket.data.last = json;
    socket.emit(TicketEvents.status, view);
  };

  nsp.on('connection', async (socket) => {
    await socket.join(room(socket.data.centreId));
    await push(socket as never).catch((error) => log.error('ticket view failed', error));
  });

  const refresh = async (centreId: string) => {
    timers.delete(centreId);
    for (const socket of await nsp.in(room(centreId)).fetchSockets()) {
      await push(socket as never).catch((error) => log.error('ticket view failed', error));
    }
  };

  return {
    publish(fact: CentreFact) {
      if (timers.has(fact.centreId)) return;
      const timer = setTimeout(() => void refresh(fact.centreId), REFRESH_MS);
      timer.unref?.();
      timers.set(fact.centreId, timer);
    },
  };
}
