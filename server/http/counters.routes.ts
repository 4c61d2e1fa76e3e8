import { createRoute } from '@hono/zod-openapi';
import { CounterActionBodySchema, TicketStatusSchema, type TicketStatus } from '../../protocol/index.ts';
import {
  callNext,
  finishTicket,
  markNoShow,
  startServing,
  type CounterActionInput,
} from '../counters.usecases.ts';
import type { Deps } from '../ports.ts';
import { CounterParams } from './params.schemas.ts';
import { createRouter, errorResponses, jsonBody, jsonOk } from './router.ts';

type CounterUseCase = (deps: Deps, input: CounterActionInput) => Promise<TicketStatus>;

const actions: { path: string; operationId: string; summary: string; run: CounterUseCase }[] = [
  { path: 'call-next', operationId: 'callNext', summary: 'Call the next waiting ticket to this counter', run: callNext },
  { path: 'start-serving', operationId: 'startServing', summary: 'The called citizen has arrived; service starts', run: startServing },
  { path: 'finish', operationId: 'finishTicket', summary: 'Finish the ticket this counter is attending', run: finishTicket },
  { path: 'no-show', operationId: 'markNoShow', summary: 'The called citizen did not come', run: markNoShow },
];

export function countersRoutes(deps: Deps) {
  const app = createRouter();
  for (const action of actions) {
    app.openapi(
      createRoute({
        method: 'post',
        path: `/centres/{centreId}/counters/{counterId}/${action.path}`,
        operationId: action.operationId,
        summary: action.summary,
        tags: ['counters'],
        request: { params: CounterParams, ...jsonBody(CounterActionBodySchema) },
        responses: { ...jsonOk(TicketStatusSchema, 'The ticket after the action'), ...errorResponses(400, 404, 409) },
      }),
      async (c) => {
        const params = c.req.valid('param');
        const body = c.req.valid('json');
        return c.json(await action.run(deps, { ...params, ...body }), 200);
      },
    );
  }
  return app;
}
