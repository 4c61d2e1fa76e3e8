import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS, type Holder } from '../../server/accounts/permissions.ts';
import { chaosSeed, describeCase, rawRequest } from '../helpers/chaos.ts';
import { loginHeaders, sessionCookieOf, usernameOf, type Who } from '../helpers/credentials.ts';
import { hashPassword } from '../../server/accounts/password.ts';
import { changedTables, dbFingerprinter, type DbFingerprinter, type Fingerprint, type Ignored } from '../helpers/db-fingerprint.ts';
import {
  bodyCase,
  EDGE_DAYS,
  encode,
  isDayParam,
  operationsOf,
  pathSegment,
  queryString,
  type BodyCase,
  type OpenApiDoc,
  type Operation,
} from '../helpers/openapi-fuzz.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

/**
 * Every operation of /api/openapi.json, called anonymously, with its role's credentials, with
 * someone else's and with forged ones; with fitting, malformed and hostile bodies, path params and
 * queries (test/helpers/openapi-fuzz.ts). Never a 5xx; every 4xx is `{ error: { code, message } }`
 * in JSON; and a refused request changes nothing in the database (every table hashed through a
 * second, read-only connection before and after). docs/testing.md says how to reproduce a failure.
 */
const SEED = chaosSeed();
const RUNS = Number(process.env.CHAOS_FUZZ_RUNS ?? 60);

/**
 * What a refused request may legitimately change. Anything else changed by a 4xx is a finding.
 * - device_tokens.last_seen_at: a device's token is checked (and its "last seen" written, at most
 *   once a minute) before the route decides it may not do this; admins see when a device was last
 *   online, refused or not.
 * - security_events: the audit of login locks (docs/security.md): a refused login that starts a
 *   lock is recorded there by design; the login guard is its only writer.
 * - login_throttles: the failure counts and locks of the login guard (docs/security.md), shared by
 *   every instance through the store: a refused login is counted there by design (and rows an hour
 *   old are pruned whenever a login is checked); the login guard is its only writer.
 */
const IGNORED: Ignored = {
  device_tokens: { columns: ['last_seen_at'], why: 'written when a device authenticates, before the route refuses it' },
  security_events: { columns: '*', why: 'the audit of login locks: a refused login that starts a lock is recorded by design' },
  login_throttles: { columns: '*', why: 'the login guard counts refused logins by design, for every instance' },
};

/** A province administrator (issue #13) the fuzz makes in the demo centre: the one holder of province:admin. */
const PROVINCE_ADMIN = { username: 'fuzz-province', password: 'fuzz-province-1' };
type Acting = Who | 'province-admin';

const WHO_OF: Record<Holder, Acting> = {
  admin: 'admin',
  manager: 'ha',
  staff: 'lan',
  province_admin: 'province-admin',
  // Reads only; a manager's calls are as fitting.
  province_manager: 'ha',
  'device:kiosk': 'kiosk',
  'device:display': 'display',
  'device:bridge': 'bridge',
  'device:rating-screen': 'rating-screen',
  'device:integration': 'integration',
};
const EVERYONE: Acting[] = ['admin', 'ha', 'lan', 'hung', 'kiosk', 'display', 'bridge', 'rating-screen', 'province-admin', 'anonymous'];
type Caller = Acting | 'forged-token' | 'forged-cookie';

interface Case {
  who: Caller;
  path: Record<string, string>;
  query: string;
  body: BodyCase;
}

// Started while the file is collected: the tests are made from the document it serves.
// A long print deadline: no print job is abandoned by a timer while requests are checked.
const server: TestServer = await startTestServer({}, { PRINT_TIMEOUT_MS: '120000' });
const doc: OpenApiDoc = await (await fetch(`${server.url}/api/openapi.json`)).json();
const ops: Operation[] = operationsOf(doc);
let fp: DbFingerprinter;
let baseline: Fingerprint;
const known: Record<string, string[]> = {};
const spareSessions: Record<string, string>[] = [];
let provinceHeaders: Record<string, string> = {};

