import { join } from 'node:path';
import { ConfigError, loadConfig, publicUrlWarning } from './config.ts';
import { startServer } from './compose.ts';
import { DEMO_PASSWORD, DEMO_TOKENS } from './demo/demo-accounts.ts';
import { createLogger } from './kernel/log.ts';
import { describeStartupFailure } from './startup-failure.ts';
import { describeStore } from './storage/open-store.ts';

/**
 * CLI entry: `npm start` (demo) or `node --import tsx server/main.ts`; `bun server/main.ts` on Bun.
 * Not the `tsx` CLI: it runs the server in a child process and, when a signal reaches only
 * itself (docker stop, kill <pid>), relays it and SIGKILLs the child unless the child confirms
 * the signal within 30 ms — a server busy at that moment died mid-shutdown and tsx exited 143
 * (docs/faults.md).
 */
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
  let server;
  try {
    server = await startServer(config, { log });
  } catch (error) {
    // The data folder, the database, the port or the address: one line naming it, exit code 2.
    const line = describeStartupFailure(error, config);
    if (line === null) throw error;
    process.stderr.write(`${line}\n`);
    process.exit(2);
  }
  // The demo's printer (issue #4): a simulated one for the demo kiosk, through the real bridge
  // code in this process. On Node only: the bridge is a Node program (serialport, canvas).
  let demoBridge: { stop(): Promise<void> } | null = null;
  if (config.DEMO && !('Bun' in globalThis) && (await server.deps.store.getDeviceToken('demo-bridge'))) {
    try {
      const { startDemoBridge } = await import('../firmware-bridge/demo.ts');
      // A simulated rating keypad at every counter of the demo centre (issue #5).
      const keypadCounters = (await server.deps.store.listCounters('demo')).filter((c) => c.active).map((c) => c.id);
      demoBridge = await startDemoBridge({
        serverUrl: server.url,
        token: DEMO_TOKENS.bridge,
        dataDir: config.DATA_DIR,
        logLevel: config.LOG_LEVEL,
        keypadCounters,
      });
    } catch (error) {
      log.error('the demo printer did not start; tickets will show on screen only', error);
    }
  }
  const runtime = typeof (globalThis as { Bun?: unknown }).Bun !== 'undefined' ? 'Bun' : `Node ${process.version}`;
  log.info(`Luot listening on ${server.url} (${runtime}), data in ${describeStore(config)}`);
  // Once listening (a server that cannot start says only why, startup-failure.ts).
  const unsetPublicUrl = publicUrlWarning(config);
  if (unsetPublicUrl) log.warn(unsetPublicUrl);
  if (server.demoCreated) log.info('Demo centre created.');
  if (server.accounts.demoAccountsCreated) log.info('Demo accounts and device tokens created.');
  if (server.accounts.defaultCentreCreated) log.info('No centre yet: created the default centre "main" (configure it at /admin).');
  const { firstAdmin } = server.accounts;
  if (firstAdmin) {
    const what = firstAdmin.role === 'province_admin' ? 'province administrator' : 'administrator';
    log.info(`First ${what} account "${firstAdmin.username}" created in centre "${firstAdmin.centreId}".`);
  }
  // Kiosks and displays are paired by opening their URL once with ?pair=<device token>.
  const pair = (token: string) => (config.DEMO ? `?pair=${token}` : '');
  process.stdout.write(
    [
      '',
      `  Kiosk (màn hình lấy số):    ${server.url}/kiosk${pair(DEMO_TOKENS.kiosk)}`,
      `  Counter console (quầy):     ${server.url}/counter`,
      `  Hall display (màn hình):    ${server.url}/display${pair(DEMO_TOKENS.display)}`,
      `  Admin (quản trị):           ${server.url}/admin`,
      `  API (OpenAPI 3.1):          ${server.url}/api/openapi.json`,
      ...(demoBridge ? [`  Demo printer (simulated):   ${join(config.DATA_DIR, 'printed')}/<job id>.png`] : []),
      // A paired device of its own, bound to one counter (issue #10); the demo has one per counter.
      config.DEMO
        ? `  Rating screen (đánh giá):   ${server.url}/rate/quay-1${pair(DEMO_TOKENS['rating-screen'])}  (counter 1; demo-rate-2…6 for the others)`
        : `  Rating screen (đánh giá):   ${server.url}/rate/<counter id>  (a device: pair it from /admin, Devices)`,
      ...(demoBridge ? ['  Demo keypads (simulated):   one per counter; armed on "Kết thúc", a button ~10 s later'] : []),
      ...(config.DEMO ? ['', `  Demo accounts: admin, ha (manager), lan, hung, tuan (staff) — password "${DEMO_PASSWORD}"`] : []),
      // Printed once, never logged: stdout is the operator's terminal, the log may be shipped elsewhere.
      ...(firstAdmin?.oneTimePassword
        ? ['', `  One-time password of "${firstAdmin.username}": ${firstAdmin.oneTimePassword}`, '  (change it at the first login)']
        : []),
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
    await demoBridge?.stop();
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
