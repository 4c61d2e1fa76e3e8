import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../../server/accounts/password.ts';
import { demoRatingScreenToken } from '../../../server/demo/demo-accounts.ts';
import { createDeviceToken } from '../../../server/accounts/devices.usecases.ts';
import { installCentre } from '../../../server/centres/setup.usecases.ts';
import { hcmCentre } from '../../fixtures/centres.ts';
import { loginHeaders } from '../../helpers/credentials.ts';
import { startTestServer, type TestServer, type Who } from '../../helpers/server.ts';

/**
 * Every operation of /api/openapi.json, tried by every role, every device kind, an admin of
 * another centre, and nobody. Exactly the callers in `allowed` get past authorization; the
 * others get 401 auth.required (nobody) or 403 auth.forbidden, and the database is unchanged.
 * A new operation fails here until it is given a row: no route is left open by omission.
 */
type Caller = Exclude<Who, 'ha' | 'lan' | 'hung' | 'tuan'> | 'other-admin' | 'other-manager' | 'other-screen' | 'province-admin' | 'province-manager';
/**
 * `rating-screen`: quay-1's rating screen (the counter every sample request names); `other-screen`:
 * quay-2's. `other-admin`, `other-manager` and the province roles (issue #13) are accounts of
 * centre `hcm`: only the province roles reach the demo centre, and only as far as docs/security.md says.
 */
const CALLERS: Caller[] = [
  'admin',
  'manager',
  'staff',
  'kiosk',
  'display',
  'bridge',
  'rating-screen',
  'integration',
  'other-screen',
  'other-admin',
  'other-manager',
  'province-admin',
  'province-manager',
  'anonymous',
];
/** The hcm accounts this test makes: [centre staff id, username, password, role]. */
const HCM_ACCOUNTS = {
  'other-admin': ['lan', 'hcm-admin', 'hcm-admin-password', 'admin'],
  'other-manager': ['hung', 'hcm-manager', 'hcm-manager-password', 'manager'],
  'province-admin': ['tinh-admin', 'tinh-admin', 'tinh-admin-password', 'province_admin'],
  'province-manager': ['tinh-manager', 'tinh-manager', 'tinh-manager-password', 'province_manager'],
} as const;
type HcmCaller = keyof typeof HCM_ACCOUNTS;
const isHcm = (who: Caller): who is HcmCaller => who in HCM_ACCOUNTS;

const everyone: Caller[] = CALLERS;
const accounts: Caller[] = ['admin', 'manager', 'staff'];
const admin: Caller[] = ['admin'];
/** centre:admin in the demo centre: its admin, and a province admin of any centre (issue #13). */
const admins: Caller[] = ['admin', 'province-admin'];
/** Reads a province role makes in any centre (issue #13): centre:read, staff:read, reports:read. */
const province: Caller[] = ['province-admin', 'province-manager'];

