/**
 * A private PostgreSQL cluster for tests: Debian's server binaries (package `postgresql`), a data
 * folder under the system temp folder, listening on 127.0.0.1 on a free port, trust
 * authentication for its one superuser `luot`. Started by the tests themselves (`.ci/run` only
 * installs the package), stopped and deleted when they end. Never touches a system cluster.
 */
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

export interface PgCluster {
  port: number;
  /** The cluster's address for one database (default `postgres`). */
  url(database?: string): string;
  /** A new empty database (or a copy of `template`); returns its address. `exact`: the name as given. */
  createDatabase(name?: string, options?: { exact?: boolean; template?: string }): Promise<string>;
  stop(): Promise<void>;
}

/** The folder of the newest installed PostgreSQL server's binaries, or null when none is installed. */
export function findPgBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => /^\d+$/.test(v) && existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** PostgreSQL refuses to run as root: as root, run its binaries as the `postgres` user Debian's package made. */
function asServerUser(bin: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
}

let counter = 0;

export async function startCluster(options: { bin?: string } = {}): Promise<PgCluster> {
  const bin = options.bin ?? findPgBin();
  if (!bin) throw new Error('PostgreSQL server binaries not found under /usr/lib/postgresql (apt-get install postgresql)');
  const dir = mkdtempSync(join(tmpdir(), 'luot-pg-'));
  if (process.getuid?.() === 0) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  const data = join(dir, 'data');
  const exec = (name: string, args: string[]) => {
    const [cmd, argv] = asServerUser(join(bin, name), args);
    return run(cmd, argv, { maxBuffer: 16 * 1024 * 1024 });
  };
  await exec('initdb', ['-D', data, '-U', 'luot', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  const port = await freePort();
  const settings = [
    `-c listen_addresses=127.0.0.1`,
    `-c port=${port}`,
    `-c unix_socket_directories=${dir}`,
    // Durable commits as in production; the tests' clusters are small and short-lived.
    `-c max_connections=200`,
    `-c shared_buffers=32MB`,
  ].join(' ');
  await exec('pg_ctl', ['-D', data, '-o', settings, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  const url = (database = 'postgres') => `postgres://luot@127.0.0.1:${port}/${database}`;
  return {
    port,
    url,
    async createDatabase(prefix = 'luot_test', options = {}) {
      return createDatabase(url(), prefix, options);
    },
    async stop() {
      await exec('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Creates a database on the cluster that `adminUrl` reaches, empty or a copy of `options.template`
 * (a name on the same cluster); returns its address.
 */
export async function createDatabase(adminUrl: string, prefix = 'luot_test', options: { exact?: boolean; template?: string } = {}): Promise<string> {
  const name = options.exact ? prefix : `${prefix}_${process.pid}_${Date.now().toString(36)}_${++counter}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"${options.template ? ` TEMPLATE "${options.template}"` : ''}`);
  } finally {
    await client.end();
  }
  const target = new URL(adminUrl);
  target.pathname = `/${name}`;
  return target.toString();
}

/** How to start a cluster's server again after `stopServer` (read from the running server). */
interface ServerSettings {
  bin: string;
  data: string;
  log: string;
  options: string;
}
const stoppedServers = new Map<number, ServerSettings>();

/**
 * Stops the cluster's server (`pg_ctl stop -m fast`: connected sessions are ended with 57P01),
 * keeping its data folder, so that `startServer` brings the same databases back on the same port.
 */
export async function stopServer(cluster: PgCluster): Promise<void> {
  const bin = findPgBin();
  if (!bin) throw new Error('PostgreSQL server binaries not found');
  const client = new pg.Client({ connectionString: cluster.url() });
  await client.connect();
  let settings: ServerSettings;
  try {
    const show = async (name: string) => String((await client.query(`SHOW ${name}`)).rows[0]?.[name]);
    const data = await show('data_directory');
    const sockets = await show('unix_socket_directories');
    const options = [
      `-c listen_addresses=127.0.0.1`,
      `-c port=${cluster.port}`,
      `-c unix_socket_directories=${sockets}`,
      `-c max_connections=200`,
      `-c shared_buffers=32MB`,
    ];
    settings = { bin, data, log: join(data, '..', 'server.log'), options: options.join(' ') };
  } finally {
    await client.end();
  }
  const [cmd, argv] = asServerUser(join(bin, 'pg_ctl'), ['-D', settings.data, '-m', 'fast', '-w', 'stop']);
  await run(cmd, argv);
  stoppedServers.set(cluster.port, settings);
}

/** Starts again a server `stopServer` stopped: same data folder, port and settings. */
export async function startServer(cluster: PgCluster): Promise<void> {
  const settings = stoppedServers.get(cluster.port);
  if (!settings) throw new Error(`no server stopped on port ${cluster.port}`);
  const [cmd, argv] = asServerUser(join(settings.bin, 'pg_ctl'), ['-D', settings.data, '-o', settings.options, '-l', settings.log, '-w', '-t', '60', 'start']);
  await run(cmd, argv);
  stoppedServers.delete(cluster.port);
}
