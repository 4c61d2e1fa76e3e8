import { createRoute } from '@hono/zod-openapi';
import { IssueTicketBodySchema, TicketStatusSchema } from '../../protocol/index.ts';
import type { Deps } from '../ports.ts';
import { getTicketStatus, issueTicket } from '../tickets.usecases.ts';
import { CentreParams, TicketParams } from './params.schemas.ts';
import { createRouter, errorResponses, jsonBody, jsonOk } from './router.ts';

export function ticketsRoutes(deps: Deps) {
  const app = createRouter();

  app.openapi(
    createRoute({
      method: 'post',
      path: '/centres/{centreId}/tickets',
      operationId: 'issueTicket',
      tags: ['tickets'],
      summary: 'Issue a ticket for a service (what a kiosk tap does)',
      request: { params: CentreParams, ...jsonBody(IssueTicketBodySchema) },
      responses: { ...jsonOk(TicketStatusSchema, 'The new ticket and the people ahead of it'), ...errorResponses(400, 404, 409) },
    }),
    async (c) => {
      const { centreId } = c.req.valid('param');
      const { serviceId } = c.req.valid('json');
      return c.json(await issueTicket(deps, { centreId, serviceId }), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/tickets/{ticketId}',
      operationId: 'getTicket',
      tags: ['tickets'],
      request: { params: TicketParams },
      responses: { ...jsonOk(TicketStatusSchema, 'The ticket and where it stands'), ...errorResponses(400, 404) },
    }),
    async (c) => c.json(await getTicketStatus(deps, c.req.valid('param').ticketId), 200),
  );

  return app;
}