/** Who may call each operation (on the demo centre). */
const allowed: Record<string, Caller[]> = {
  // Public: the citizen's status page and logging in.
  getTicket: everyone,
  login: everyone,
  logout: everyone,
  getSession: everyone,
  // The load balancer's readiness probe (issue #13, docs/operations.md).
  getReadiness: everyone,
  // Their own account, whichever centre it is in.
  changePassword: [...accounts, 'other-admin', 'other-manager', ...province],
  // Their own centre only: the list is filtered to it.
  // Issue #10: devices get only what their screen shows: kiosks and displays read the centre, the
  // bridge (no screen, it talks on /bridge) does not, and no device reads the staff list.
  // A province role lists every centre (issue #13).
  listCentres: [...accounts, 'kiosk', 'display', 'other-admin', 'other-manager', ...province],
  // centre:read
  listServices: [...accounts, 'kiosk', 'display', ...province],
  listCounters: [...accounts, 'kiosk', 'display', ...province],
  getSnapshot: [...accounts, 'kiosk', 'display', ...province],
  // staff:read
  listStaff: [...accounts, ...province],
  // The audit of login locks (issue #10): the centre's administrators.
  listSecurityEvents: admins,
  // ticket:issue
  issueTicket: [...accounts, 'kiosk'],
  // counter:operate (the use case then checks that the officer holds the counter)
  openCounter: accounts,
  closeCounter: accounts,
  pauseCounter: accounts,
  resumeCounter: accounts,
  callNext: accounts,
  callTicket: accounts,
  recallTicket: accounts,
  startServing: accounts,
  finishTicket: accounts,
  markNoShow: accounts,
  transferTicket: accounts,
  parkTicket: accounts,
  resumeTicket: accounts,
  grantPriority: accounts,
  // The console's waiting list (issue #15): counter:operate, like the console's buttons.
  counterWaiting: accounts,
  // counter:force-close: the centre's own admins (a province admin configures, it does not work counters)
  forceCloseCounter: admin,
  // centre:admin
  createDeviceToken: admins,
  listDeviceTokens: admins,
  revokeDeviceToken: admins,
  createStaff: admins,
  updateStaff: admins,
  resetStaffPassword: admins,
  putService: admins,
  putCounter: admins,
  getSettings: admins,
  putSettings: admins,
  // province:admin (issue #13): creating and editing centres.
  createCentre: ['province-admin'],
  updateCentre: ['province-admin'],
  // Printing (issue #4): a kiosk follows its own print jobs (ticket:issue); accounts see the
  // centre's jobs and devices and reprint (counter:operate).
  getPrintJob: [...accounts, 'kiosk'],
  getPrintJobPreview: [...accounts, 'kiosk'],
  listPrintJobs: accounts,
  listDevices: accounts,
  reprintTicket: accounts,
  // Ratings (issues #5, #10): the counter's rating screen (a device paired with that one counter)
  // and bridges rate, never a staff session; the centre's accounts see a counter's arm, a rating
  // screen only its own counter's; kiosks, displays and bridges show no rating window.
  recordRating: ['bridge', 'rating-screen'],
  getRatingArm: [...accounts, 'rating-screen'],
  // Reports (issue #6): reports:read, managers and admins.
  // Issue #13: a province role reads every centre's reports.
  liveReport: ['admin', 'manager', ...province],
  timeSummary: ['admin', 'manager', ...province],
  busiestHours: ['admin', 'manager', ...province],
  ratingSummary: ['admin', 'manager', ...province],
  ticketLog: ['admin', 'manager', ...province],
  // Ticket history (issue #14): reports:read, like the ticket log it is opened from.
  getTicketHistory: ['admin', 'manager', ...province],
  // SLA alerts report (issue #14): reports:read.
  alertReport: ['admin', 'manager', ...province],
  // The province report (issue #13) is not under a centre: each caller gets the centres where it
  // holds reports:read — every centre for a province role, its own for a centre's manager or admin.
  provinceReport: ['admin', 'manager', 'other-admin', 'other-manager', ...province],
  // Dossiers (issue #14): the province's dossier system (an integration token) and admins write;
  // every account and the dossier system read; officers hand over; kiosks ask for a return ticket.
  upsertDossier: ['admin', 'integration', 'province-admin'],
  upsertDossiers: ['admin', 'integration', 'province-admin'],
  importDossiersCsv: ['admin', 'integration', 'province-admin'],
  getDossier: [...accounts, 'integration', ...province],
  markDossierReturned: accounts,
  requestDossierReturn: [...accounts, 'kiosk'],
  listWebhookDeliveries: admins,
  // Appointments (issue #14): booking, looking up and cancelling by code are public (the citizen's
  // phone, the province portal); check-in is the kiosk's (ticket:issue); the report reports:read.
  getBookingInfo: everyone,
  listAppointmentSlots: everyone,
  bookAppointment: everyone,
  getAppointment: everyone,
  cancelAppointment: everyone,
  deleteAppointment: everyone,
  checkInAppointment: [...accounts, 'kiosk'],
  appointmentReport: ['admin', 'manager', ...province],
  // Pairing with a short code (issue #15): a device without a token redeems its code; admins read
  // whether PUBLIC_URL is set and withdraw a device's unused codes.
  redeemPairingCode: everyone,
  getPairingInfo: admins,
  revokePairingCode: admins,
};

