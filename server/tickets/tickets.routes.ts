import { createRoute } from '@hono/zod-openapi';
import { IssuedTicketSchema, IssueTicketBodySchema, TicketStatusSchema } from '../../protocol/index.ts';
import type { Deps } from '../kernel/ports.ts';
import { guard, principalOf } from '../http/auth.middleware.ts';
import { kioskRateLimit } from './kiosk-rate-limit.ts';
import { getTicketStatus, issueTicket } from './tickets.usecases.ts';
import { CentreParams, TicketParams } from '../http/params.schemas.ts';
import { createRouter, errorResponses, jsonBody, jsonOk } from '../http/router.ts';

export function ticketsRoutes(deps: Deps) {
  const app = createRouter();
  const issueLimit = kioskRateLimit({ clock: deps.clock, settingsOf: (centreId) => deps.store.getSettings(centreId) });

  app.openapi(
    createRoute({
      method: 'post',
      path: '/centres/{centreId}/tickets',
      operationId: 'issueTicket',
      tags: ['tickets'],
      summary: 'Issue a ticket for a service (what a kiosk tap does); rate-limited per kiosk',
      ...guard('ticket:issue'),
      // After the permission check: only a known kiosk has a bucket.
      middleware: [...guard('ticket:issue').middleware, issueLimit],
      request: { params: CentreParams, ...jsonBody(IssueTicketBodySchema) },
      responses: {
        ...jsonOk(IssuedTicketSchema, 'The new ticket, the people ahead of it, and its print job when the kiosk has a printer'),
        ...errorResponses(400, 401, 403, 404, 409, 429),
      },
    }),
    async (c) => {
      const { centreId } = c.req.valid('param');
      const body = c.req.valid('json');
      const principal = principalOf(c);
      const kioskId = principal.kind === 'device' ? principal.deviceId : null;
      return c.json(await issueTicket(deps, { centreId, ...body, kioskId }), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/tickets/{ticketId}',
      operationId: 'getTicket',
      tags: ['tickets'],
      summary: "A ticket's status; public: the id is unguessable (the citizen's status page)",
      security: [],
      request: { params: TicketParams },
      responses: { ...jsonOk(TicketStatusSchema, 'The ticket and where it stands'), ...errorResponses(400, 404) },
    }),
    async (c) => c.json(await getTicketStatus(deps, c.req.valid('param').ticketId), 200),
  );

  return app;
}
