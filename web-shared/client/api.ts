/**
 * A small client for the JSON API (server/http/*.routes.ts, operationIds in brackets). Every
 * failure becomes an ApiError carrying a code the UI can localize (web-shared/i18n/i18n.ts).
 */
// Values from errors.ts only: protocol/index.ts would pull zod into the kiosk bundle.
import { errorStatus } from '../../protocol/errors.ts';
import type {
  CallTicketBody,
  Centre,
  CentreSettings,
  Counter,
  CounterActionBody,
  CounterInput,
  CounterView,
  GrantPriorityBody,
  ResumeTicketBody,
  Service,
  ServiceInput,
  TicketStatus,
  TransferTicketBody,
} from '../../protocol/index.ts';
import type {
  Account,
  CreateDeviceTokenBody,
  CreatedDeviceToken,
  DeviceToken,
  SessionInfo,
} from '../../protocol/auth.schemas.ts';
import type { DeviceView, PrintJobView } from '../../protocol/print.schemas.ts';
import type { CreateStaffRequest, StaffWithPassword, UpdateStaffBody } from '../../protocol/staff.schemas.ts';
import type { ClientErrorCode } from '../i18n/i18n.ts';
import { bearerHeader } from './session.ts';

export class ApiError extends Error {
  readonly code: ClientErrorCode;
  /** HTTP status; 0 when the server could not be reached. */
  readonly status: number;
  /** From a 429's Retry-After: seconds until the server takes the request again. */
  readonly retryAfterSeconds: number | null;
  constructor(code: ClientErrorCode, message: string, status: number, retryAfterSeconds: number | null = null) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

const knownCode = (code: unknown): code is ClientErrorCode =>
  typeof code === 'string' && (code in errorStatus || code === 'network');

/** Any thrown value as an ApiError, so callers have one thing to render. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError('network', error instanceof Error ? error.message : String(error), 0);
}

/** Ticket actions at a counter (path segment → body), server/counters/counters.routes.ts. */
export interface CounterActionBodies {
  'call-next': CounterActionBody;
  call: CallTicketBody;
  recall: CounterActionBody;
  'start-serving': CounterActionBody;
  finish: CounterActionBody;
  'no-show': CounterActionBody;
  transfer: TransferTicketBody;
  park: CounterActionBody;
  'resume-ticket': ResumeTicketBody;
}
export type CounterAction = keyof CounterActionBodies;

/** Who holds the counter: open, close, pause (a break) and resume; answered with the CounterView. */
export type CounterCommand = 'open' | 'close' | 'pause' | 'resume';

/** Only the call signature: `typeof fetch` also carries Bun's static extras. */
type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export interface ApiAuth {
  /**
   * A kiosk's or display's device token (web-shared/client/session.ts), sent as a bearer header. Staff
   * pages leave it out: their browser sends the session cookie by itself.
   */
  deviceToken?: string | null;
}

export function createApi(baseUrl = '', fetchImpl: Fetch = (input, init) => fetch(input, init), auth: ApiAuth = {}) {
  const deviceToken = auth.deviceToken ?? null;
  async function request<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH', path: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await fetchImpl(`${baseUrl}/api${path}`, {
        method,
        headers: {
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...bearerHeader(deviceToken),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        // Same-origin pages send the session cookie (httpOnly: scripts never see it).
        credentials: 'same-origin',
      });
    } catch (error) {
      throw new ApiError('network', error instanceof Error ? error.message : 'fetch failed', 0);
    }
    const json: unknown = await response.json().catch(() => null);
    if (response.status === 204) return undefined as T;
    if (response.ok) return json as T;
    const err = (json as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    const message = typeof err?.message === 'string' ? err.message : `HTTP ${response.status}`;
    const retryAfter = Number(response.headers.get('retry-after') ?? NaN);
    throw new ApiError(knownCode(err?.code) ? err.code : 'internal', message, response.status, Number.isFinite(retryAfter) ? retryAfter : null);
  }

  const c = encodeURIComponent;
  return {
    /** The device token this client sends, for the socket handshake (null on staff pages). */
    deviceToken,
    /** [getSession] who this browser is: an officer's session, a paired device, or anonymous. */
    getSession: () => request<SessionInfo>('GET', '/auth/session'),
    /** [login] sets the httpOnly session cookie. */
    login: (username: string, password: string) => request<SessionInfo>('POST', '/auth/login', { username, password }),
    /** [logout] */
    logout: () => request<void>('POST', '/auth/logout'),
    /** [changePassword] ends the account's other sessions. */
    changePassword: (oldPassword: string, newPassword: string) =>
      request<Account>('POST', '/auth/password', { oldPassword, newPassword }),
    /** [listStaff] accounts of the centre, without secrets. */
    listStaff: (centreId: string) => request<Account[]>('GET', `/centres/${c(centreId)}/staff`),
    /** [createStaff] without a password, the answer carries a one-time password, once. */
    createStaff: (centreId: string, body: CreateStaffRequest) =>
      request<StaffWithPassword>('POST', `/centres/${c(centreId)}/staff`, body),
    /** [updateStaff] name, role, active; disabling ends the account's sessions. */
    updateStaff: (centreId: string, staffId: string, body: UpdateStaffBody) =>
      request<Account>('PATCH', `/centres/${c(centreId)}/staff/${c(staffId)}`, body),
    /** [resetStaffPassword] a one-time password, once; to be changed at the next login. */
    resetStaffPassword: (centreId: string, staffId: string) =>
      request<StaffWithPassword>('POST', `/centres/${c(centreId)}/staff/${c(staffId)}/reset-password`),
    /** [putService] create or replace; every screen gets the change at once. */
    putService: (centreId: string, serviceId: string, body: ServiceInput) =>
      request<Service>('PUT', `/centres/${c(centreId)}/services/${c(serviceId)}`, body),
    /** [putCounter] create or replace, with its services in calling order and weights. */
    putCounter: (centreId: string, counterId: string, body: CounterInput) =>
      request<Counter>('PUT', `/centres/${c(centreId)}/counters/${c(counterId)}`, body),
    /** [getSettings] */
    getSettings: (centreId: string) => request<CentreSettings>('GET', `/centres/${c(centreId)}/settings`),
    /** [putSettings] replaces them all. */
    putSettings: (centreId: string, body: CentreSettings) => request<CentreSettings>('PUT', `/centres/${c(centreId)}/settings`, body),
    /** [listDeviceTokens] no secrets. */
    listDeviceTokens: (centreId: string) => request<DeviceToken[]>('GET', `/centres/${c(centreId)}/device-tokens`),
    /** [createDeviceToken] the answer carries the secret, once. */
    createDeviceToken: (centreId: string, body: CreateDeviceTokenBody) =>
      request<CreatedDeviceToken>('POST', `/centres/${c(centreId)}/device-tokens`, body),
    /** [revokeDeviceToken] */
    revokeDeviceToken: (centreId: string, tokenId: string) =>
      request<DeviceToken>('POST', `/centres/${c(centreId)}/device-tokens/${c(tokenId)}/revoke`),
    /** [listCentres] */
    listCentres: () => request<Centre[]>('GET', '/centres'),
    /** [listServices] in display order. */
    listServices: (centreId: string) => request<Service[]>('GET', `/centres/${c(centreId)}/services`),
    /** [listCounters] */
    listCounters: (centreId: string) => request<Counter[]>('GET', `/centres/${c(centreId)}/counters`),
    /** [issueTicket] what a kiosk tap does. */
    issueTicket: (centreId: string, serviceId: string, priorityGroupId?: string) =>
      request<TicketStatus>('POST', `/centres/${c(centreId)}/tickets`, priorityGroupId ? { serviceId, priorityGroupId } : { serviceId }),
    /** [callNext] [callTicket] [recallTicket] [startServing] [finishTicket] [markNoShow] [transferTicket] [parkTicket] [resumeTicket] */
    counterAction: <A extends CounterAction>(centreId: string, counterId: string, action: A, body: CounterActionBodies[A] = {} as never) =>
      request<TicketStatus>('POST', `/centres/${c(centreId)}/counters/${c(counterId)}/${action}`, body),
    /** [openCounter] [closeCounter] [pauseCounter] [resumeCounter] */
    counterCommand: (centreId: string, counterId: string, command: CounterCommand) =>
      request<CounterView>('POST', `/centres/${c(centreId)}/counters/${c(counterId)}/${command}`, {}),
    /** [grantPriority] the reason is kept in the audit trail. */
    /** Print jobs of the centre, newest first, optionally of one status (printing:manage). */
    listPrintJobs: (centreId: string, status?: PrintJobView['status']) =>
      request<PrintJobView[]>('GET', `/centres/${c(centreId)}/print-jobs${status ? `?status=${c(status)}` : ''}`),
    listDevices: (centreId: string) => request<DeviceView[]>('GET', `/centres/${c(centreId)}/devices`),
    reprintTicket: (centreId: string, ticketId: string, kioskId?: string) =>
      request<PrintJobView>('POST', `/centres/${c(centreId)}/tickets/${c(ticketId)}/reprint`, kioskId ? { kioskId } : {}),
    grantPriority: (centreId: string, body: GrantPriorityBody) =>
      request<TicketStatus>('POST', `/centres/${c(centreId)}/grant-priority`, body),
    /** [liveReport] [timeSummary] [busiestHours] [ratingSummary] [ticketLog]: a report's path under /api (reports/reports-logic.ts). */
    getReport: <T>(path: string) => request<T>('GET', path),
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