/** Allowed callers must get a 2xx from these with the sample request below (not just pass the guard). */
const mustSucceed = new Set([
  'getReadiness',
  'getTicket',
  'logout',
  'getSession',
  'listCentres',
  'listServices',
  'listCounters',
  'getSnapshot',
  'listStaff',
  'listSecurityEvents',
  'issueTicket',
  'createDeviceToken',
  'listDeviceTokens',
  'revokeDeviceToken',
  'createStaff',
  'updateStaff',
  'resetStaffPassword',
  'getPrintJob',
  'listPrintJobs',
  'listDevices',
  'getRatingArm',
  'counterWaiting',
  'liveReport',
  'timeSummary',
  'busiestHours',
  'ratingSummary',
  'ticketLog',
  'getTicketHistory',
  'alertReport',
  'provinceReport',
  'createCentre',
  'updateCentre',
  'getPairingInfo',
  'revokePairingCode',
]);

/** Sample bodies; other operations get `{}` (a 400 or 409 after the guard still proves it let the caller in). */
const bodies: Record<string, unknown> = {
  login: { username: 'nobody', password: 'not-a-password' },
  changePassword: { oldPassword: 'not-the-password', newPassword: 'something-long-enough' },
  issueTicket: { serviceId: 'dat-dai' },
  createDeviceToken: { kind: 'display', name: 'Role matrix' },
  createStaff: { username: 'role-matrix', name: 'Role matrix', role: 'staff' },
  updateStaff: { name: 'Lê Minh Tuấn' },
  // A real press at quay-1, so a rating screen of another counter is refused by the use case.
  recordRating: { counterId: 'quay-1', level: 1, idempotencyKey: 'role-matrix-press' },
  createCentre: { id: 'role-matrix', name: { vi: 'Trung tâm xã Mới', en: 'New commune centre' }, templateCentreId: 'demo' },
  updateCentre: {
    name: { vi: 'Trung tâm Phục vụ hành chính công', en: 'Public Administrative Service Centre' },
    address: '1 Lê Duẩn',
    timeZone: 'Asia/Ho_Chi_Minh',
  },
};

interface Operation {
  operationId: string;
  method: string;
  path: string;
  hasBody: boolean;
}

let server: TestServer;
let operations: Operation[];
let ticketId: string;
const PRINT_JOB_ID = 'role-matrix-job';
const headersOf = new Map<Caller, Record<string, string>>();

beforeAll(async () => {
  server = await startTestServer();
  await installCentre(server.deps.store, hcmCentre);
  for (const [staffId, username, password, role] of Object.values(HCM_ACCOUNTS)) {
    await server.deps.store.runInTx({ centreId: 'hcm' }, (tx) => tx.upsertStaff({ id: staffId, centreId: 'hcm', name: username }));
    await server.deps.store.setAccount('hcm', staffId, { username, passwordHash: await hashPassword(password), role, active: true, mustChangePassword: false });
  }
  for (const who of CALLERS) {
    headersOf.set(
      who,
      isHcm(who)
        ? await loginHeaders(server.url, HCM_ACCOUNTS[who][1], HCM_ACCOUNTS[who][2])
        : who === 'other-screen'
          ? { authorization: `Bearer ${demoRatingScreenToken('quay-2')}` }
          : await server.credentials(who),
    );
  }
  const issued = await server.api('/centres/demo/tickets', { json: { serviceId: 'xay-dung' } });
  ticketId = (await issued.json()).ticket.id;
  // A print job of the demo kiosk for it (no bridge needed; its deadline is far off).
  const now = Date.now();
  await server.deps.store.runInTx({ centreId: 'demo' }, (tx) =>
    tx.insertPrintJob({
      id: PRINT_JOB_ID,
      centreId: 'demo',
      ticketId,
      kioskId: 'demo-kiosk',
      bridgeId: 'demo-bridge',
      printerId: 'p1',
      status: 'pending',
      reprint: false,
      requestedBy: null,
      createdAtMs: now,
      deadlineAtMs: now + 3_600_000,
    }),
  );

  const doc = await (await fetch(`${server.url}/api/openapi.json`)).json();
  operations = Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ operationId: op.operationId, method: method.toUpperCase(), path, hasBody: Boolean(op.requestBody) })),
  );
});
afterAll(() => server?.stop());