beforeAll(async () => {
  const ok = async (res: Promise<Response>) => {
    const r = await res;
    if (r.status >= 300) throw new Error(`fixture request failed: ${r.status} ${await r.text()}`);
    return r.json();
  };
  // Ids that exist, so fuzzed requests reach past "not found". Never the demo accounts or devices
  // the fuzz acts as: a fitting request to reset their password would lock the fuzz out.
  await ok(server.api('/centres/demo/staff', { json: { username: 'fuzz-victim', name: 'Fuzz', role: 'staff', password: 'fuzz-victim-1' } }));
  await server.deps.store.runInTx({ centreId: 'demo' }, (tx) => tx.upsertStaff({ id: 'fuzz-province', centreId: 'demo', name: 'Fuzz province' }));
  await server.deps.store.setAccount('demo', 'fuzz-province', {
    username: PROVINCE_ADMIN.username,
    passwordHash: await hashPassword(PROVINCE_ADMIN.password),
    role: 'province_admin',
    active: true,
    mustChangePassword: false,
  });
  provinceHeaders = await loginHeaders(server.url, PROVINCE_ADMIN.username, PROVINCE_ADMIN.password);
  const token = await ok(server.api('/centres/demo/device-tokens', { json: { kind: 'display', name: 'fuzz display' } }));
  await server.openCounter('quay-1', 'lan');
  const services = ((await ok(server.api('/centres/demo/services'))) as { id: string }[]).map((s) => s.id);
  const tickets = [];
  for (const serviceId of services.slice(0, 3)) tickets.push(await ok(server.api('/centres/demo/tickets', { json: { serviceId }, as: 'kiosk' })));
  Object.assign(known, {
    centreId: ['demo', 'nowhere'],
    counterId: ['quay-1', 'quay-2', 'quay-6', 'no-such-counter'],
    serviceId: [...services, 'new-service'],
    ticketId: [...tickets.map((t: any) => t.ticket.id), 'no-such-ticket'],
    staffId: ['fuzz-victim', 'nobody'],
    tokenId: [token.device.id, 'no-such-token'],
    jobId: [...tickets.filter((t: any) => t.printJob).map((t: any) => t.printJob.id), 'no-such-job'],
    // A dossier code (issue #14) or an appointment's 8-digit code; none of them exist yet.
    code: ['H12.34-241203-0001', '00000000', 'no-such-code'],
  });
  for (const who of EVERYONE) if (who !== 'province-admin') await server.credentials(who);
  // Logging out ends the session it is sent with: give logout sessions of its own.
  for (let i = 0; i < 12; i++) {
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ username: 'hung', password: 'luot-demo' }),
    });
    spareSessions.push({ cookie: sessionCookieOf(res), origin: server.url });
  }
  fp = dbFingerprinter(server.config.dbFile, IGNORED);
  baseline = await settled();
}, 60_000);

afterAll(async () => {
  fp?.close();
  await server?.stop();
});

/** A fingerprint once nothing changes any more (work a request set off after answering, e.g. rollups). */
async function settled(): Promise<Fingerprint> {
  let last = fp.take();
  for (let i = 0; i < 50; i++) {
    await new Promise((r) => setTimeout(r, 10));
    const next = fp.take();
    if (changedTables(last, next).length === 0) return next;
    last = next;
  }
  return last;
}

function caseOf(op: Operation): fc.Arbitrary<Case> {
  const roles = op.permission ? [...new Set((PERMISSIONS as Record<string, readonly Holder[]>)[op.permission]!.map((h) => WHO_OF[h]))] : ['admin', 'lan', 'ha'];
  const who: fc.Arbitrary<Caller> = fc.oneof(
    { weight: 2, arbitrary: fc.constant<Caller>('anonymous') },
    { weight: 5, arbitrary: fc.constantFrom<Caller>(...(roles as Acting[])) },
    { weight: 2, arbitrary: fc.constantFrom<Caller>(...EVERYONE) },
    { weight: 1, arbitrary: fc.constantFrom<Caller>('forged-token', 'forged-cookie') },
  );
  const pathParams = op.params.filter((p) => p.in === 'path');
  const path = fc.record(Object.fromEntries(pathParams.map((p) => [p.name, pathSegment(known[p.name] ?? [])])));
  return fc.record({
    who,
    path,
    query: queryString(doc, op.params),
    body: op.body ? bodyCase(doc, op.body) : fc.constant<BodyCase>({ kind: 'none', label: 'no body' }),
  });
}

/**
 * Cases every run makes whatever the seed, so a known class of failure cannot hide behind an
 * unlucky draw: each edge day in each day parameter, and a request line over Node's 16 kB header
 * limit (answered before the app sees it).
 */
function fixedCases(op: Operation): Case[] {
  const roles: Acting[] = op.permission ? (PERMISSIONS as Record<string, readonly Holder[]>)[op.permission]!.map((h) => WHO_OF[h]) : ['admin'];
  const who = roles.find((r) => r !== 'province-admin' && usernameOf[r]) ?? roles[0]!;
  const ids = Object.fromEntries(op.params.filter((p) => p.in === 'path').map((p) => [p.name, encode(known[p.name]?.[0] ?? 'x')]));
  const body: BodyCase = op.body ? { kind: 'json', label: 'empty object', value: {} } : { kind: 'none', label: 'no body' };
  const cases: Case[] = [{ who, path: ids, query: `pad=${'x'.repeat(17_000)}`, body }];
  for (const p of op.params.filter(isDayParam)) for (const day of EDGE_DAYS) cases.push({ who, path: ids, query: `${p.name}=${day}`, body });
  return cases;
}

