import { startBridge, type RunningBridge } from '../../../firmware-bridge/bridge.ts';
import { parseBridgeConfig } from '../../../firmware-bridge/config.ts';
import { createBridgeLogger } from '../../../firmware-bridge/log.ts';
import { DEMO_TOKENS } from '../../../server/demo/demo-accounts.ts';
import type { KeypadConfigInput } from '../../../firmware-bridge/keypad/keypad-config.ts';
import type { Ticket } from '../../../protocol/index.ts';
import { startTestBridge } from '../../helpers/bridge.ts';
import { OFFICER_AT, type TestServer } from '../../helpers/server.ts';

/** Keypad timings for tests: reconnect within a few hundred ms, deliver again quickly. */
export const FAST_KEYPADS = { retryMinMs: 100, retryMaxMs: 400, silenceMs: 60_000, deliveryRetryMinMs: 100, deliveryRetryMaxMs: 400 };

/** The real bridge with these keypads (and a simulated printer), welcomed by the server. */
export function startKeypadBridge(serverUrl: string, dataDir: string, keypads: KeypadConfigInput[]): Promise<RunningBridge> {
  return startTestBridge(serverUrl, dataDir, { interface: 'simulate' }, { config: { keypads }, keypadTiming: FAST_KEYPADS });
}

/** A citizen served at a demo counter: a ticket issued for its first service, called, finished. */
export async function serveAndFinish(server: TestServer, counterId: string): Promise<Ticket> {
  const who = OFFICER_AT[counterId]!;
  await server.openCounter(counterId, who); // harmless when the officer holds it already
  const counter = (await server.deps.store.getCounter('demo', counterId))!;
  const issued = await server.api('/centres/demo/tickets', { json: { serviceId: counter.serviceIds[0] }, as: who });
  if (issued.status !== 200) throw new Error(`issue: ${issued.status} ${await issued.text()}`);
  const called = await server.api(`/centres/demo/counters/${counterId}/call-next`, { json: {}, as: who });
  if (called.status !== 200) throw new Error(`call-next: ${called.status} ${await called.text()}`);
  const finished = await server.api(`/centres/demo/counters/${counterId}/finish`, { json: {}, as: who });
  if (finished.status !== 200) throw new Error(`finish: ${finished.status} ${await finished.text()}`);
  return (await finished.json()).ticket;
}

/**
 * The real bridge without waiting for the server (it may be down: the outage test), with the
 * demo bridge token, a simulated printer and these keypads.
 */
export async function startOfflineBridge(serverUrl: string, dataDir: string, keypads: KeypadConfigInput[]): Promise<RunningBridge> {
  const config = parseBridgeConfig({
    serverUrl,
    token: DEMO_TOKENS.bridge,
    dataDir,
    statusPollMs: 600_000,
    logLevel: 'silent',
    printers: [{ id: 'kiosk-printer', kioskId: 'demo-kiosk', interface: 'simulate' }],
    keypads,
  });
  return startBridge(config, { log: createBridgeLogger(process.env.LUOT_TEST_BRIDGE_LOG === '1' ? 'debug' : 'silent'), keypadTiming: FAST_KEYPADS });
}
