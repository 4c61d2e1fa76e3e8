import { describe, expect, it } from 'vitest';
import { packRows } from '../../firmware-bridge/printer/bitmap.ts';
import { encodeRaster } from '../../firmware-bridge/printer/escpos-raster.ts';
import { metricsFor } from '../../firmware-bridge/printer/raster-render.ts';
import { stripDiacritics } from '../../firmware-bridge/printer/cp1258.ts';
import { DEFAULT_TEMPLATE, ticketLayout, type LayoutBlock } from '../../firmware-bridge/printer/ticket-layout.ts';
import { cropToInk, inkDifference, readQr, referenceLine, rows } from '../escpos/bitmap-compare.ts';
import { decodeEscPos } from '../escpos/decoder.ts';
import { sampleTicket } from '../fixtures/print-job.ts';

/** Byte pairs a printer would take for the start of a real-time command (DLE EOT / ENQ / DC4). */
const dlePairs = (data: Uint8Array) => data.reduce((n, b, i) => n + (b === 0x10 && [0x04, 0x05, 0x14].includes(data[i + 1] ?? -1) ? 1 : 0), 0);

const blocks = ticketLayout({ ...sampleTicket, priorityGroupName: { vi: 'Người khuyết tật', en: 'Person with disability' } }, DEFAULT_TEMPLATE);

/** The decoded raster's rows where the renderer put the block whose text is `text`. */
function lineOnPaper(encoded: ReturnType<typeof encodeRaster>, raster: NonNullable<ReturnType<typeof decodeEscPos>['raster']>, text: string) {
  const index = blocks.findIndex((b) => b.kind === 'text' && b.text === text);
  const place = encoded.raster.placements.find((p) => p.index === index)!;
  return cropToInk(rows(raster, place.top, place.height));
}

describe('raster mode: Vietnamese as an image (decoded from the real job bytes)', () => {
  for (const [paper, width] of [
    [80, 576],
    [58, 384],
  ] as const) {
    it(`${paper} mm: one ${width}-dot image that holds the Vietnamese lines, as a reference rendering draws them`, () => {
      const encoded = encodeRaster(blocks, { commandSet: 'epson', width });
      const job = decodeEscPos(encoded.bytes);
      const raster = job.raster!;
      expect(raster.width).toBe(width);
      // Lossless but for a dot per would-be real-time command in the data (10 04 n …, cleared:
      // realtime-guard.test.ts): the bytes carry the rendered ticket.
      expect(raster.height).toBe(encoded.raster.bitmap.height);
      const differing = raster.bits.reduce((n, bit, i) => n + (bit !== encoded.raster.bitmap.bits[i] ? 1 : 0), 0);
      expect(differing).toBeLessThanOrEqual(dlePairs(packRows(encoded.raster.bitmap)));
      expect(job.realtimeInData).toEqual([]);
      // No text, no code page: nothing a printer's character tables could garble.
      expect(job.lines.filter((l) => l.bytes.length > 0)).toEqual([]);
      expect(job.codePages).toEqual([]);

      const m = metricsFor(width);
      for (const [text, size, bold] of [
        ['Tư pháp – Hộ tịch', m.sizes.large, true],
        ['* ƯU TIÊN: Người khuyết tật *', m.sizes.normal, true],
        ['Số người chờ trước bạn: 3', m.sizes.normal, true],
      ] as const) {
        const printed = lineOnPaper(encoded, raster, text);
        const reference = cropToInk(referenceLine(text, size, bold));
        // The same glyphs, tone marks included (the renderer places text on whole dots, so this
        // measures 0 today; the tolerance absorbs a font or rasterizer update) …
        expect(inkDifference(printed, reference), text).toBeLessThan(0.02);
        // … and not the same line without its tone marks (what a failed code page would print).
        expect(inkDifference(printed, cropToInk(referenceLine(stripDiacritics(text), size, bold))), `${text} without marks`).toBeGreaterThan(0.3); // measured > 50 %
      }
    });
  }

  it('prints the number as large as the paper allows', () => {
    const encoded = encodeRaster(blocks, { commandSet: 'epson', width: 576 });
    const number = lineOnPaper(encoded, decodeEscPos(encoded.bytes).raster!, 'A025');
    expect(number.height).toBeGreaterThan(100); // ≥ 12 mm at 203 dpi
    expect(number.width).toBeGreaterThan(400);
  });

  it('carries a QR code a phone reads as the status page link', () => {
    for (const width of [576, 384]) {
      const raster = decodeEscPos(encodeRaster(blocks, { commandSet: 'epson', width }).bytes).raster!;
      expect(readQr(raster)).toBe(sampleTicket.statusUrl);
    }
  });

  it('feeds and cuts at the end, in bands a small printer buffer takes', () => {
    const job = decodeEscPos(encodeRaster(blocks, { commandSet: 'epson', width: 576 }).bytes);
    expect(job.cuts).toBe(1);
    expect(job.commands.at(-1)!.name).toBe('GS V');
    expect(job.commands.at(-2)!.name).toBe('ESC d');
    expect(job.images.length).toBeGreaterThan(1);
    expect(job.images.every((i) => i.height <= 256)).toBe(true);
  });

  it('speaks Star Line Mode to a Star printer: raster mode, the same image, ESC d cut', () => {
    const epson = encodeRaster(blocks, { commandSet: 'epson', width: 576 });
    const star = decodeEscPos(encodeRaster(blocks, { commandSet: 'star', width: 576 }).bytes, 'star');
    expect(Buffer.from(star.raster!.bits).equals(Buffer.from(epson.raster.bitmap.bits))).toBe(true);
    expect(star.commands.some((c) => c.name === 'ESC * r A')).toBe(true);
    expect(star.cuts).toBe(1);
    expect(() => decodeEscPos(encodeRaster(blocks, { commandSet: 'star', width: 576 }).bytes, 'epson')).toThrow();
  });

  it('draws a logo above the ticket', () => {
    const logo = { width: 64, height: 32, bits: new Uint8Array(64 * 32).fill(1) };
    const withLogo: LayoutBlock[] = [{ kind: 'image', name: 'logo' }, ...blocks];
    const raster = decodeEscPos(encodeRaster(withLogo, { commandSet: 'epson', width: 576, images: { logo } }).bytes).raster!;
    const top = cropToInk(rows(raster, 0, 32));
    expect([top.width, top.height]).toEqual([64, 32]);
  });
});