async function headersOf(op: Operation, who: Caller): Promise<Record<string, string>> {
  if (who === 'forged-token') return { authorization: 'Bearer luot_demo-kiosk.not-the-secret' };
  if (who === 'forged-cookie') return { cookie: 'luot_session=forged.forged', origin: server.url };
  // logout would end the session every later case of that role uses.
  if (op.operationId === 'logout' && (who === 'province-admin' || usernameOf[who])) return spareSessions.pop() ?? {};
  if (who === 'province-admin') return provinceHeaders;
  return server.credentials(who as Who);
}

async function send(op: Operation, c: Case) {
  const path = op.path.replace(/\{(\w+)\}/g, (_m, name: string) => c.path[name] ?? 'x');
  const url = `/api${path}${c.query ? `?${c.query}` : ''}`;
  const headers: Record<string, string> = { ...(await headersOf(op, c.who)) };
  let body: string | undefined;
  if (op.method !== 'GET' && op.method !== 'HEAD') {
    if (c.body.kind === 'json') {
      body = JSON.stringify(c.body.value);
      headers['content-type'] = 'application/json';
    } else if (c.body.kind === 'raw') {
      body = c.body.text;
      if (c.body.contentType) headers['content-type'] = c.body.contentType;
    }
  }
  const res = await rawRequest(server.url, url, { method: op.method, headers, body }).catch((error: Error) => {
    throw new Error(`${op.method} ${url.slice(0, 300)} as ${c.who}, body [${c.body.label}]: no answer (${error.message})`);
  });
  return { url, status: res.status, contentType: String(res.headers['content-type'] ?? ''), text: res.text };
}

async function check(op: Operation, c: Case): Promise<void> {
  const before = baseline;
  const res = await send(op, c);
  const what = () => describeCase(op.method, res.url, c.who, c.body, res.status, res.text);
  if (res.status >= 500) throw new Error(`5xx: ${what()}`);
  if (res.status >= 400) {
    let parsed: any = null;
    try {
      parsed = JSON.parse(res.text);
    } catch {
      /* checked below */
    }
    const shaped = res.contentType.includes('application/json') && typeof parsed?.error?.code === 'string' && typeof parsed?.error?.message === 'string';
    if (!shaped || !/^[a-z_]+(\.[a-z_]+)+$/.test(parsed.error.code)) throw new Error(`not { error: { code, message } }: ${what()}`);
    const after = fp.take();
    const changed = changedTables(before, after);
    if (changed.length > 0) throw new Error(`a refused request changed ${changed.join(', ')}: ${what()}`);
    return;
  }
  baseline = await settled();
}

describe(`every operation of /api/openapi.json (CHAOS_SEED=${SEED}, ${RUNS} cases each)`, () => {
  it('the document lists the operations the fuzz knows how to call', () => {
    expect(ops.length).toBeGreaterThanOrEqual(40);
    for (const op of ops) for (const p of op.params.filter((x) => x.in === 'path')) expect(known[p.name], `${op.operationId}: ${p.name}`).toBeDefined();
  });

  // One test per operation with its own seed (SEED + its index): `-t <operationId>` reruns one.
  // Every case runs (no stop at the first failure, no shrinking against a server whose state
  // moves on); the distinct failures are listed with the case number that shows each.
  for (const [index, op] of ops.entries()) {
    it(`${op.operationId} (${op.method} ${op.path})`, async () => {
      const fixed = fixedCases(op).length;
      const cases = [...fixedCases(op), ...fc.sample(caseOf(op), { seed: SEED + index, numRuns: RUNS })];
      const failures = new Map<string, string>();
      for (const [n, c] of cases.entries()) {
        try {
          await check(op, c);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          const kind = message.replace(/:.*$/s, '') + (message.match(/→ (\d+)/)?.[1] ?? '');
          if (!failures.has(kind)) failures.set(kind, `${n < fixed ? 'fixed case' : 'case'} ${n}: ${message}`);
        }
      }
      const list = [...failures.values()].map((f) => `\n  ${f}`).join('');
      expect(failures.size, `${op.operationId}, seed ${SEED + index} (CHAOS_SEED=${SEED}), distinct failures:${list}\n`).toBe(0);
    });
  }
});
