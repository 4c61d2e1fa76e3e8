import { loadConfig } from '../../server/config.ts';
import { startServer } from '../../server/compose.ts';

/**
 * The server under test, in its own process so the load generator does not share its event loop.
 * Config arrives as a JSON argument (not process.env) so only the keys the bench chose apply.
 * Prints one `ready <url>` line; exits on SIGTERM or when the parent's stdin pipe closes, so an
 * aborted bench leaves no server behind.
 *
 * Over the IPC channel (spawn-server.ts) it answers `stats` with its own counters: SQL statements
 * run so far (through the store's driver), CPU time of this process (process.cpuUsage) and RSS,
 * so the bench reports the server's cost per operation, not the load generator's.
 */
const env = JSON.parse(process.argv[2] ?? '{}') as Record<string, string>;
let statements = 0;
const server = await startServer(loadConfig(env), { observeStatements: () => void statements++ });
process.stdout.write(`ready ${server.url}\n`);

export interface ServerStats {
  statements: number;
  /** User + system CPU of the server process, microseconds. */
  cpuUs: number;
  rssBytes: number;
}

process.on('message', (message: unknown) => {
  if (message !== 'stats') return;
  const cpu = process.cpuUsage();
  const stats: ServerStats = { statements, cpuUs: cpu.user + cpu.system, rssBytes: process.memoryUsage.rss() };
  process.send?.(stats);
});

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await server.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.stdin.on('end', () => void stop());
process.stdin.resume();
