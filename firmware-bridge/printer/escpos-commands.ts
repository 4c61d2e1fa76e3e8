import { packRows, type Bitmap } from './bitmap.ts';
import type { Align } from './ticket-layout.ts';

/**
 * The few printer commands a ticket needs, for the two command sets in the field. Our own small
 * builder rather than node-thermal-printer's: its Vietnamese character sets switch code pages
 * mid-line (STACK-NOTES.md) and its QR length byte is wrong for non-ASCII; these are checked
 * against the test decoder (test/escpos/decoder.ts). escpos.printer.ts moves the bytes.
 *
 * - epson: ESC/POS as Epson documents it (TM-T20/T82/T88, and the Xprinter, Rongta, HPRT … clones).
 * - star: Star Line Mode (TSP100/TSP650/SM-series in Star mode): ESC GS a, ESC i, ESC GS t,
 *   ESC d, raster via ESC * r A … b n1 n2 … ESC * r B (Star Line Mode Command Spec., "Raster
 *   graphics"), QR via ESC GS y. A Star printer switched to ESC/POS emulation is `epson`.
 */
export type CommandSet = 'epson' | 'star';

const ESC = 0x1b;
const GS = 0x1d;
const LF = 0x0a;

/** Rows per GS v 0 command: small enough for the receive buffer of cheap printers. */
export const RASTER_BAND_ROWS = 256;

export interface Commands {
  init(): number[];
  align(a: Align): number[];
  bold(on: boolean): number[];
  /** Character size multipliers 1–8 (epson) or 1–6 (star). */
  size(width: number, height: number): number[];
  /** Selects the character code table: sent once per job, never switched (cp1258 mode). */
  codePage(page: number): number[];
  feed(lines: number): number[];
  cut(): number[];
  raster(bitmap: Bitmap): number[];
  /**
   * GS ( D, function 20 (Epson ESC/POS reference, "Enable/disable real-time command"): off
   * before image data, on again after. It covers DLE DC4 fn 1 (a=1, drawer pulse; on by default)
   * and fn 2 (a=2, power-off sequence; off by default, left off). It does NOT cover DLE EOT or
   * DLE ENQ: those are kept out of image data by `raster` itself. Star: nothing to send.
   */
  realtime(enabled: boolean): number[];
  /** A native QR code of ASCII `data`, `moduleDots` per module, error correction M. */
  qr(data: string, moduleDots: number): number[];
}

const alignByte = (a: Align) => (a === 'left' ? 0 : a === 'center' ? 1 : 2);
const clamp = (n: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, Math.round(n)));

function asciiBytes(data: string): number[] {
  // A QR payload's length prefix counts bytes: keep it ASCII (STACK-NOTES.md, printQR).
  if (!/^[\x20-\x7e]*$/.test(data)) throw new Error('QR data must be printable ASCII');
  return [...data].map((c) => c.charCodeAt(0));
}

const epson: Commands = {
  init: () => [ESC, 0x40],
  align: (a) => [ESC, 0x61, alignByte(a)],
  bold: (on) => [ESC, 0x45, on ? 1 : 0],
  size: (w, h) => [GS, 0x21, ((clamp(w, 1, 8) - 1) << 4) | (clamp(h, 1, 8) - 1)],
  codePage: (page) => [ESC, 0x74, clamp(page, 0, 255)],
  feed: (lines) => [ESC, 0x64, clamp(lines, 0, 255)],
  // GS V 0: full cut (the paper was fed past the cutter by `feed` before).
  cut: () => [GS, 0x56, 0x00],
  raster(bitmap) {
    const widthBytes = Math.ceil(bitmap.width / 8);
    const out: number[] = [];
    for (let top = 0; top < bitmap.height; top += RASTER_BAND_ROWS) {
      const rows = Math.min(RASTER_BAND_ROWS, bitmap.height - top);
      // GS v 0 m xL xH yL yH d1…dk, m = 0: normal density.
      out.push(GS, 0x76, 0x30, 0, widthBytes & 0xff, widthBytes >> 8, rows & 0xff, rows >> 8);
      const data = packRows(bitmap, top, top + rows);
      clearRealtimeSequences(data);
      for (const b of data) out.push(b);
    }
    return out;
  },
  realtime: (enabled) => (enabled ? [GS, 0x28, 0x44, 3, 0, 20, 1, 1] : [...[GS, 0x28, 0x44, 3, 0, 20, 1, 0], ...[GS, 0x28, 0x44, 3, 0, 20, 2, 0]]),
  qr(data, moduleDots) {
    const bytes = asciiBytes(data);
    const store = bytes.length + 3;
    return [
      ...[GS, 0x28, 0x6b, 4, 0, 0x31, 0x41, 0x32, 0], // fn 165: model 2
      ...[GS, 0x28, 0x6b, 3, 0, 0x31, 0x43, clamp(moduleDots, 1, 16)], // fn 167: module size
      ...[GS, 0x28, 0x6b, 3, 0, 0x31, 0x45, 0x31], // fn 169: error correction M
      ...[GS, 0x28, 0x6b, store & 0xff, store >> 8, 0x31, 0x50, 0x30, ...bytes], // fn 180: store
      ...[GS, 0x28, 0x6b, 3, 0, 0x31, 0x51, 0x30], // fn 181: print
    ];
  },
};

