import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { DeviceViewSchema, IdSchema, ListPrintJobsQuerySchema, PrintJobViewSchema, ReprintTicketBodySchema } from '../../protocol/index.ts';
import { listDevices } from './bridge-devices.usecases.ts';
import { getPrintJob, listPrintJobs, reprintTicket } from './print-jobs.usecases.ts';
import type { PrintDeps } from './printing.deps.ts';
import { guard, principalOf, staffActor } from '../http/auth.middleware.ts';
import { CentreParams } from '../http/params.schemas.ts';
import { createRouter, errorResponses, jsonBody, jsonOk } from '../http/router.ts';

const pathId = (name: string) => IdSchema.meta({ param: { name, in: 'path' } });
const JobParams = z.object({ jobId: pathId('jobId') });
const CentreTicketParams = z.object({ centreId: pathId('centreId'), ticketId: pathId('ticketId') });

/**
 * Print jobs and bridge devices (issue #4). A kiosk follows its own jobs (and, in demo mode,
 * sees the simulated printout); staff and managers see every job and device of their centre
 * — failed prints, printers out of paper — and reprint a ticket.
 */
export function printJobsRoutes(pd: PrintDeps, options: { previewDir: string | null }) {
  const app = createRouter();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/print-jobs/{jobId}',
      operationId: 'getPrintJob',
      tags: ['printing'],
      summary: 'A print job: whether the ticket came out of the printer. A kiosk sees its own jobs only',
      ...guard('ticket:issue'),
      request: { params: JobParams },
      responses: { ...jsonOk(PrintJobViewSchema, 'The job'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await getPrintJob(pd, c.req.valid('param').jobId, principalOf(c)), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/print-jobs/{jobId}/preview.png',
      operationId: 'getPrintJobPreview',
      tags: ['printing'],
      summary: "The ticket as a simulated printer printed it (demo mode, `--simulate`); 204 for a real printer's job (no image)",
      ...guard('ticket:issue'),
      request: { params: JobParams },
      responses: {
        200: { description: 'The printed ticket, 1 bit per dot', content: { 'image/png': { schema: z.string().meta({ format: 'binary' }) } } },
        204: { description: 'No image: the job went to a real printer (or is not printed yet)' },
        ...errorResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const job = await getPrintJob(pd, c.req.valid('param').jobId, principalOf(c));
      const png = options.previewDir ? await readFile(join(options.previewDir, `${job.id}.png`)).catch(() => null) : null;
      // Not an error: a real printer's job simply has no picture (and the kiosk's console stays clean).
      if (!png) return c.body(null, 204);
      return c.body(new Uint8Array(png), 200, { 'content-type': 'image/png', 'cache-control': 'private, max-age=3600' });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/centres/{centreId}/print-jobs',
      operationId: 'listPrintJobs',
      tags: ['printing'],
      summary: "The centre's print jobs, newest first; `status=failed` or `abandoned` for the tickets that did not print",
      ...guard('printing:manage'),
      request: { params: CentreParams, query: ListPrintJobsQuerySchema },
      responses: { ...jsonOk(z.array(PrintJobViewSchema), 'Print jobs'), ...errorResponses(400, 401, 403) },
    }),
    async (c) => c.json(await listPrintJobs(pd, c.req.valid('param').centreId, c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/centres/{centreId}/devices',
      operationId: 'listDevices',
      tags: ['printing'],
      summary: 'Printers (and keypads) the bridges announced, with their last status and whether their bridge is connected',
      ...guard('printing:manage'),
      request: { params: CentreParams },
      responses: { ...jsonOk(z.array(DeviceViewSchema), 'Devices'), ...errorResponses(400, 401, 403) },
    }),
    async (c) => c.json(await listDevices(pd, c.req.valid('param').centreId), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/centres/{centreId}/tickets/{ticketId}/reprint',
      operationId: 'reprintTicket',
      tags: ['printing'],
      summary: "Print a ticket again, on its kiosk's printer or on `kioskId`'s (a new job)",
      ...guard('printing:manage'),
      request: { params: CentreTicketParams, ...jsonBody(ReprintTicketBodySchema) },
      responses: { ...jsonOk(PrintJobViewSchema, 'The new print job'), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const { centreId, ticketId } = c.req.valid('param');
      return c.json(await reprintTicket(pd, { centreId, ticketId, actor: staffActor(c), ...c.req.valid('json') }), 200);
    },
  );

  return app;
}
