import { loadConfig } from '../../server/config.ts';
import { startServer } from '../../server/compose.ts';

/**
 * The server under test, in its own process so the load generator does not share its event loop.
 * Config arrives as a JSON argument (not process.env) so only the keys the bench chose apply.
 * Prints one `ready <url>` line; exits on SIGTERM or when the parent's stdin pipe closes, so an
 * aborted bench leaves no server behind.
 */
const env = JSON.parse(process.argv[2] ?? '{}') as Record<string, string>;
const server = await startServer(loadConfig(env));
process.stdout.write(`ready ${server.url}\n`);

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
