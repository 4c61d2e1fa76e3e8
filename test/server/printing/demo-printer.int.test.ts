import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBridge } from '../../../firmware-bridge/bridge.ts';
import { startDemoBridge } from '../../../firmware-bridge/demo.ts';
import type { IssuedTicket, PrintJobView } from '../../../protocol/index.ts';
import { DEMO_TOKENS } from '../../../server/demo/demo-accounts.ts';
import { decodeEscPos } from '../../escpos/decoder.ts';
import { readQr } from '../../escpos/bitmap-compare.ts';
import { startTestServer, type TestServer } from '../../helpers/server.ts';

/** `npm start`'s printer: the demo bridge in simulate mode, and the kiosk's preview of the ticket. */
let server: TestServer;
let bridge: RunningBridge;
beforeAll(async () => {
  server = await startTestServer();
  bridge = await startDemoBridge({ serverUrl: server.url, token: DEMO_TOKENS.bridge, dataDir: server.config.DATA_DIR, logLevel: 'silent' });
  await bridge.link.welcomed();
});
afterAll(async () => {
  await bridge?.stop();
  await server?.stop();
});

async function printedJob(): Promise<{ issued: IssuedTicket; job: PrintJobView }> {
  const issued: IssuedTicket = await (await server.api('/centres/demo/tickets', { json: { serviceId: 'tu-phap-ho-tich' }, as: 'kiosk' })).json();
  const end = Date.now() + 10_000;
  for (;;) {
    const job: PrintJobView = await (await server.api(`/print-jobs/${issued.printJob!.id}`, { as: 'kiosk' })).json();
    if (job.status === 'printed') return { issued, job };
    if (Date.now() > end) throw new Error(`job still ${job.status}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('the demo printer', () => {
  it('writes each ticket as PNG and ESC/POS bytes into DATA_DIR/printed', async () => {
    const { issued, job } = await printedJob();
    const dir = join(server.config.DATA_DIR, 'printed');
    expect(existsSync(join(dir, `${job.id}.png`))).toBe(true);
    const decoded = decodeEscPos(readFileSync(join(dir, `${job.id}.bin`)));
    expect(readQr(decoded.raster!)).toBe(`${server.url}/t/${issued.ticket.id}`);
  });

  it('shows the kiosk the printed ticket, and nobody else’s kiosk', async () => {
    const { job } = await printedJob();
    const res = await server.api(`/print-jobs/${job.id}/preview.png`, { as: 'kiosk' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    const png = PNG.sync.read(Buffer.from(await res.arrayBuffer()));
    expect(png.width).toBe(576);
    expect(
      readQr({ width: png.width, height: png.height, bits: Uint8Array.from({ length: png.width * png.height }, (_, i) => (png.data[i * 4]! < 128 ? 1 : 0)) }),
    ).toMatch(/\/t\//);
    expect((await server.api(`/print-jobs/${job.id}/preview.png`, { as: 'display' })).status).toBe(403);
  });
});
