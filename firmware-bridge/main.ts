import { BridgeConfigError, loadBridgeConfig } from './config.ts';
import { startBridge } from './bridge.ts';
import { createBridgeLogger } from './log.ts';

const USAGE = 'usage: npm run bridge -- --config <file.json> [--simulate]\n       npm run bridge -- --list-ports   (serial ports for keypads and printers)';

/** CLI entry: `npm run bridge -- --config bridge.json [--simulate]` (docs/firmware-bridge.md). */
async function main() {
  const args = process.argv.slice(2);
  if (args.includes('--list-ports')) {
    // For the installer: the stable /dev/serial/by-id names to put in the config.
    const { listSerialPorts } = await import('./keypad/serial-ports.ts');
    const ports = await listSerialPorts();
    process.stdout.write(ports.length ? ports.map((p) => `${p.path}${p.description ? `  ${p.description}` : ''}\n`).join('') : 'no serial ports found\n');
    process.exit(0);
  }
  const at = args.indexOf('--config');
  const file = at >= 0 ? args[at + 1] : undefined;
  if (!file || args.includes('--help')) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(file ? 0 : 2);
  }
  let config;
  try {
    config = loadBridgeConfig(file, process.env);
  } catch (error) {
    if (error instanceof BridgeConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const simulate = args.includes('--simulate');
  const log = createBridgeLogger(config.logLevel);
  if (simulate) log.info(`simulate mode: tickets are written to ${config.simulateDir}`);
  const bridge = await startBridge(config, { simulate, log });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: stopping`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await bridge.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error) => {
  process.stderr.write(`the bridge failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
