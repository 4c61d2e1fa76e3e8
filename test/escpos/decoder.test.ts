import { describe, expect, it } from 'vitest';
import { emptyBitmap, packRows } from '../../firmware-bridge/printer/bitmap.ts';
import { commandSets } from '../../firmware-bridge/printer/escpos-commands.ts';
import { decodeEscPos, DecodeError, linesText } from './decoder.ts';

const bytes = (...parts: (number[] | string)[]) => Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

/** A 16×3 checkerboard-ish image, packed by hand (not by the code under test). */
const IMAGE_ROWS = [
  [0b10000000, 0b00000001],
  [0b01000000, 0b00000010],
  [0b11111111, 0b11111111],
];

describe('the test ESC/POS decoder', () => {
  it('decodes text lines with their alignment, emphasis and size', () => {
    const job = decodeEscPos(
      bytes(
        [0x1b, 0x40],
        [0x1b, 0x61, 1],
        [0x1b, 0x45, 1],
        [0x1d, 0x21, 0x11],
        'A025',
        [0x0a],
        [0x1d, 0x21, 0],
        [0x1b, 0x45, 0],
        [0x1b, 0x61, 0],
        'left',
        [0x0a],
      ),
    );
    expect(linesText(job)).toEqual(['A025', 'left']);
    expect(job.lines[0]).toMatchObject({ align: 'center', bold: true, size: [2, 2] });
    expect(job.lines[1]).toMatchObject({ align: 'left', bold: false, size: [1, 1] });
    expect(job.commands.map((c) => c.name)).toEqual(['ESC @', 'ESC a', 'ESC E', 'GS !', 'LF', 'GS !', 'ESC E', 'ESC a', 'LF']);
  });

  it('turns GS v 0 back into the bitmap, and joins bands sent back to back', () => {
    const band = (rows: number[][]) => [0x1d, 0x76, 0x30, 0, 2, 0, rows.length, 0, ...rows.flat()];
    const job = decodeEscPos(bytes(band(IMAGE_ROWS.slice(0, 2)), band(IMAGE_ROWS.slice(2))));
    expect(job.images).toHaveLength(2);
    const r = job.raster!;
    expect([r.width, r.height]).toEqual([16, 3]);
    expect(r.bits[0]).toBe(1);
    expect(r.bits[1]).toBe(0);
    expect(r.bits[15]).toBe(1);
    expect(r.bits[16 + 1]).toBe(1);
    expect([...r.bits.subarray(32, 48)].every((b) => b === 1)).toBe(true);
  });

  it('reads the QR payload of GS ( k and of Star ESC GS y', () => {
    const url = 'http://x.test/t/abc';
    expect(decodeEscPos(Uint8Array.from(commandSets.epson.qr(url, 6))).qr).toEqual([url]);
    expect(decodeEscPos(Uint8Array.from(commandSets.star.qr(url, 6)), 'star').qr).toEqual([url]);
    // The store command's length is data + 3, by hand:
    const store = [0x1d, 0x28, 0x6b, 5, 0, 0x31, 0x50, 0x30, 0x41, 0x42, 0x1d, 0x28, 0x6b, 3, 0, 0x31, 0x51, 0x30];
    expect(decodeEscPos(Uint8Array.from(store)).qr).toEqual(['AB']);
  });

  it('counts cuts and code page selections', () => {
    const job = decodeEscPos(bytes([0x1b, 0x40], [0x1b, 0x74, 52], 'x', [0x0a], [0x1b, 0x64, 3], [0x1d, 0x56, 0], [0x1d, 0x56, 66, 3]));
    expect(job.codePages).toEqual([52]);
    expect(job.cuts).toBe(2);
  });

  it('decodes Star raster mode and Star text commands', () => {
    const img = emptyBitmap(16, 3);
    IMAGE_ROWS.forEach((row, y) =>
      row.forEach((byte, i) => {
        for (let b = 0; b < 8; b++) img.bits[y * 16 + i * 8 + b] = (byte >> (7 - b)) & 1;
      }),
    );
    expect([...packRows(img)]).toEqual(IMAGE_ROWS.flat());
    const job = decodeEscPos(
      bytes([0x1b, 0x1d, 0x61, 1], [0x1b, 0x45], [0x1b, 0x69, 1, 1], 'Hi', [0x0a], commandSets.star.raster(img), [0x1b, 0x64, 2]),
      'star',
    );
    expect(job.lines[0]).toMatchObject({ align: 'center', bold: true, size: [2, 2] });
    expect([...job.raster!.bits]).toEqual([...img.bits]);
    expect(job.cuts).toBe(1);
  });

  it('refuses what it does not understand, and truncated commands', () => {
    expect(() => decodeEscPos(bytes([0x1b, 0x7e, 1]))).toThrow(DecodeError);
    expect(() => decodeEscPos(bytes([0x1d, 0x76, 0x30, 0, 2, 0, 5, 0, 1, 2]))).toThrow(/truncated/);
    expect(() => decodeEscPos(bytes([0x09]))).toThrow(/unknown control byte/);
    expect(() => decodeEscPos(bytes([0x1d, 0x28, 0x6b, 3, 0, 0x31, 0x51, 0x30]))).toThrow(/no stored data/);
  });
});
