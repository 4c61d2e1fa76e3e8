/**
 * `npm run demo:province`: a whole province on one machine, for anyone evaluating Luot — a
 * private PostgreSQL cluster (Debian's `postgresql` binaries, data in a temp folder), two server
 * instances, Debian's nginx in front with the shipped config (deploy/nginx/, without TLS), and two
 * centres: the demo centre and a second made from it through the API by a province administrator.
 * Prints the URLs and accounts; Ctrl-C stops everything it started and deletes the temp folder.
 *
 * Uses the tests' helpers for the cluster and nginx (test/helpers/postgres-cluster.ts, nginx.ts),
 * so the demo runs exactly what the balancer test checks. Needs `npm run build` done (the pages).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { DEMO_PASSWORD, DEMO_TOKENS } from '../server/demo/demo-accounts.ts';
import { spawnChild, tsxNodeArgs, type Child } from '../test/helpers/child.ts';
import { freePort, hasNginx, NGINX_BIN, startNginx, type Nginx } from '../test/helpers/nginx.ts';
import { findPgBin, startCluster, type PgCluster } from '../test/helpers/postgres-cluster.ts';
import { tempDir } from '../test/helpers/temp-dir.ts';

const SECOND = { id: 'binh-an', vi: 'Trung tâm Phục vụ hành chính công xã Bình An', en: 'Binh An Commune Public Administrative Service Centre' };
const PROVINCE_ADMIN = { username: 'tinh', password: 'luot-province' };
const SECOND_ADMIN = { username: 'binhan-admin', password: 'luot-binh-an' };
const INSTANCES = 2;

const say = (line: string) => process.stdout.write(`${line}\n`);
const fail = (message: string): never => {
  process.stderr.write(`demo:province: ${message}\n`);
  process.exit(1);
};

if (!findPgBin()) fail('PostgreSQL server binaries not found under /usr/lib/postgresql (apt-get install postgresql)');
if (!hasNginx()) fail(`nginx not found at ${NGINX_BIN} (apt-get install nginx)`);
if (!existsSync('dist/web')) fail('the pages are not built: run `npm run build` first');

const dir = tempDir('luot-province');
let cluster: PgCluster | null = null;
let nginx: Nginx | null = null;
const servers: Child[] = [];
let stopping = false;

async function stopAll(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    say('\nStopping nginx, the instances and the cluster …');
    await nginx?.stop().catch(() => undefined);
    await Promise.all(servers.map((s) => s.stop(5000)));
    await cluster?.stop().catch(() => undefined);
    dir.remove();
  }
  process.exit(code);
}
process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

async function startInstance(databaseUrl: string, n: number, demo: boolean): Promise<string> {
  const dataDir = join(dir.path, `instance-${n}`);
  mkdirSync(dataDir);
  const child = spawnChild(process.execPath, tsxNodeArgs('server/main.ts'), {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      // nginx is on this machine: only it may name the client (X-Forwarded-For).
      TRUSTED_PROXIES: '127.0.0.1',
      // The same key on every instance: a session made through one is read by the others.
      SESSION_SECRET: 'demo-province-session-secret-not-for-production',
      DEMO: demo ? 'true' : 'false',
      // info: the "Luot listening on" line tells the address; only stderr (warnings, errors) is shown.
      LOG_LEVEL: 'info',
    },
  });
  servers.push(child);
  // The log is on stderr: show its warnings and errors, not every info line.
  child.proc.stderr.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) if (/ (WARN|ERROR) /.test(line)) process.stderr.write(`[instance ${n}] ${line}\n`);
  });
  void child.exited.then(({ code, signal }) => {
    if (!stopping) {
      process.stderr.write(`demo:province: instance ${n} stopped (${signal ?? code}); stopping the rest\n`);
      void stopAll(1);
    }
  });
  const [, url] = await child.waitForLine(/Luot listening on (http:\/\/[^\s]+)/, 60_000);
  return url!;
}

async function api(base: string, method: string, path: string, headers: Record<string, string>, body?: unknown) {
  const res = await fetch(`${base}/api${path}`, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json().catch(() => null)) as any;
  if (res.status !== 200) fail(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

async function login(base: string, username: string, password: string): Promise<Record<string, string>> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ username, password }),
  });
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('luot_session='));
  if (res.status !== 200 || !cookie) fail(`login as ${username}: ${res.status}`);
  return { cookie: cookie!.split(';')[0]!, origin: base };
}

async function main() {
  say('Starting a private PostgreSQL cluster …');
  cluster = await startCluster();
  const databaseUrl = await cluster.createDatabase('luot_province', { exact: true });
  say(`Starting ${INSTANCES} Luot instances …`);
  // The first makes the demo centre; the others find it in the database.
  const urls = [await startInstance(databaseUrl, 1, true)];
  for (let n = 2; n <= INSTANCES; n++) urls.push(await startInstance(databaseUrl, n, false));
  const port = (await isFree(8080)) ? 8080 : await freePort();
  nginx = await startNginx(
    urls.map((u) => new URL(u).host),
    { port },
  );
  const base = nginx.url;

  // The province administrator. A new province database's first account is one; the demo's
  // accounts are a centre's, so a demo admin account is made and promoted from the server machine.
  const admin = await login(base, 'admin', DEMO_PASSWORD);
  await api(base, 'POST', '/centres/demo/staff', admin, {
    username: PROVINCE_ADMIN.username,
    name: 'Sở Nội vụ (quản trị tỉnh)',
    role: 'admin',
    password: PROVINCE_ADMIN.password,
    mustChangePassword: false,
  });
  // The documented tool for it (docs/deployment.md, "The first province administrator").
  const grant = spawnSync(process.execPath, tsxNodeArgs('scripts/province-role.ts', PROVINCE_ADMIN.username), {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
  });
  if (grant.status !== 0) fail(`account:province: ${grant.stderr.trim()}`);

  // The second centre, from the demo centre as a template, with its own admin and devices.
  const province = await login(base, PROVINCE_ADMIN.username, PROVINCE_ADMIN.password);
  await api(base, 'POST', '/centres', province, { id: SECOND.id, name: { vi: SECOND.vi, en: SECOND.en }, templateCentreId: 'demo' });
  await api(base, 'POST', `/centres/${SECOND.id}/staff`, province, {
    username: SECOND_ADMIN.username,
    name: 'Quản trị Bình An',
    role: 'admin',
    password: SECOND_ADMIN.password,
    mustChangePassword: false,
  });
  const device = async (kind: 'kiosk' | 'display', name: string) =>
    ((await api(base, 'POST', `/centres/${SECOND.id}/device-tokens`, province, { kind, name })) as { token: string }).token;
  const second = { kiosk: await device('kiosk', 'Kiosk Bình An (demo)'), display: await device('display', 'Màn hình Bình An (demo)') };

  const centreLines = (title: string, tokens: { kiosk: string; display: string }) => [
    `  ${title}`,
    `    Kiosk:            ${base}/kiosk?pair=${tokens.kiosk}`,
    `    Hall display:     ${base}/display?pair=${tokens.display}`,
    `    Counter console:  ${base}/counter`,
    `    Admin:            ${base}/admin`,
    `    Reports:          ${base}/reports`,
  ];
  say(
    [
      '',
      `Luot province demo — nginx ${base} in front of ${urls.join(', ')}`,
      `PostgreSQL: ${databaseUrl} (data in ${dir.path}, deleted on exit)`,
      '',
      ...centreLines(`Centre "demo" (${'An Phú'})`, DEMO_TOKENS),
      `    Accounts:         admin, ha (manager), lan, hung, tuan (staff) — password "${DEMO_PASSWORD}"`,
      '',
      ...centreLines(`Centre "${SECOND.id}" (Bình An, made from "demo" as a template; counters closed, no officers yet)`, second),
      `    Account:          ${SECOND_ADMIN.username} (admin) — password "${SECOND_ADMIN.password}"`,
      '',
      `  Province administrator (every centre; creates centres in /admin): ${PROVINCE_ADMIN.username} — password "${PROVINCE_ADMIN.password}"`,
      `  Readiness per instance: ${urls.map((u) => `${u}/api/ready`).join('  ')}`,
      '',
      'Ctrl-C stops everything.',
    ].join('\n'),
  );
}

async function isFree(port: number): Promise<boolean> {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`demo:province: ${error instanceof Error ? error.message : String(error)}\n`);
  void stopAll(1);
});
