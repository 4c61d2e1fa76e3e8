import { createRoute } from '@hono/zod-openapi';
import {
  AppointmentCodeSchema,
  AppointmentReportQuerySchema,
  AppointmentReportSchema,
  AppointmentSchema,
  BookAppointmentBodySchema,
  BookingInfoSchema,
  CheckInBodySchema,
  CheckInResultSchema,
  type LocalizedText,
  type Language,
  SlotListSchema,
  SlotsQuerySchema,
} from '../../protocol/index.ts';
import { guard, principalOf } from '../http/auth.middleware.ts';
import { CentreParams } from '../http/params.schemas.ts';
import { createRouter, errorResponses, jsonBody, jsonOk } from '../http/router.ts';
import { download, reportOk } from '../reports/reports.routes.ts';
import type { AppointmentDeps } from './appointments.deps.ts';
import { bookAppointment, cancelAppointment, checkIn, getAppointment, getAppointmentReport, getBookingInfo, listSlots } from './appointments.usecases.ts';
import { bookingRateLimit } from './booking-rate-limit.ts';
import { appointmentTable } from './report.models.ts';

const CodeParams = CentreParams.extend({ code: AppointmentCodeSchema.meta({ param: { name: 'code', in: 'path' } }) });
const tags = ['appointments'];
const localized = (text: LocalizedText, lang: Language) => text[lang] || text.vi;

/**
 * Appointments (issue #14, docs/appointments.md). Booking, looking up and cancelling are public —
 * the citizen's phone page and the province portal (`bookAppointment`) — and rate-limited per
 * client address for anonymous callers; check-in is the kiosk's (`ticket:issue`); the report is
 * the managers' (`reports:read`).
 */
export function appointmentsRoutes(deps: AppointmentDeps, options: { trustedProxies: readonly string[] }) {
  const app = createRouter();
  const limit = bookingRateLimit({ clock: deps.clock, trustedProxies: new Set(options.trustedProxies) });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/centres/{centreId}/booking',
      operationId: 'getBookingInfo',
      tags,
      summary: 'What the booking page needs: whether the centre takes appointments, the services one may book and the open days (public)',
      security: [],
      request: { params: CentreParams },
      responses: { ...jsonOk(BookingInfoSchema, 'Booking information'), ...errorResponses(400, 404) },
    }),
    async (c) => c.json(await getBookingInfo(deps, c.req.valid('param').centreId), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/centres/{centreId}/appointment-slots',
      operationId: 'listAppointmentSlots',
      tags,
      summary: "A service's bookable slots of a day with the places left in each (public)",
      security: [],
      request: { params: CentreParams, query: SlotsQuerySchema },
      responses: { ...jsonOk(SlotListSchema, 'The slots'), ...errorResponses(400, 404, 409) },
    }),
    async (c) => {
      const { serviceId, day } = c.req.valid('query');
      return c.json(await listSlots(deps, c.req.valid('param').centreId, serviceId, day), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/centres/{centreId}/appointments',
      operationId: 'bookAppointment',
      tags,
      summary:
        'Book a place in a slot (the booking page and the province portal; public). Answers the appointment with its code, the key to check in ' +
        'and to cancel. A full slot is 409 appointment.slot_full; anonymous callers are rate-limited per address (429 appointment.rate_limited).',
      security: [],
      middleware: [limit],
      request: { params: CentreParams, ...jsonBody(BookAppointmentBodySchema) },
      responses: { ...jsonOk(AppointmentSchema, 'The appointment'), ...errorResponses(400, 404, 409, 429) },
    }),
    async (c) => c.json(await bookAppointment(deps, c.req.valid('param').centreId, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/centres/{centreId}/appointments/{code}',
      operationId: 'getAppointment',
      tags,
      summary: 'An appointment by its code (public; rate-limited per address)',
      security: [],
      middleware: [limit],
      request: { params: CodeParams },
      responses: { ...jsonOk(AppointmentSchema, 'The appointment'), ...errorResponses(400, 404, 429) },
    }),
    async (c) => {
      const { centreId, code } = c.req.valid('param');
      return c.json(await getAppointment(deps, centreId, code), 200);
    },
  );

  const cancel = (method: 'post' | 'delete') =>
    createRoute({
      method,
      path: method === 'post' ? '/centres/{centreId}/appointments/{code}/cancel' : '/centres/{centreId}/appointments/{code}',
      operationId: method === 'post' ? 'cancelAppointment' : 'deleteAppointment',
      tags,
      summary: 'Cancel an appointment by its code; its place is free at once. Again: the cancelled appointment (public; rate-limited per address)',
      security: [],
      middleware: [limit],
      request: { params: CodeParams },
      responses: { ...jsonOk(AppointmentSchema, 'The cancelled appointment'), ...errorResponses(400, 404, 409, 429) },
    });
  for (const method of ['post', 'delete'] as const) {
    app.openapi(cancel(method), async (c) => {
      const { centreId, code } = c.req.valid('param');
      return c.json(await cancelAppointment(deps, centreId, code), 200);
    });
  }

  app.openapi(
    createRoute({
      method: 'post',
      path: '/centres/{centreId}/appointment-check-ins',
      operationId: 'checkInAppointment',
      tags,
      summary:
        "Check in with an appointment's code at the kiosk: a ticket in the appointment's place inside the arrival window; too early or too late, " +
        "the centre's choice (an ordinary ticket, a time to come back, or no ticket)",
      ...guard('ticket:issue'),
      request: { params: CentreParams, ...jsonBody(CheckInBodySchema) },
      responses: { ...jsonOk(CheckInResultSchema, 'The outcome, with the ticket when one was issued'), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const principal = principalOf(c);
      const kioskId = principal.kind === 'device' ? principal.deviceId : null;
      return c.json(await checkIn(deps, c.req.valid('param').centreId, c.req.valid('json').code, kioskId), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/centres/{centreId}/reports/appointments',
      operationId: 'appointmentReport',
      tags: ['reports'],
      summary: 'Appointments booked, cancelled, arrived, late and no-shows per day (or per day and service) of a period; format=csv|xlsx downloads the table',
      ...guard('reports:read'),
      request: { params: CentreParams, query: AppointmentReportQuerySchema },
      responses: { ...reportOk(AppointmentReportSchema, 'The report'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const { centreId } = c.req.valid('param');
      const q = c.req.valid('query');
      const { report, config } = await getAppointmentReport(deps, centreId, q);
      if (q.format === 'json') return c.json(report, 200);
      const names = new Map(config.services.map((s) => [s.id, localized(s.name, q.lang)]));
      return download(
        c,
        q.format,
        appointmentTable(report, q.lang, localized(config.centre.name, q.lang), (id) => names.get(id) ?? id),
      );
    },
  );

  return app;
}