/** Bytes that make `DLE <b>` a real-time command: DLE EOT (status), DLE ENQ (recover / clear buffers), DLE DC4. */
const REALTIME_AFTER_DLE = new Set([0x04, 0x05, 0x14]);

/**
 * An Epson acts on `DLE EOT n`, `DLE ENQ n` and `DLE DC4 …` wherever they appear in the bytes it
 * receives, image data included (Epson ESC/POS reference, notes on DLE EOT / DLE ENQ / DLE DC4):
 * a 58 mm ticket's raster held 7 `10 04 n` pairs, each answered with a status byte nobody asked
 * for (and `DLE ENQ 2` would clear the printer's buffer). GS ( D can disable only DLE DC4, so
 * the image is changed instead: a data byte 0x10 (one dot) followed by such a byte becomes 0x00 —
 * one white dot in ~200,000, invisible, and it cannot create a new pair. Returns how many.
 */
export function clearRealtimeSequences(data: Uint8Array): number {
  let cleared = 0;
  for (let i = 0; i + 1 < data.length; i++) {
    if (data[i] === 0x10 && REALTIME_AFTER_DLE.has(data[i + 1]!)) {
      data[i] = 0x00;
      cleared++;
    }
  }
  return cleared;
}

const star: Commands = {
  init: () => [ESC, 0x40],
  align: (a) => [ESC, GS, 0x61, alignByte(a)],
  bold: (on) => (on ? [ESC, 0x45] : [ESC, 0x46]),
  size: (w, h) => [ESC, 0x69, clamp(h, 1, 6) - 1, clamp(w, 1, 6) - 1],
  codePage: (page) => [ESC, GS, 0x74, clamp(page, 0, 255)],
  feed: (lines) => Array.from({ length: clamp(lines, 0, 127) }, () => LF),
  // ESC d 2: feed to the cutter and full cut.
  cut: () => [ESC, 0x64, 0x02],
  raster(bitmap) {
    const widthBytes = Math.ceil(bitmap.width / 8);
    const packed = packRows(bitmap);
    // Enter raster mode, continuous page length, one `b n1 n2 data` per row, quit raster mode.
    const out = [ESC, 0x2a, 0x72, 0x41, ESC, 0x2a, 0x72, 0x50, 0x30, 0x00];
    for (let y = 0; y < bitmap.height; y++) {
      out.push(0x62, widthBytes & 0xff, widthBytes >> 8);
      for (let i = 0; i < widthBytes; i++) out.push(packed[y * widthBytes + i]!);
    }
    out.push(ESC, 0x2a, 0x72, 0x42);
    return out;
  },
  realtime: () => [],
  qr(data, moduleDots) {
    const bytes = asciiBytes(data);
    return [
      ...[ESC, GS, 0x79, 0x53, 0x30, 2], // model 2
      ...[ESC, GS, 0x79, 0x53, 0x31, 1], // error correction M
      ...[ESC, GS, 0x79, 0x53, 0x32, clamp(moduleDots, 1, 8)], // cell size
      ...[ESC, GS, 0x79, 0x44, 0x31, 0, bytes.length & 0xff, bytes.length >> 8, ...bytes], // data
      ...[ESC, GS, 0x79, 0x50], // print
    ];
  },
};

export const commandSets: Record<CommandSet, Commands> = { epson, star };

/** Dots across the printable width: 58 mm rolls print 48 mm (384 dots), 80 mm print 72 mm (576 dots), at 203 dpi. */
export const dotsFor = (paperMm: 58 | 80): number => (paperMm === 58 ? 384 : 576);
