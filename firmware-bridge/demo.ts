import { join } from 'node:path';
import { startBridge, type RunningBridge } from './bridge.ts';
import { parseBridgeConfig } from './config.ts';
import { createBridgeLogger, type BridgeLogLevel } from './log.ts';

/**
 * The demo's bridge (`npm start`): in the server's process, one simulated 80 mm printer for the
 * demo kiosk, writing each ticket to `<dataDir>/printed/<job id>.png` (+ .bin), which the kiosk
 * shows in demo mode. Same code and protocol as a real bridge: it connects to the server over
 * socket.io with the demo bridge token.
 *
 * Rating keypads (issue #5): one simulated keypad per counter in `keypadCounters`, speaking the
 * real serial protocol through the real parser, outbox and delivery; armed when a ticket is
 * finished at its counter, it "presses" a random button (mostly satisfied) 10 s later, unless the
 * citizen rated on the counter's rating screen first (/rate/<counter id>).
 */
export const DEMO_KEYPAD_PRESS_AFTER_MS = 10_000;

export async function startDemoBridge(options: {
  serverUrl: string;
  token: string;
  dataDir: string;
  logLevel: BridgeLogLevel;
  keypadCounters?: string[];
}): Promise<RunningBridge> {
  const config = parseBridgeConfig({
    serverUrl: options.serverUrl,
    token: options.token,
    dataDir: join(options.dataDir, 'bridge'),
    simulateDir: join(options.dataDir, 'printed'),
    logLevel: options.logLevel,
    printers: [{ id: 'demo-printer', kioskId: 'demo-kiosk', interface: 'simulate', width: 80, mode: 'raster' }],
    keypads: (options.keypadCounters ?? []).map((counterId) => ({
      id: `keypad-${counterId}`.slice(0, 20),
      path: 'simulate',
      counterId,
      simulatePressAfterMs: DEMO_KEYPAD_PRESS_AFTER_MS,
    })),
  });
  return startBridge(config, { log: createBridgeLogger(config.logLevel, 'demo bridge') });
}
