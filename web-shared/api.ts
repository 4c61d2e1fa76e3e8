/**
 * A small client for the JSON API (server/http/*.routes.ts, operationIds in brackets). Every
 * failure becomes an ApiError carrying a code the UI can localize (web-shared/i18n.ts).
 */
// Values from errors.ts only: protocol/index.ts would pull zod into the kiosk bundle.
import { errorStatus } from '../protocol/errors.ts';
import type { Centre, Counter, CounterActionBody, Service, TicketStatus } from '../protocol/index.ts';
import type { ClientErrorCode } from './i18n.ts';

export class ApiError extends Error {
  readonly code: ClientErrorCode;
  /** HTTP status; 0 when the server could not be reached. */
  readonly status: number;
  constructor(code: ClientErrorCode, message: string, status: number) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
  }
}

const knownCode = (code: unknown): code is ClientErrorCode =>
  typeof code === 'string' && (code in errorStatus || code === 'network');

/** Any thrown value as an ApiError, so callers have one thing to render. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError('network', error instanceof Error ? error.message : String(error), 0);
}

export type CounterAction = 'call-next' | 'start-serving' | 'finish';

/** Only the call signature: `typeof fetch` also carries Bun's static extras. */
type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export function createApi(baseUrl = '', fetchImpl: Fetch = (input, init) => fetch(input, init)) {
  async function request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await fetchImpl(`${baseUrl}/api${path}`, {
        method,
        headers: body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json', accept: 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      throw new ApiError('network', error instanceof Error ? error.message : 'fetch failed', 0);
    }
    const json: unknown = await response.json().catch(() => null);
    if (response.ok) return json as T;
    const err = (json as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    const message = typeof err?.message === 'string' ? err.message : `HTTP ${response.status}`;
    throw new ApiError(knownCode(err?.code) ? err.code : 'internal', message, response.status);
  }

  const c = encodeURIComponent;
  return {
    /** [listCentres] */
    listCentres: () => request<Centre[]>('GET', '/centres'),
    /** [listServices] in display order. */
    listServices: (centreId: string) => request<Service[]>('GET', `/centres/${c(centreId)}/services`),
    /** [listCounters] */
    listCounters: (centreId: string) => request<Counter[]>('GET', `/centres/${c(centreId)}/counters`),
    /** [issueTicket] what a kiosk tap does. */
    issueTicket: (centreId: string, serviceId: string) =>
      request<TicketStatus>('POST', `/centres/${c(centreId)}/tickets`, { serviceId }),
    /** [callNext] [startServing] [finishTicket] */
    counterAction: (centreId: string, counterId: string, action: CounterAction, body: CounterActionBody = {}) =>
      request<TicketStatus>('POST', `/centres/${c(centreId)}/counters/${c(counterId)}/${action}`, body),
  };
}

export type Api = ReturnType<typeof createApi>;

/**
 * The centre a page works for: `?centre=<id>` when given (it must exist), else the first centre
 * the deployment serves. The whole Centre is needed anyway for its name and time zone.
 */
export async function resolveCentre(api: Api, requested: string | null): Promise<Centre> {
  const centres = await api.listCentres();
  const centre = requested ? centres.find((x) => x.id === requested) : centres[0];
  if (!centre) throw new ApiError('centre.not_found', requested ? `No centre "${requested}".` : 'No centre configured.', 404);
  return centre;
}