/** Every table, as on disk; a device's last_seen_at is bookkeeping of the request itself, not a change. */
function databaseState(): Record<string, unknown[]> {
  const db = new BetterSqlite3(server.config.dbFile, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_%' ORDER BY name")
      .all() as { name: string }[];
    return Object.fromEntries(
      tables.map(({ name }) => [
        name,
        (db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all() as Record<string, unknown>[]).map((row) => {
          const { last_seen_at: _seen, ...rest } = row;
          return name === 'device_tokens' ? rest : row;
        }),
      ]),
    );
  } finally {
    db.close();
  }
}

async function headersFor(op: Operation, who: Caller): Promise<Record<string, string>> {
  // Logging out ends the session: give it a session of its own.
  if (op.operationId === 'logout' && isHcm(who)) return loginHeaders(server.url, HCM_ACCOUNTS[who][1], HCM_ACCOUNTS[who][2]);
  if (op.operationId === 'logout' && accounts.includes(who)) {
    const username = { admin: 'admin', manager: 'ha', staff: 'lan' }[who as string]!;
    return loginHeaders(server.url, username);
  }
  return headersOf.get(who)!;
}

async function pathFor(op: Operation): Promise<string> {
  let tokenId = 'none';
  if (op.path.includes('{tokenId}')) {
    // Each attempt revokes a token of its own.
    tokenId = (await createDeviceToken(server.deps, { centreId: 'demo', createdBy: null, kind: 'display', name: 'to revoke' })).device.id;
  }
  const values: Record<string, string> = {
    centreId: 'demo',
    counterId: 'quay-1',
    serviceId: 'dat-dai',
    staffId: 'tuan',
    ticketId,
    tokenId,
    jobId: PRINT_JOB_ID,
    code: 'H12.34-241203-0001',
  };
  return op.path.replace(/\{(\w+)\}/g, (_whole, name: string) => {
    if (!(name in values)) throw new Error(`role matrix: no sample value for path parameter {${name}} of ${op.operationId}`);
    return values[name]!;
  });
}

describe('role matrix over every /api operation', () => {
  it('has an expected row for exactly the operations the API documents', () => {
    const ids = operations.map((o) => o.operationId);
    expect(
      ids.filter((id) => !(id in allowed)),
      'operations without a row in `allowed`',
    ).toEqual([]);
    expect(
      Object.keys(allowed).filter((id) => !ids.includes(id)),
      'rows for operations the API does not have',
    ).toEqual([]);
  });

  // Every operation × every caller, with the database's fingerprint around each refusal: about
  // 1,000 requests, ~30 s on 2 busy cores and growing with the API, hence its own timeout.
  it('lets exactly the allowed callers through; the rest are refused and change nothing', { timeout: 180_000 }, async () => {
    const failures: string[] = [];
    for (const op of operations) {
      for (const who of CALLERS) {
        const path = await pathFor(op);
        const headers = { ...(await headersFor(op, who)) };
        // Each caller that may create an account takes a username of its own.
        const sample = op.operationId === 'createStaff' ? { ...(bodies.createStaff as object), username: `role-matrix-${who}` } : bodies[op.operationId];
        const body = op.hasBody ? JSON.stringify(sample ?? {}) : undefined;
        if (body !== undefined) headers['content-type'] = 'application/json';
        const before = databaseState();
        const res = await fetch(`${server.url}/api${path}`, { method: op.method, headers, body });
        const json = res.status === 204 ? null : await res.json().catch(() => null);
        const code: string | undefined = json?.error?.code;
        const refused = (res.status === 401 && code === 'auth.required') || (res.status === 403 && code === 'auth.forbidden');
        const label = `${op.operationId} as ${who}: ${res.status} ${code ?? ''}`;
        const shouldPass = allowed[op.operationId]?.includes(who) ?? false;
        if (shouldPass) {
          if (refused) failures.push(`${label} (expected to be let in)`);
          else if (res.status >= 500) failures.push(`${label} (server error)`);
          else if (mustSucceed.has(op.operationId) && (res.status < 200 || res.status > 299)) failures.push(`${label} (expected 2xx)`);
        } else {
          if (!refused) failures.push(`${label} (expected to be refused)`);
          else if (res.status !== (who === 'anonymous' ? 401 : 403)) failures.push(`${label} (wrong refusal)`);
          else {
            const after = databaseState();
            if (JSON.stringify(after) !== JSON.stringify(before)) failures.push(`${label} (refused, but the database changed)`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
