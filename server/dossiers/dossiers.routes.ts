import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  DossierBatchBodySchema,
  DossierBatchResultSchema,
  DossierCodeSchema,
  DossierCsvImportBodySchema,
  DossierCsvImportResultSchema,
  DossierReturnBodySchema,
  DossierReturnResultSchema,
  DossierSchema,
  DossierUpsertBodySchema,
  IdSchema,
  MarkDossierReturnedBodySchema,
} from '../../protocol/index.ts';
import type { Deps } from '../kernel/ports.ts';
import { guard, principalOf, staffActor } from '../http/auth.middleware.ts';
import { CentreParams } from '../http/params.schemas.ts';
import { createRouter, errorResponses, jsonBody, jsonOk } from '../http/router.ts';
import { kioskRateLimit } from '../tickets/kiosk-rate-limit.ts';
import { getDossier, importDossierCsv, markDossierReturned, requestReturn, upsertDossiers } from './dossiers.usecases.ts';

const DossierParams = z.object({
  centreId: IdSchema.meta({ param: { name: 'centreId', in: 'path' } }),
  code: DossierCodeSchema.meta({ param: { name: 'code', in: 'path' } }),
});

/**
 * Dossiers (issue #14, docs/dossiers.md): the province dossier system's API (an integration
 * token; admins and province admins too), the admin's CSV import, the kiosk's result return and
 * the officer's hand-over.
 */
export function dossiersRoutes(deps: Deps) {
  const app = createRouter();
  const issueLimit = kioskRateLimit({ clock: deps.clock, settingsOf: (centreId) => deps.store.getSettings(centreId) });

  app.openapi(
    createRoute({
      method: 'put',
      path: '/centres/{centreId}/dossiers/{code}',
      operationId: 'upsertDossier',
      tags: ['dossiers'],
      summary: "Create or replace one dossier as the province's dossier system knows it (a returned dossier cannot go back)",
      ...guard('dossier:sync'),
      request: { params: DossierParams, ...jsonBody(DossierUpsertBodySchema) },
      responses: { ...jsonOk(DossierSchema, 'The dossier as stored'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const { centreId, code } = c.req.valid('param');
      const result = await upsertDossiers(deps, centreId, [{ ...c.req.valid('json'), code }]);
      return c.json(result.dossiers[0]!, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/centres/{centreId}/dossiers/batch',
      operationId: 'upsertDossiers',
      tags: ['dossiers'],
      summary: 'Create or replace up to 1,000 dossiers, all or nothing: one bad row and nothing is written (the error names every bad row)',
      ...guard('dossier:sync'),
      request: { params: CentreParams, ...jsonBody(DossierBatchBodySchema) },
      responses: {
        ...jsonOk(DossierBatchResultSchema, 'How many were created and updated, and the dossiers as stored'),
        ...errorResponses(400, 401, 403, 404),
      },
    }),
    async (c) => c.json(await upsertDossiers(deps, c.req.valid('param').centreId, c.req.valid('json').dossiers), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/centres/{centreId}/dossiers/import',
      operationId: 'importDossiersCsv',
      tags: ['dossiers'],
      summary: 'The admin page\'s CSV import (docs/dossiers.md "CSV format"): valid lines are written, the others listed with their line number and why',
      ...guard('dossier:sync'),
      request: { params: CentreParams, ...jsonBody(DossierCsvImportBodySchema) },
      responses: { ...jsonOk(DossierCsvImportResultSchema, 'Lines accepted, lines rejected'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await importDossierCsv(deps, c.req.valid('param').centreId, c.req.valid('json').csv), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/centres/{centreId}/dossiers/{code}',
      operationId: 'getDossier',
      tags: ['dossiers'],
      summary: "A dossier's state: the dossier system reads back `returned`, when and by whom",
      ...guard('dossier:read'),
      request: { params: DossierParams },
      responses: { ...jsonOk(DossierSchema, 'The dossier'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const { centreId, code } = c.req.valid('param');
      return c.json(await getDossier(deps, centreId, code), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/centres/{centreId}/dossiers/{code}/return',
      operationId: 'markDossierReturned',
      tags: ['dossiers'],
      summary: "The officer hands the result over: the dossier becomes returned, and `dossier.returned` is sent to the centre's dossier webhook",
      ...guard('counter:operate'),
      request: { params: DossierParams, ...jsonBody(MarkDossierReturnedBodySchema) },
      responses: { ...jsonOk(DossierSchema, 'The dossier, returned'), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const { centreId, code } = c.req.valid('param');
      const { ticketId } = c.req.valid('json');
      return c.json(await markDossierReturned(deps, { centreId, code, actor: staffActor(c), ...(ticketId ? { ticketId } : {}) }), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/centres/{centreId}/dossier-returns',
      operationId: 'requestDossierReturn',
      tags: ['dossiers'],
      summary:
        'The kiosk\'s "Nhận kết quả": a ready dossier gets a ticket in its return queue carrying the code; not ready, already returned ' +
        "or unknown (under the centre's unknownDossier setting) get no ticket. Rate-limited per kiosk like issueTicket",
      ...guard('ticket:issue'),
      middleware: [...guard('ticket:issue').middleware, issueLimit],
      request: { params: CentreParams, ...jsonBody(DossierReturnBodySchema) },
      responses: { ...jsonOk(DossierReturnResultSchema, 'What the code leads to'), ...errorResponses(400, 401, 403, 404, 409, 429) },
    }),
    async (c) => {
      const { centreId } = c.req.valid('param');
      const principal = principalOf(c);
      const kioskId = principal.kind === 'device' ? principal.deviceId : null;
      return c.json(await requestReturn(deps, { centreId, code: c.req.valid('json').code, kioskId }), 200);
    },
  );

  return app;
}
