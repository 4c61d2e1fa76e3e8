import { createConnection } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tcpStatus } from '../../firmware-bridge/printer/dle-eot.ts';
import { startFakePrinter, type FakeEscposPrinter } from '../fakes/escpos-printer.ts';

/** The fake network printer itself, and the bridge's DLE EOT status over TCP against it. */
let printer: FakeEscposPrinter;
beforeAll(async () => {
  printer = await startFakePrinter();
});
afterAll(() => printer.close());

const send = (bytes: Uint8Array) =>
  new Promise<void>((resolve, reject) => {
    const s = createConnection(printer.port, '127.0.0.1', () => s.end(bytes, () => resolve()));
    s.on('error', reject);
  });

describe('the fake ESC/POS printer', () => {
  it('records a job per connection, first byte time included', async () => {
    const before = printer.jobs.length;
    await send(Uint8Array.of(0x1b, 0x40, 0x41, 0x0a));
    const jobs = await printer.waitForJobs(before + 1);
    expect([...jobs.at(-1)!.bytes]).toEqual([0x1b, 0x40, 0x41, 0x0a]);
    expect(jobs.at(-1)!.firstByteAt).toBeGreaterThan(0);
  });

  it('answers status queries as the paper and cover change, and goes offline', async () => {
    expect(await tcpStatus('127.0.0.1', printer.port, 1000)).toEqual({ status: 'ok' });
    printer.setPaper('low');
    expect((await tcpStatus('127.0.0.1', printer.port, 1000)).status).toBe('paper_low');
    printer.setPaper('out');
    expect((await tcpStatus('127.0.0.1', printer.port, 1000)).status).toBe('paper_out');
    printer.setPaper('ok');
    printer.setCoverOpen(true);
    expect((await tcpStatus('127.0.0.1', printer.port, 1000)).status).toBe('cover_open');
    printer.setCoverOpen(false);
    await printer.goOffline();
    expect((await tcpStatus('127.0.0.1', printer.port, 1000)).status).toBe('offline');
    await printer.goOnline();
    expect((await tcpStatus('127.0.0.1', printer.port, 1000)).status).toBe('ok');
    // Status-only connections are not jobs.
    expect(printer.jobs.every((j) => j.bytes[0] !== 0x10)).toBe(true);
  });
});
