import { ConfigError, loadConfig } from './config.ts';
import { startServer } from './compose.ts';
import { createLogger } from './log.ts';

/** CLI entry: `npm start` (demo) or `tsx server/main.ts`; `bun server/main.ts` on Bun. */
async function main() {
  const env = { ...process.env };
  if (process.argv.includes('--demo')) env.DEMO = 'true';
  let config;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const log = createLogger(config.LOG_LEVEL);
  const server = await startServer(config, { log });
  const runtime = typeof (globalThis as { Bun?: unknown }).Bun !== 'undefined' ? 'Bun' : `Node ${process.version}`;
  log.info(`Luot listening on ${server.url} (${runtime}), data in ${config.dbFile}`);
  if (server.demoCreated) log.info('Demo centre created.');
  process.stdout.write(
    [
      '',
      `  Kiosk (màn hình lấy số):    ${server.url}/kiosk`,
      `  Counter console (quầy):     ${server.url}/counter`,
      `  Hall display (màn hình):    ${server.url}/display`,
      `  API (OpenAPI 3.1):          ${server.url}/api/openapi.json`,
      '',
    ].join('\n') + '\n',
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: shutting down`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error) => {
  process.stderr.write(`Luot failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
