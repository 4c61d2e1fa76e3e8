import { join } from 'node:path';
import { startBridge, type RunningBridge } from './bridge.ts';
import { parseBridgeConfig } from './config.ts';
import { createBridgeLogger, type BridgeLogLevel } from './log.ts';

/**
 * The demo's bridge (`npm start`): in the server's process, one simulated 80 mm printer for the
 * demo kiosk, writing each ticket to `<dataDir>/printed/<job id>.png` (+ .bin), which the kiosk
 * shows in demo mode. Same code and protocol as a real bridge: it connects to the server over
 * socket.io with the demo bridge token.
 */
export async function startDemoBridge(options: { serverUrl: string; token: string; dataDir: string; logLevel: BridgeLogLevel }): Promise<RunningBridge> {
  const config = parseBridgeConfig({
    serverUrl: options.serverUrl,
    token: options.token,
    dataDir: join(options.dataDir, 'bridge'),
    simulateDir: join(options.dataDir, 'printed'),
    logLevel: options.logLevel,
    printers: [{ id: 'demo-printer', kioskId: 'demo-kiosk', interface: 'simulate', width: 80, mode: 'raster' }],
  });
  return startBridge(config, { log: createBridgeLogger(config.logLevel, 'demo bridge') });
}
