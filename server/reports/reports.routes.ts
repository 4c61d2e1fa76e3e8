import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import { IdSchema, type Language } from '../../protocol/index.ts';
import { TicketHistorySchema } from '../../protocol/ticket-history.schemas.ts';
import {
  BusiestHoursQuerySchema,
  BusiestHoursSchema,
  LiveReportSchema,
  RatingSummaryQuerySchema,
  RatingSummarySchema,
  TicketLogQuerySchema,
  TicketLogSchema,
  TimeSummaryQuerySchema,
  TimeSummarySchema,
} from '../../protocol/reports.schemas.ts';
import type { Deps } from '../kernel/ports.ts';
import type { Logger } from '../http/errors.ts';
import { CSV_CONTENT_TYPE } from './csv.export.ts';
import { exportResponse, type ExportFormat } from './export-stream.ts';
import { streamedTable } from './export.models.ts';
import { liveReport } from './live-report.usecases.ts';
import { ratingSummaryTable } from './log-tables.models.ts';
import { ratingSummary } from './rating-report.usecases.ts';
import type { ReportTable } from './table.models.ts';
import { getTicketHistory } from './ticket-history.usecases.ts';
import { ticketLogExport } from './ticket-log.export.ts';
import { ticketLog } from './ticket-log.usecases.ts';
import { busiestHours, timeSummary } from './time-report.usecases.ts';
import { busiestHoursTable, timeSummaryTable } from './time-tables.models.ts';
import { XLSX_CONTENT_TYPE } from './xlsx.export.ts';
import { guard } from '../http/auth.middleware.ts';
import { CentreParams } from '../http/params.schemas.ts';
import { createRouter, errorResponses } from '../http/router.ts';

/** A report's 200: JSON, or its table as a download (`format=csv|xlsx`). */
export const reportOk = <T extends z.ZodType>(schema: T, description: string) => ({
  200: {
    description: `${description}. With format=csv or xlsx: the table as a streamed download (Content-Disposition: attachment; X-Luot-Export-Rows: its rows, announced before the first; a failure after the first byte cuts the response).`,
    content: {
      'application/json': { schema },
      [CSV_CONTENT_TYPE]: { schema: z.string() },
      [XLSX_CONTENT_TYPE]: { schema: z.string().meta({ format: 'binary' }) },
    },
  },
});

/**
 * Answers with the table as CSV or XLSX, named for what it holds, streamed like the ticket log
 * (export-stream.ts): one page, so the file goes out as soon as it is written.
 */
export async function download(_c: Context, format: ExportFormat, table: ReportTable): Promise<Response> {
  return exportResponse(format, streamedTable(table));
}

const tags = ['reports'];

const TicketHistoryParams = CentreParams.extend({ ticketId: IdSchema.meta({ param: { name: 'ticketId', in: 'path' } }) });

/**
 * Managers' reports (issue #6, docs/reports.md), for managers and admins (`reports:read`). Date
 * ranges are local dates in the centre's zone; `format=csv|xlsx` downloads the report's table.
 */
export function reportsRoutes(deps: Deps, log?: Pick<Logger, 'error'>) {
  const app = createRouter();
  const errors = errorResponses(400, 401, 403, 404);

  app.openapi(
    createRoute({
      method: 'get',
      path: '/centres/{centreId}/reports/live',
      operationId: 'liveReport',
      tags,
      summary: 'Today so far: waiting per service, who serves where, longest wait, paused counters, device health',
      ...guard('reports:read'),
      request: { params: CentreParams },
      responses: { 200: { description: 'The live view', content: { 'application/json': { schema: LiveReportSchema } } }, ...errors },
    }),
    async (c) => c.json(await liveReport(deps, c.req.valid('param').centreId), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/centres/{centreId}/reports/time-summary',
      operationId: 'timeSummary',
      tags,
      summary: 'Tickets issued, served, no-show, transferred, expired; waiting and service times (p50/p90/max, distribution) per group',
      ...guard('reports:read'),
      request: { params: CentreParams, query: TimeSummaryQuerySchema },
      responses: { ...reportOk(TimeSummarySchema, 'The summary'), ...errors },
    }),
    async (c) => {
      const { centreId } = c.req.valid('param');
      const q = c.req.valid('query');
      const summary = await timeSummary(deps, centreId, q);
      if (q.format !== 'json') return download(c, q.format, timeSummaryTable(summary, q.lang));
      return c.json(summary, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/centres/{centreId}/reports/busiest-hours',
      operationId: 'busiestHours',
      tags,
      summary: 'Tickets issued per local hour and weekday',
      ...guard('reports:read'),
      request: { params: CentreParams, query: BusiestHoursQuerySchema },
      responses: { ...reportOk(BusiestHoursSchema, 'Hours and weekdays'), ...errors },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const hours = await busiestHours(deps, c.req.valid('param').centreId, q);
      if (q.format !== 'json') return download(c, q.format, busiestHoursTable(hours, q.lang));
      return c.json(hours, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/centres/{centreId}/reports/rating-summary',
      operationId: 'ratingSummary',
      tags,
      summary: 'Ratings per level, share satisfied (top two levels), response rate (rated ÷ served), refused presses, per group',
      ...guard('reports:read'),
      request: { params: CentreParams, query: RatingSummaryQuerySchema },
      responses: { ...reportOk(RatingSummarySchema, 'The summary'), ...errors },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const summary = await ratingSummary(deps, c.req.valid('param').centreId, q);
      if (q.format !== 'json') return download(c, q.format, ratingSummaryTable(summary, q.lang));
      return c.json(summary, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/centres/{centreId}/reports/tickets',
      operationId: 'ticketLog',
      tags,
      summary:
        "Every ticket of the range, newest first, a page at a time (cursor); an export holds the whole range up to 100 000 tickets, with each ticket's history (CSV: a last column; XLSX: a second sheet, one row per entry)",
      ...guard('reports:read'),
      request: { params: CentreParams, query: TicketLogQuerySchema },
      responses: { ...reportOk(TicketLogSchema, 'A page of tickets'), ...errors },
    }),
    async (c) => {
      const { centreId } = c.req.valid('param');
      const q = c.req.valid('query');
      if (q.format === 'json') return c.json(await ticketLog(deps, centreId, q), 200);
      // Streamed a page of tickets at a time (issue #15); each ticket's history (issue #14): a
      // last column in CSV, a second sheet in XLSX.
      const { table, more } = await ticketLogExport(deps, centreId, q.format, { ...q, lang: q.lang as Language });
      return exportResponse(q.format, table, more, { onError: (error) => log?.error(`reports: ticket log export of ${centreId} cut: ${String(error)}`) });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/centres/{centreId}/tickets/{ticketId}/history',
      operationId: 'getTicketHistory',
      tags,
      summary:
        "A ticket's history (ISO 9001 records): every transition with who, when and where, transfers, recalls, priority grants with their reason, print jobs and the rating, oldest first",
      ...guard('reports:read'),
      request: { params: TicketHistoryParams },
      responses: {
        200: { description: 'The history', content: { 'application/json': { schema: TicketHistorySchema } } },
        ...errorResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const { centreId, ticketId } = c.req.valid('param');
      return c.json(await getTicketHistory(deps, centreId, ticketId), 200);
    },
  );

  return app;
}
