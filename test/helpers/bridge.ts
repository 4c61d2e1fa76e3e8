import { parseBridgeConfig, type BridgeConfigInput } from '../../firmware-bridge/config.ts';
import { startBridge, type RunningBridge, type StartBridgeOptions } from '../../firmware-bridge/bridge.ts';
import { createBridgeLogger } from '../../firmware-bridge/log.ts';
import { DEMO_TOKENS } from '../../server/demo/demo-accounts.ts';

/**
 * The real firmware bridge, in-process, connected to a test server through socket.io with the
 * demo bridge token; one printer for the demo kiosk at `printer` (a tcp:// URL, a serial port …).
 * Resolves once the server has welcomed it.
 */
export async function startTestBridge(
  serverUrl: string,
  dataDir: string,
  printer: Record<string, unknown>,
  options: StartBridgeOptions & { config?: Partial<BridgeConfigInput> } = {},
): Promise<RunningBridge> {
  const config = parseBridgeConfig({
    serverUrl,
    token: DEMO_TOKENS.bridge,
    dataDir,
    statusPollMs: 600_000,
    logLevel: 'silent',
    printers: [{ id: 'kiosk-printer', kioskId: 'demo-kiosk', statusQuery: true, timeoutMs: 2000, ...printer }],
    ...options.config,
  });
  const bridge = await startBridge(config, { log: createBridgeLogger(process.env.LUOT_TEST_BRIDGE_LOG === '1' ? 'debug' : 'silent'), ...options });
  await bridge.link.welcomed();
  return bridge;
}
