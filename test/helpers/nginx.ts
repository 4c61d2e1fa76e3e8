/**
 * A private nginx for tests: Debian's binary (package `nginx`), run as the current user with a
 * configuration generated into a temp folder, listening on 127.0.0.1 on a free port. The
 * configuration is the shipped one (deploy/nginx/luot.conf's map and upstream, with the instances'
 * loopback addresses in place of the example servers, and deploy/nginx/luot-locations.conf
 * included as it is), without the TLS server. Never touches the system nginx or its paths.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { spawnChild, type Child } from './child.ts';
import { tempDir } from './temp-dir.ts';

export const NGINX_BIN = process.env.LUOT_TEST_NGINX ?? '/usr/sbin/nginx';
export const SHIPPED_CONF = resolve('deploy/nginx/luot.conf');
export const SHIPPED_LOCATIONS = resolve('deploy/nginx/luot-locations.conf');

/** A port nobody listens on right now, on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

export const hasNginx = (): boolean => existsSync(NGINX_BIN);

export interface Nginx {
  url: string;
  port: number;
  dir: string;
  child: Child;
  /** nginx's error log so far (upstream failures are logged there). */
  errorLog(): string;
  /** nginx's access log so far: `<client> "<request>" <status> upstream=<instance(s)>` per line. */
  accessLog(): string;
  stop(): Promise<void>;
}

/** A top-level block of the shipped config (`map $http_upgrade …`, `upstream luot`), braces included. */
export function shippedBlock(conf: string, head: string): string {
  const start = conf.indexOf(`\n${head}`);
  if (start < 0) throw new Error(`deploy/nginx/luot.conf has no block "${head}"`);
  const end = conf.indexOf('\n}', start);
  return conf.slice(start + 1, end + 2);
}

/**
 * The shipped upstream with `instances` (host:port) in place of its example servers, each keeping
 * the example's parameters (max_fails, fail_timeout).
 */
export function loopbackUpstream(conf: string, instances: readonly string[]): string {
  const block = shippedBlock(conf, 'upstream luot {');
  const servers = [...block.matchAll(/^(\s*)server\s+\S+(.*);$/gm)];
  if (servers.length === 0) throw new Error('the shipped upstream has no server line');
  const [, indent, params] = servers[0]!;
  const lines = instances.map((i) => `${indent}server ${i}${params};`).join('\n');
  const withoutServers = block.replace(/^\s*server\s+\S+.*;\n/gm, '');
  return withoutServers.replace(/(\n\s*keepalive|\n\})/, `\n${lines}$1`);
}

/** The whole nginx.conf the test runs, as text. */
export function testConfig(dir: string, port: number, instances: readonly string[]): string {
  const conf = readFileSync(SHIPPED_CONF, 'utf8');
  const tmp = (name: string) => join(dir, 'tmp', name);
  return [
    // As root (CI), workers would switch to `nobody`, who cannot write the temp folder.
    process.getuid?.() === 0 ? 'user root root;' : '',
    'worker_processes 1;',
    `error_log ${join(dir, 'error.log')} info;`,
    'events { worker_connections 1024; }',
    'http {',
    // Which instance answered each request, for the tests.
    '  log_format luot_test \'$remote_addr "$request" $status upstream=$upstream_addr\';',
    `  access_log ${join(dir, 'access.log')} luot_test;`,
    `  client_body_temp_path ${tmp('body')};`,
    `  proxy_temp_path ${tmp('proxy')};`,
    `  fastcgi_temp_path ${tmp('fastcgi')};`,
    `  uwsgi_temp_path ${tmp('uwsgi')};`,
    `  scgi_temp_path ${tmp('scgi')};`,
    shippedBlock(conf, 'map $http_upgrade'),
    loopbackUpstream(conf, instances),
    '  server {',
    `    listen 127.0.0.1:${port};`,
    '    server_name _;',
    `    include ${SHIPPED_LOCATIONS};`,
    '  }',
    '}',
    '',
  ].join('\n');
}

/** Starts nginx in front of `instances` (host:port) on `port` (default: a free one); resolves once it accepts connections. */
export async function startNginx(instances: readonly string[], options: { port?: number } = {}): Promise<Nginx> {
  const temp = tempDir('luot-nginx');
  const dir = temp.path;
  mkdirSync(join(dir, 'tmp'), { recursive: true });
  const port = options.port ?? (await freePort());
  const confFile = join(dir, 'nginx.conf');
  writeFileSync(confFile, testConfig(dir, port, instances));
  const pid = join(dir, 'nginx.pid');
  const child = spawnChild(NGINX_BIN, ['-p', dir, '-c', confFile, '-e', join(dir, 'error.log'), '-g', `daemon off; pid ${pid};`]);
  const url = `http://127.0.0.1:${port}`;
  const readLog = (name: string) => (existsSync(join(dir, name)) ? readFileSync(join(dir, name), 'utf8') : '');
  const errorLog = () => (existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : '');
  const deadline = Date.now() + 10_000;
  for (;;) {
    const up = await fetch(`${url}/metrics`).then(
      () => true,
      () => false,
    );
    if (up) break;
    if (child.proc.exitCode !== null || Date.now() > deadline) {
      await child.stop(1000);
      throw new Error(`nginx did not start:\n${child.stderr()}\n${errorLog()}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    port,
    dir,
    child,
    errorLog,
    accessLog: () => readLog('access.log'),
    async stop() {
      // SIGQUIT: graceful; SIGTERM after the grace (child.stop) is nginx's fast shutdown.
      child.kill('SIGQUIT');
      await child.stop(3000);
      temp.remove();
    },
  };
}

/** `nginx -t` on a configuration file: null when valid, else nginx's message. */
export async function checkConfig(confFile: string, dir: string): Promise<string | null> {
  const child = spawnChild(NGINX_BIN, ['-t', '-p', dir, '-c', confFile, '-e', join(dir, 'error.log'), '-g', `pid ${join(dir, 'nginx.pid')};`]);
  const { code } = await child.exited;
  return code === 0 ? null : child.stderr();
}
