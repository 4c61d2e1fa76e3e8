/**
 * The appointment endpoints (server/appointments/appointments.routes.ts, operationIds in brackets)
 * for the booking page and the kiosk's check-in. Like web-shared/client/api.ts: every answer is
 * parsed with its protocol schema, and every failure is an ApiError with a code the UI localizes.
 */
import '../../web-shared/client/zod-config.ts';
import type { z } from 'zod';
import { AppointmentSchema, BookingInfoSchema, CheckInResultSchema, SlotListSchema, type BookAppointmentBody } from '../../protocol/appointments.schemas.ts';
import { errorStatus } from '../../protocol/errors.ts';
import { ApiError, ApiResponseError } from '../../web-shared/client/api.ts';
import { bearerHeader } from '../../web-shared/client/session.ts';
import type { ClientErrorCode } from '../../web-shared/i18n/i18n.ts';

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;
const knownCode = (code: unknown): code is ClientErrorCode => typeof code === 'string' && (code in errorStatus || code === 'network');

export function appointmentsClient(options: { baseUrl?: string; deviceToken?: string | null; fetch?: Fetch } = {}) {
  const baseUrl = options.baseUrl ?? '';
  const fetchImpl: Fetch = options.fetch ?? ((input, init) => fetch(input, init));
  async function request<T>(schema: z.ZodType<T>, method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await fetchImpl(`${baseUrl}/api${path}`, {
        method,
        headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...bearerHeader(options.deviceToken) },
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
      });
    } catch (error) {
      throw new ApiError('network', error instanceof Error ? error.message : 'fetch failed', 0);
    }
    const json: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const err = (json as { error?: { code?: unknown; message?: unknown } } | null)?.error;
      const retryAfter = Number(response.headers.get('retry-after') ?? NaN);
      throw new ApiError(
        knownCode(err?.code) ? err.code : 'internal',
        typeof err?.message === 'string' ? err.message : `HTTP ${response.status}`,
        response.status,
        Number.isFinite(retryAfter) ? retryAfter : null,
      );
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new ApiResponseError(`${method} /api${path}`, response.status, parsed.error.issues);
    return parsed.data;
  }
  const c = encodeURIComponent;
  return {
    /** [getBookingInfo] */
    bookingInfo: (centreId: string) => request(BookingInfoSchema, 'GET', `/centres/${c(centreId)}/booking`),
    /** [listAppointmentSlots] */
    slots: (centreId: string, serviceId: string, day: string) =>
      request(SlotListSchema, 'GET', `/centres/${c(centreId)}/appointment-slots?serviceId=${c(serviceId)}&day=${c(day)}`),
    /** [bookAppointment] */
    book: (centreId: string, body: BookAppointmentBody) => request(AppointmentSchema, 'POST', `/centres/${c(centreId)}/appointments`, body),
    /** [getAppointment] */
    get: (centreId: string, code: string) => request(AppointmentSchema, 'GET', `/centres/${c(centreId)}/appointments/${c(code)}`),
    /** [deleteAppointment] */
    cancel: (centreId: string, code: string) => request(AppointmentSchema, 'DELETE', `/centres/${c(centreId)}/appointments/${c(code)}`),
    /** [checkInAppointment] the kiosk, with its device token. */
    checkIn: (centreId: string, code: string) => request(CheckInResultSchema, 'POST', `/centres/${c(centreId)}/appointment-check-ins`, { code }),
  };
}

export type AppointmentsClient = ReturnType<typeof appointmentsClient>;
