/**
 * The one client of the JSON API (server/<feature>/*.routes.ts, operationIds in brackets). Every
 * answer is parsed with the protocol schema its route declares in the OpenAPI document, so a
 * method's type is what the server sends, checked at run time: an answer that does not match is
 * an ApiResponseError, never a silently wrong type. Every failure becomes an ApiError carrying a
 * code the UI can localize (web-shared/i18n/i18n.ts).
 */
import './zod-config.ts';
import { z } from 'zod';
import { errorStatus } from '../../protocol/errors.ts';
import { AccountSchema, DeviceTokenSchema, SessionInfoSchema, type CreateDeviceTokenBody } from '../../protocol/auth.schemas.ts';
import { CentreSchema, CounterSchema, ServiceSchema, type Centre } from '../../protocol/centre.schemas.ts';
import { DeviceViewSchema, IssuedTicketSchema, PrintJobViewSchema, type PrintJobView } from '../../protocol/print.schemas.ts';
import { PressResultSchema, RatingArmViewSchema, type RecordRatingBody } from '../../protocol/rating.schemas.ts';
import { CounterViewSchema } from '../../protocol/realtime.schemas.ts';
import { DossierCsvImportResultSchema, DossierReturnResultSchema, DossierSchema } from '../../protocol/dossiers.schemas.ts';
import { WebhookDeliveryListSchema } from '../../protocol/webhooks.schemas.ts';
import { CounterWaitingSchema } from '../../protocol/counter-waiting.schemas.ts';
import {
  CreatedDeviceWithPairingSchema,
  PairingInfoSchema,
  RedeemedPairingSchema,
  RevokedPairingSchema,
  type RedeemPairingBody,
} from '../../protocol/pairing.schemas.ts';
import { CentreSettingsSchema, type CentreSettings } from '../../protocol/settings.schemas.ts';
import { StaffWithPasswordSchema, type CreateStaffRequest, type UpdateStaffBody } from '../../protocol/staff.schemas.ts';
import {
  TicketStatusSchema,
  type CallTicketBody,
  type CounterActionBody,
  type GrantPriorityBody,
  type ResumeTicketBody,
  type TransferTicketBody,
} from '../../protocol/ticket.schemas.ts';
import type { CounterInput, ServiceInput } from '../../protocol/admin.schemas.ts';
import type { CreateCentreRequest, UpdateCentreBody } from '../../protocol/province.schemas.ts';
import type { ClientErrorCode } from '../i18n/i18n.ts';
import type { ReportName, Reports } from './report-schemas.ts';
import { provinceReportPath, reportPath, type ReportQuery } from './report-path.ts';
import { bearerHeader } from './session.ts';

export type { ReportName, Reports };

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

const knownCode = (code: unknown): code is ClientErrorCode => typeof code === 'string' && (code in errorStatus || code === 'network');

/**
 * The server answered 2xx with something its route's schema does not describe (a server and
 * pages of different versions, a proxy's page): a bug to report, shown to the user as `internal`.
 */
export class ApiResponseError extends ApiError {
  readonly issues: readonly z.core.$ZodIssue[];
  constructor(what: string, status: number, issues: readonly z.core.$ZodIssue[]) {
    const detail = issues
      .slice(0, 3)
      .map((i) => `${i.path.length ? i.path.join('.') : '(answer)'}: ${i.message}`)
      .join('; ');
    super('internal', `Unexpected answer to ${what}: ${detail}`, status);
    this.name = 'ApiResponseError';
    this.issues = issues;
  }
}

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
  /**
   * Whether the browser adds the session cookie: 'same-origin' (the default), or 'omit' where the
   * device token alone must decide (a rating screen: an officer's session must not rate, issue #10).
   */
  credentials?: 'same-origin' | 'omit';
}

/** A report's query (range, groupBy, filters, paging); empty values are left out. */
export type { ReportQuery };

/** The lists the API answers, made once. */
const lists = {
  accounts: z.array(AccountSchema),
  centres: z.array(CentreSchema),
  counters: z.array(CounterSchema),
  devices: z.array(DeviceViewSchema),
  deviceTokens: z.array(DeviceTokenSchema),
  printJobs: z.array(PrintJobViewSchema),
  services: z.array(ServiceSchema),
};

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';

