import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseBridgeConfig } from '../../firmware-bridge/config.ts';
import { createEscposPrinter } from '../../firmware-bridge/printer/escpos.printer.ts';
import { emptyBitmap } from '../../firmware-bridge/printer/bitmap.ts';
import { tempDir } from '../helpers/temp-dir.ts';

/** A USB printer's device file (a plain file stands in for /dev/usb/lp0): every byte written, then closed. */
let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir('luot-devfile');
});
afterEach(() => dir.remove());

const printerAt = (path: string) => {
  const [config] = parseBridgeConfig({
    serverUrl: 'http://s.test',
    token: 'luot_b.x',
    printers: [{ id: 'usb', kioskId: null, interface: '/dev/usb/lp0' }],
  }).printers;
  return createEscposPrinter({ ...config!, interface: path });
};
const job = { jobId: 'j1', bytes: Uint8Array.of(0x1b, 0x40, 0x41, 0x0a), preview: () => emptyBitmap(8, 1) };

describe('a printer on a device file', () => {
  it('writes the whole job and reports it printed once the file is closed', async () => {
    const path = join(dir.path, 'lp0');
    writeFileSync(path, '');
    const printer = printerAt(path);
    expect(await printer.status()).toEqual({ status: 'ok' });
    await printer.print(job);
    expect([...readFileSync(path)]).toEqual([0x1b, 0x40, 0x41, 0x0a]);
  });

  it('fails (offline) when the device file is missing, and never creates it', async () => {
    const path = join(dir.path, 'lp1');
    const printer = printerAt(path);
    expect((await printer.status()).status).toBe('offline');
    await expect(printer.print(job)).rejects.toMatchObject({ code: 'printer.offline' });
    expect(existsSync(path)).toBe(false);
  });
});
