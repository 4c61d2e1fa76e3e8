import { expect } from 'vitest';
import type { RunningBridge } from '../../firmware-bridge/bridge.ts';
import type { IssuedTicket } from '../../protocol/index.ts';
import { DEMO_TOKENS } from '../../server/demo/demo-accounts.ts';
import { startFakePrinter, type FakeEscposPrinter } from '../fakes/escpos-printer.ts';
import { startTestBridge } from './bridge.ts';
import { startTestServer, type TestServer } from './server.ts';
import { centreClient, connect, type RecordingClient } from './sockets.ts';
import { tempDir } from './temp-dir.ts';

/** The printing path as a kiosk meets it: real server, fake TCP printer, real bridge, a kiosk socket. */
export interface PrintStack {
  server: TestServer;
  printer: FakeEscposPrinter;
  bridge: RunningBridge;
  kiosk: RecordingClient;
  /** Stops the bridge and starts it again on the same data folder (its journal), as after a reboot. */
  restartBridge(): Promise<RunningBridge>;
  stop(): Promise<void>;
}

export async function startPrintStack(options: {
  /** Prefix of the bridge's temp data folder. */
  dirPrefix: string;
  /** Server settings (PRINT_TIMEOUT_MS, PUBLIC_URL …). */
  serverEnv: Record<string, string>;
  /** The kiosk printer's settings beyond its interface (width, mode …). */
  printer?: Record<string, unknown>;
}): Promise<PrintStack> {
  const dir = tempDir(options.dirPrefix);
  const server = await startTestServer({}, options.serverEnv);
  const printer = await startFakePrinter();
  const startBridge = () => startTestBridge(server.url, dir.path, { interface: printer.url, ...options.printer });
  const kiosk = centreClient(server.url, { centreId: 'demo', token: DEMO_TOKENS.kiosk });
  await connect(kiosk.socket);
  const stack: PrintStack = {
    server,
    printer,
    bridge: await startBridge(),
    kiosk,
    async restartBridge() {
      await stack.bridge.stop();
      stack.bridge = await startBridge();
      return stack.bridge;
    },
    async stop() {
      kiosk.close();
      await stack.bridge.stop();
      await printer.close();
      await server.stop();
      dir.remove();
    },
  };
  return stack;
}

/** The demo kiosk takes a ticket through the API. */
export async function kioskIssues(server: TestServer, serviceId = 'tu-phap-ho-tich'): Promise<IssuedTicket> {
  const res = await server.api('/centres/demo/tickets', { json: { serviceId }, as: 'kiosk' });
  expect(res.status).toBe(200);
  return res.json();
}
