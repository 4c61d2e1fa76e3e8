import { describe, expect, it } from 'vitest';
import { emptyBitmap, packRows, type Bitmap } from '../../firmware-bridge/printer/bitmap.ts';
import { clearRealtimeSequences, commandSets } from '../../firmware-bridge/printer/escpos-commands.ts';
import { guardedRaster } from '../../firmware-bridge/printer/escpos-raster.ts';
import { renderJob, type PrinterProfile } from '../../firmware-bridge/printer/render-job.ts';
import { DEFAULT_TEMPLATE } from '../../firmware-bridge/printer/ticket-layout.ts';
import { decodeEscPos } from '../escpos/decoder.ts';
import { sampleJob } from '../fixtures/print-job.ts';

/**
 * Image data can hold the bytes of real-time commands (`10 04 n` DLE EOT, `10 05 n` DLE ENQ,
 * `10 14 fn` DLE DC4), which an Epson acts on wherever they appear. The encoder turns DLE DC4 off
 * around images with GS ( D and keeps DLE EOT / DLE ENQ (which GS ( D cannot turn off) out of the
 * image data. Checked with the test decoder, which knows where a printer would see them.
 */
const epson = commandSets.epson;
const bytes = (...parts: number[][]) => Uint8Array.from(parts.flat());

/** 384 dots × 8 rows whose packed bytes are full of 10 04, 10 05 and 10 14 pairs. */
function hostileImage(): Bitmap {
  const img = emptyBitmap(384, 8);
  const second = [0x04, 0x05, 0x14];
  for (let y = 0; y < img.height; y++) {
    for (let k = 0; k < 24; k++) {
      img.bits[y * 384 + k * 16 + 3] = 1; // byte 2k = 0x10
      const next = second[(k + y) % 3]!;
      for (let bit = 0; bit < 8; bit++) if (next & (0x80 >> bit)) img.bits[y * 384 + k * 16 + 8 + bit] = 1;
    }
  }
  return img;
}

const pairsIn = (data: Uint8Array) => {
  let n = 0;
  for (let i = 0; i + 1 < data.length; i++) if (data[i] === 0x10 && [0x04, 0x05, 0x14].includes(data[i + 1]!)) n++;
  return n;
};

describe('real-time commands around image data', () => {
  it('the decoder knows GS ( D and finds real-time commands a printer would act on inside image data', () => {
    const band = [0x1d, 0x76, 0x30, 0, 6, 0, 1, 0, 0x10, 0x04, 0x01, 0x10, 0x14, 0x01];
    const open = decodeEscPos(bytes(band));
    expect(open.realtimeInData.map((r) => r.command)).toEqual(['DLE EOT', 'DLE DC4']);
    const guarded = decodeEscPos(bytes([0x1d, 0x28, 0x44, 5, 0, 20, 1, 0, 2, 0], band, [0x1d, 0x28, 0x44, 3, 0, 20, 1, 1]));
    expect(guarded.commands.map((c) => c.name)).toEqual(['GS ( D', 'GS v 0', 'GS ( D']);
    expect(guarded.commands[0]!.args).toEqual([20, 1, 0, 2, 0]);
    // GS ( D switches DLE DC4 only: the DLE EOT in the data is still acted on.
    expect(guarded.realtimeInData.map((r) => r.command)).toEqual(['DLE EOT']);
    expect(() => decodeEscPos(bytes([0x1d, 0x28, 0x44, 3, 0, 21, 1, 0]))).toThrow(/GS \( D/);
  });

  it('turns real-time commands off around an image and keeps them out of its data, changing only a dot per pair', () => {
    const img = hostileImage();
    const before = pairsIn(packRows(img));
    expect(before).toBe(24 * 8);
    const job = decodeEscPos(Uint8Array.from(guardedRaster(epson, img, true)));
    expect(job.commands.map((c) => c.name)).toEqual(['GS ( D', 'GS ( D', 'GS v 0', 'GS ( D']);
    expect(job.commands[0]!.args).toEqual([20, 1, 0]); // DLE DC4 fn 1 (drawer pulse) off
    expect(job.commands[1]!.args).toEqual([20, 2, 0]); // DLE DC4 fn 2 (power off) off
    expect(job.commands[3]!.args).toEqual([20, 1, 1]); // the pulse on again (its default)
    expect(job.realtimeInData).toEqual([]);
    const changed = job.raster!.bits.reduce((n, bit, i) => n + (bit !== img.bits[i] ? 1 : 0), 0);
    expect(changed).toBe(before);
    // Without GS ( D (a clone that does not take it) the data is still clean of DLE EOT / ENQ.
    const plain = decodeEscPos(Uint8Array.from(guardedRaster(epson, img, false)));
    expect(plain.commands.map((c) => c.name)).toEqual(['GS v 0']);
    expect(plain.realtimeInData).toEqual([]);
  });

  it('clears a pair without making a new one', () => {
    const data = Uint8Array.of(0x10, 0x10, 0x04, 0x10, 0x05, 0x04, 0x10, 0x14);
    expect(clearRealtimeSequences(data)).toBe(3);
    expect([...data]).toEqual([0x10, 0x00, 0x04, 0x00, 0x05, 0x04, 0x00, 0x14]);
    expect(pairsIn(data)).toBe(0);
  });

  it('prints 58 and 80 mm raster tickets (logo included) with no real-time command inside their data', () => {
    for (const paperMm of [58, 80] as const) {
      const profile: PrinterProfile = {
        commandSet: 'epson',
        paperMm,
        mode: 'raster',
        codePage: 52,
        realtimeGuard: true,
        template: { ...DEFAULT_TEMPLATE, logo: true },
        images: { logo: hostileImage() },
      };
      const job = decodeEscPos(renderJob(sampleJob({}, { number: 'B010' }), profile).bytes);
      expect(job.realtimeInData).toEqual([]);
      const names = job.commands.map((c) => c.name);
      expect(names.indexOf('GS ( D')).toBeLessThan(names.indexOf('GS v 0'));
      expect(names.lastIndexOf('GS ( D')).toBeGreaterThan(names.lastIndexOf('GS v 0'));
      // And in cp1258 mode the logo is guarded the same way.
      const text = decodeEscPos(renderJob(sampleJob(), { ...profile, mode: 'cp1258' }).bytes);
      expect(text.realtimeInData).toEqual([]);
      expect(text.commands.filter((c) => c.name === 'GS ( D')).toHaveLength(3);
    }
  });
});
