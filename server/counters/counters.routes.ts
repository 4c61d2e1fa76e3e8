import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { z } from 'zod';
import {
  CallTicketBodySchema,
  CounterActionBodySchema,
  CounterViewSchema,
  GrantPriorityBodySchema,
  ResumeTicketBodySchema,
  TicketStatusSchema,
  TransferTicketBodySchema,
} from '../../protocol/index.ts';
import * as calls from './calls.usecases.ts';
import * as counters from './counters.usecases.ts';
import type { Deps } from '../kernel/ports.ts';
import { grantPriority } from '../tickets/tickets.usecases.ts';
import { staffActor } from '../http/auth.middleware.ts';
import { CentreParams, CounterParams } from '../http/params.schemas.ts';
import { createRouter, errorResponses, jsonBody, jsonOk } from '../http/router.ts';

interface Action {
  path: string;
  operationId: string;
  summary: string;
  body: z.ZodType;
  response: 'ticket' | 'counter';
  run: (deps: Deps, input: any) => Promise<unknown>;
}

const ticketAction = (path: string, operationId: string, summary: string, run: Action['run'], body: z.ZodType = CounterActionBodySchema): Action => ({
  path,
  operationId,
  summary,
  body,
  response: 'ticket',
  run,
});
const counterAction = (path: string, operationId: string, summary: string, run: Action['run']): Action => ({
  path,
  operationId,
  summary,
  body: CounterActionBodySchema,
  response: 'counter',
  run,
});

/** Every counter button of the console; each is one use case, one operationId. */
const actions: Action[] = [
  counterAction('open', 'openCounter', 'Open the counter: the officer now holds it', counters.openCounter),
  counterAction('close', 'closeCounter', 'Close the counter (nothing may be attended)', counters.closeCounter),
  counterAction('pause', 'pauseCounter', 'Pause for a break: the counter calls nobody', counters.pauseCounter),
  counterAction('resume', 'resumeCounter', 'End the break', counters.resumeCounter),
  counterAction('force-close', 'forceCloseCounter', 'Admin: free the counter; an attended ticket returns to its queue', counters.forceCloseCounter),
  ticketAction('call-next', 'callNext', 'Call the next ticket by the counter and centre policy', calls.callNext),
  ticketAction('call', 'callTicket', 'Call a specific ticket by number or id', calls.callTicket, CallTicketBodySchema),
  ticketAction('recall', 'recallTicket', 'Repeat the call; past the recall limit the ticket is a no-show', calls.recallTicket),
  ticketAction('start-serving', 'startServing', 'The called citizen has arrived; service starts', calls.startServing),
  ticketAction('finish', 'finishTicket', 'Finish the ticket this counter is attending', calls.finishTicket),
  ticketAction('no-show', 'markNoShow', 'The called citizen did not come', calls.markNoShow),
  ticketAction(
    'transfer',
    'transferTicket',
    'Send the ticket to another service or counter, keeping its place',
    calls.transferTicket,
    TransferTicketBodySchema,
  ),
  ticketAction('park', 'parkTicket', 'Set the ticket aside while the citizen fetches a document', calls.parkTicket),
  ticketAction('resume-ticket', 'resumeTicket', 'Call a parked ticket back to this counter', calls.resumeTicket, ResumeTicketBodySchema),
];

export function countersRoutes(deps: Deps) {
  const app = createRouter();
  for (const action of actions) {
    const response = action.response === 'ticket' ? TicketStatusSchema : CounterViewSchema;
    app.openapi(
      createRoute({
        method: 'post',
        path: `/centres/{centreId}/counters/{counterId}/${action.path}`,
        operationId: action.operationId,
        summary: action.summary,
        tags: ['counters'],
        request: { params: CounterParams, ...jsonBody(action.body) },
        responses: { ...jsonOk(response, 'The result of the action'), ...errorResponses(400, 401, 403, 404, 409) },
      }),
      async (c: Context) => {
        const params = (c.req as any).valid('param');
        const body = (c.req as any).valid('json');
        // The table above pairs each use case with its response schema; zod-openapi cannot see it.
        return c.json(await action.run(deps, { ...params, ...body, actor: staffActor(c) }), 200) as never;
      },
    );
  }

  app.openapi(
    createRoute({
      method: 'post',
      path: '/centres/{centreId}/grant-priority',
      operationId: 'grantPriority',
      summary: 'Grant a priority group to a waiting ticket, with a reason kept in the audit trail',
      tags: ['tickets'],
      request: { params: CentreParams, ...jsonBody(GrantPriorityBodySchema) },
      responses: { ...jsonOk(TicketStatusSchema, 'The ticket with its priority'), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const { centreId } = c.req.valid('param');
      const body = c.req.valid('json');
      return c.json(await grantPriority(deps, { centreId, ...body, actor: staffActor(c) }), 200);
    },
  );
  return app;
}
