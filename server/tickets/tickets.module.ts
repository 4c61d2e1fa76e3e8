import type { LuotModule, ModuleContext } from '../kernel/module.ts';
import { attachTicketNamespace } from './ticket.namespace.ts';
import { ticketsRoutes } from './tickets.routes.ts';

/** Tickets: issuing (the kiosk), a ticket's status, priority grants, and /ticket for citizens' phones. */
export function ticketsModule(ctx: ModuleContext): LuotModule {
  return {
    name: 'tickets',
    guards: [['POST', '/centres/:centreId/grant-priority', 'counter:operate']],
    routes: (deps) => [ticketsRoutes(deps)],
    sockets: (deps) => ({
      facts: attachTicketNamespace(
        ctx.io,
        deps,
        ctx.log,
        {
          perTicket: ctx.config.TICKET_FOLLOWERS_PER_TICKET,
          perAddress: ctx.config.TICKET_FOLLOWERS_PER_ADDRESS,
          trustedProxies: ctx.config.TRUSTED_PROXIES,
        },
        ctx.peers,
      ),
    }),
  };
}