export function createApi(baseUrl = '', fetchImpl: Fetch = (input, init) => fetch(input, init), auth: ApiAuth = {}) {
  const deviceToken = auth.deviceToken ?? null;
  const credentials = auth.credentials ?? 'same-origin';

  /** Sends the request; a non-2xx answer throws its ApiError. */
  async function send(method: Method, path: string, body?: unknown): Promise<{ response: Response; json: unknown }> {
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
        credentials,
      });
    } catch (error) {
      throw new ApiError('network', error instanceof Error ? error.message : 'fetch failed', 0);
    }
    const json: unknown = await response.json().catch(() => null);
    if (response.ok) return { response, json };
    const err = (json as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    const message = typeof err?.message === 'string' ? err.message : `HTTP ${response.status}`;
    const retryAfter = Number(response.headers.get('retry-after') ?? NaN);
    throw new ApiError(knownCode(err?.code) ? err.code : 'internal', message, response.status, Number.isFinite(retryAfter) ? retryAfter : null);
  }

  /** A request whose answer is `schema`: the method's type comes from the schema, never from the caller. */
  async function request<T>(schema: z.ZodType<T>, method: Method, path: string, body?: unknown): Promise<T> {
    const { response, json } = await send(method, path, body);
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new ApiResponseError(`${method} /api${path}`, response.status, parsed.error.issues);
    return parsed.data;
  }

  /** A request answered with 204 No Content. */
  async function command(method: Method, path: string, body?: unknown): Promise<void> {
    await send(method, path, body);
  }

  const c = encodeURIComponent;
  return {
    /** The device token this client sends, for the socket handshake (null on staff pages). */
    deviceToken,
    /** [getSession] who this browser is: an officer's session, a paired device, or anonymous. */
    getSession: () => request(SessionInfoSchema, 'GET', '/auth/session'),
    /** [login] sets the httpOnly session cookie. */
    login: (username: string, password: string) => request(SessionInfoSchema, 'POST', '/auth/login', { username, password }),
    /** [logout] */
    logout: () => command('POST', '/auth/logout'),
    /** [changePassword] ends the account's other sessions. */
    changePassword: (oldPassword: string, newPassword: string) => request(AccountSchema, 'POST', '/auth/password', { oldPassword, newPassword }),
    /** [listStaff] accounts of the centre, without secrets. */
    listStaff: (centreId: string) => request(lists.accounts, 'GET', `/centres/${c(centreId)}/staff`),
    /** [createStaff] without a password, the answer carries a one-time password, once. */
    createStaff: (centreId: string, body: CreateStaffRequest) => request(StaffWithPasswordSchema, 'POST', `/centres/${c(centreId)}/staff`, body),
    /** [updateStaff] name, role, active; disabling ends the account's sessions. */
    updateStaff: (centreId: string, staffId: string, body: UpdateStaffBody) =>
      request(AccountSchema, 'PATCH', `/centres/${c(centreId)}/staff/${c(staffId)}`, body),
    /** [resetStaffPassword] a one-time password, once; to be changed at the next login. */
    resetStaffPassword: (centreId: string, staffId: string) =>
      request(StaffWithPasswordSchema, 'POST', `/centres/${c(centreId)}/staff/${c(staffId)}/reset-password`),
    /** [putService] create or replace; every screen gets the change at once. */
    putService: (centreId: string, serviceId: string, body: ServiceInput) =>
      request(ServiceSchema, 'PUT', `/centres/${c(centreId)}/services/${c(serviceId)}`, body),
    /** [putCounter] create or replace, with its services in calling order and weights. */
    putCounter: (centreId: string, counterId: string, body: CounterInput) =>
      request(CounterSchema, 'PUT', `/centres/${c(centreId)}/counters/${c(counterId)}`, body),
    /** [getSettings] */
    getSettings: (centreId: string) => request(CentreSettingsSchema, 'GET', `/centres/${c(centreId)}/settings`),
    /** [putSettings] replaces them all. */
    putSettings: (centreId: string, body: CentreSettings) => request(CentreSettingsSchema, 'PUT', `/centres/${c(centreId)}/settings`, body),
    /** [listDeviceTokens] no secrets. */
    listDeviceTokens: (centreId: string) => request(lists.deviceTokens, 'GET', `/centres/${c(centreId)}/device-tokens`),
    /** [createDeviceToken] the answer carries the secret, once. */
    createDeviceToken: (centreId: string, body: CreateDeviceTokenBody) =>
      request(CreatedDeviceWithPairingSchema, 'POST', `/centres/${c(centreId)}/device-tokens`, body),
    /** [redeemPairingCode] a short code typed on the device, exchanged once for its token (issue #15). */
    redeemPairingCode: (body: RedeemPairingBody) => request(RedeemedPairingSchema, 'POST', '/pairing/redeem', body),
    /** [getPairingInfo] PUBLIC_URL (null when unset) for the admin page's pairing addresses. */
    getPairingInfo: (centreId: string) => request(PairingInfoSchema, 'GET', `/centres/${c(centreId)}/pairing-info`),
    /** [revokePairingCode] withdraws a device token's unused pairing codes. */
    revokePairingCode: (centreId: string, tokenId: string) =>
      request(RevokedPairingSchema, 'POST', `/centres/${c(centreId)}/device-tokens/${c(tokenId)}/pairing/revoke`),
    /** [revokeDeviceToken] */
    revokeDeviceToken: (centreId: string, tokenId: string) => request(DeviceTokenSchema, 'POST', `/centres/${c(centreId)}/device-tokens/${c(tokenId)}/revoke`),
    /** [listCentres] the caller's own centre; every centre for a province role (issue #13). */
    listCentres: () => request(lists.centres, 'GET', '/centres'),
    /** [createCentre] a copy of the template's services, counters and settings (province administrators). */
    createCentre: (body: CreateCentreRequest) => request(CentreSchema, 'POST', '/centres', body),
    /** [updateCentre] name, address and time zone (province administrators). */
    updateCentre: (centreId: string, body: UpdateCentreBody) => request(CentreSchema, 'PUT', `/centres/${c(centreId)}`, body),
    /** [listServices] in display order. */
    listServices: (centreId: string) => request(lists.services, 'GET', `/centres/${c(centreId)}/services`),
    /** [listCounters] */
    listCounters: (centreId: string) => request(lists.counters, 'GET', `/centres/${c(centreId)}/counters`),
    /** [issueTicket] what a kiosk tap does: the ticket, the people ahead, and its print job when the kiosk prints. */
    issueTicket: (centreId: string, serviceId: string, priorityGroupId?: string) =>
      request(IssuedTicketSchema, 'POST', `/centres/${c(centreId)}/tickets`, priorityGroupId ? { serviceId, priorityGroupId } : { serviceId }),
    /** [callNext] [callTicket] [recallTicket] [startServing] [finishTicket] [markNoShow] [transferTicket] [parkTicket] [resumeTicket] */
    counterAction: <A extends CounterAction>(centreId: string, counterId: string, action: A, body: CounterActionBodies[A] = {} as never) =>
      request(TicketStatusSchema, 'POST', `/centres/${c(centreId)}/counters/${c(counterId)}/${action}`, body),
    /** [openCounter] [closeCounter] [pauseCounter] [resumeCounter] */
    counterCommand: (centreId: string, counterId: string, command: CounterCommand) =>
      request(CounterViewSchema, 'POST', `/centres/${c(centreId)}/counters/${c(counterId)}/${command}`, {}),
    /** [counterWaiting] the tickets this counter could call, in the order it would call them, with their marks (issue #15). */
    counterWaiting: (centreId: string, counterId: string, limit?: number) =>
      request(CounterWaitingSchema, 'GET', `/centres/${c(centreId)}/counters/${c(counterId)}/waiting${limit ? `?limit=${limit}` : ''}`),
    /** [listPrintJobs] print jobs of the centre, newest first, optionally of one status (printing:manage). */
    listPrintJobs: (centreId: string, status?: PrintJobView['status']) =>
      request(lists.printJobs, 'GET', `/centres/${c(centreId)}/print-jobs${status ? `?status=${c(status)}` : ''}`),
    /** [listDevices] */
    listDevices: (centreId: string) => request(lists.devices, 'GET', `/centres/${c(centreId)}/devices`),
    /** [reprintTicket] */
    reprintTicket: (centreId: string, ticketId: string, kioskId?: string) =>
      request(PrintJobViewSchema, 'POST', `/centres/${c(centreId)}/tickets/${c(ticketId)}/reprint`, kioskId ? { kioskId } : {}),
    /** [getPrintJob] what became of a ticket's paper (the kiosk follows its own job). */
    getPrintJob: (jobId: string) => request(PrintJobViewSchema, 'GET', `/print-jobs/${c(jobId)}`),
    /** [getRatingArm] whether the counter's keypad and rating screen are armed, for which ticket, how long still. */
    getRatingArm: (centreId: string, counterId: string) => request(RatingArmViewSchema, 'GET', `/centres/${c(centreId)}/counters/${c(counterId)}/rating-arm`),
    /** [recordRating] one press; rejections are outcomes, not errors. */
    recordRating: (centreId: string, body: RecordRatingBody) => request(PressResultSchema, 'POST', `/centres/${c(centreId)}/ratings`, body),
    /** [grantPriority] the reason is kept in the audit trail. */
    grantPriority: (centreId: string, body: GrantPriorityBody) => request(TicketStatusSchema, 'POST', `/centres/${c(centreId)}/grant-priority`, body),
    /** [requestDossierReturn] the kiosk's "Nhận kết quả": a ticket for a ready dossier, or why not (issue #14). */
    requestDossierReturn: (centreId: string, code: string) => request(DossierReturnResultSchema, 'POST', `/centres/${c(centreId)}/dossier-returns`, { code }),
    /** [getDossier] */
    getDossier: (centreId: string, code: string) => request(DossierSchema, 'GET', `/centres/${c(centreId)}/dossiers/${c(code)}`),
    /** [markDossierReturned] the officer hands the result over. */
    markDossierReturned: (centreId: string, code: string, ticketId?: string) =>
      request(DossierSchema, 'POST', `/centres/${c(centreId)}/dossiers/${c(code)}/return`, ticketId ? { ticketId } : {}),
    /** [importDossiersCsv] */
    importDossiersCsv: (centreId: string, csv: string) => request(DossierCsvImportResultSchema, 'POST', `/centres/${c(centreId)}/dossiers/import`, { csv }),
    /** [listWebhookDeliveries] the outbox: pending, delivered, failed. */
    listWebhookDeliveries: (centreId: string) => request(WebhookDeliveryListSchema, 'GET', `/centres/${c(centreId)}/webhook-deliveries`),
    /**
     * [liveReport] [timeSummary] [busiestHours] [ratingSummary] [ticketLog] as JSON: the report
     * named decides the answer's schema and type (exports are links: reports/reports-logic.ts).
     */
    getReport: async <R extends ReportName>(centreId: string, report: R, query: ReportQuery = {}): Promise<Reports[R]> => {
      const { REPORT_SCHEMAS } = await import('./report-schemas.ts');
      return request(REPORT_SCHEMAS[report], 'GET', reportPath(centreId, report, query));
    },
    /** [provinceReport] every centre the caller may read reports of, ranked (`from`, `to`, `sort`, `order`). */
    getProvinceReport: async (query: ReportQuery = {}) => {
      const { PROVINCE_REPORT_SCHEMA } = await import('./report-schemas.ts');
      return request(PROVINCE_REPORT_SCHEMA, 'GET', provinceReportPath(query));
    },
    /** [getTicketHistory] one ticket's history for the reports (issue #14), oldest first. */
    getTicketHistory: async (centreId: string, ticketId: string) => {
      const { TICKET_HISTORY_SCHEMA } = await import('./report-schemas.ts');
      return request(TICKET_HISTORY_SCHEMA, 'GET', `/centres/${c(centreId)}/tickets/${c(ticketId)}/history`);
    },
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
