import { stack, unpackRows, type Bitmap } from '../../firmware-bridge/printer/bitmap.ts';

/**
 * An ESC/POS (Epson) and Star Line Mode decoder for tests: turns a print job back into commands,
 * lines of text (raw bytes, with the alignment, size and emphasis they were printed in), raster
 * images and QR payloads. Strict: an unknown command is an error, so a test cannot pass on bytes
 * it did not understand. No maintained decoder exists on npm (STACK-NOTES.md).
 */
export type Dialect = 'epson' | 'star';

export interface DecodedCommand {
  name: string;
  offset: number;
  args: number[];
}

export interface TextLine {
  /** The bytes as sent (decode with decodeCp1258 or as ASCII). */
  bytes: Uint8Array;
  align: 'left' | 'center' | 'right';
  bold: boolean;
  /** Width and height multipliers. */
  size: [number, number];
  /** Index in `commands` after which the line was printed. */
  at: number;
}

export interface DecodedJob {
  commands: DecodedCommand[];
  lines: TextLine[];
  /** Each raster command's image (Epson: one per GS v 0 band; Star: one per raster block). */
  images: Bitmap[];
  /** Consecutive raster images joined: the ticket as printed in raster mode. */
  raster: Bitmap | null;
  qr: string[];
  /** Code page selections (ESC t n / ESC GS t n), in order. */
  codePages: number[];
  cuts: number;
  /**
   * Real-time commands a printer would act on inside another command's data (image data):
   * DLE EOT n (n 1–4) and DLE ENQ n always (nothing disables them), DLE DC4 fn 1 / fn 2 while
   * GS ( D leaves them enabled (fn 1 on by default, fn 2 off).
   */
  realtimeInData: { offset: number; command: 'DLE EOT' | 'DLE ENQ' | 'DLE DC4' }[];
}

export class DecodeError extends Error {}

const ALIGN = ['left', 'center', 'right'] as const;

export function decodeEscPos(input: Uint8Array, dialect: Dialect = 'epson'): DecodedJob {
  const b = input;
  const commands: DecodedCommand[] = [];
  const lines: TextLine[] = [];
  const images: Bitmap[] = [];
  const rasterGroups: Bitmap[][] = [];
  const qr: string[] = [];
  const codePages: number[] = [];
  let cuts = 0;
  let i = 0;
  const realtimeInData: DecodedJob['realtimeInData'] = [];
  /** GS ( D state: DLE DC4 fn 1 (pulse) and fn 2 (power off), as after ESC @ … (not reset by it). */
  const dc4Enabled: Record<number, boolean> = { 1: true, 2: false };
  /** Where a printer would find real-time commands in data it reads as part of another command. */
  const scanData = (from: number, to: number) => {
    for (let k = from; k + 1 < to; k++) {
      if (b[k] !== 0x10) continue;
      const next = b[k + 1]!;
      const n = b[k + 2];
      if (next === 0x04 && n !== undefined && n >= 1 && n <= 4) realtimeInData.push({ offset: k, command: 'DLE EOT' });
      else if (next === 0x05 && n !== undefined && n >= 1 && n <= 2) realtimeInData.push({ offset: k, command: 'DLE ENQ' });
      else if (next === 0x14 && n !== undefined && dc4Enabled[n]) realtimeInData.push({ offset: k, command: 'DLE DC4' });
    }
  };
  let align: TextLine['align'] = 'left';
  let bold = false;
  let size: [number, number] = [1, 1];
  let text: number[] = [];
  let qrData: string | null = null;
  let lastWasImage = false;

  const need = (n: number, what: string) => {
    if (i + n > b.length) throw new DecodeError(`${what} at ${i}: truncated (need ${n} bytes, have ${b.length - i})`);
  };
  const cmd = (name: string, length: number, args: number[] = []) => {
    commands.push({ name, offset: i, args });
    i += length;
    // Raster images sent back to back are one picture (GS v 0 bands, a Star raster block).
    if (name !== 'GS v 0' && !name.startsWith('ESC * r')) lastWasImage = false;
  };
  const flush = () => {
    lines.push({ bytes: Uint8Array.from(text), align, bold, size: [...size], at: commands.length - 1 });
    text = [];
  };
  const addImage = (img: Bitmap) => {
    images.push(img);
    if (lastWasImage) rasterGroups[rasterGroups.length - 1]!.push(img);
    else rasterGroups.push([img]);
    lastWasImage = true;
  };
  /** A command in the middle of a line ends the run of text before it (same line on paper). */
  const endRun = () => {
    if (text.length > 0) flush();
  };

  while (i < b.length) {
    const c = b[i]!;
    if (c === 0x0a) {
      flush();
      cmd('LF', 1);
      continue;
    }
    if (c === 0x0d) {
      cmd('CR', 1);
      continue;
    }
    if (c >= 0x20 && c !== 0x7f) {
      lastWasImage = false;
      text.push(c);
      i++;
      continue;
    }
    if (c === 0x10 && b[i + 1] === 0x04) {
      need(3, 'DLE EOT');
      cmd('DLE EOT', 3, [b[i + 2]!]);
      continue;
    }
    endRun();
    if (c === 0x1b) {
      need(2, 'ESC');
      const f = b[i + 1]!;
      if (f === 0x40) {
        cmd('ESC @', 2);
        align = 'left';
        bold = false;
        size = [1, 1];
        continue;
      }
      if (dialect === 'epson') {
        if (f === 0x61) {
          need(3, 'ESC a');
          align = ALIGN[b[i + 2]! % 48] ?? 'left';
          cmd('ESC a', 3, [b[i + 2]!]);
          continue;
        }
        if (f === 0x45) {
          need(3, 'ESC E');
          bold = (b[i + 2]! & 1) === 1;
          cmd('ESC E', 3, [b[i + 2]!]);
          continue;
        }
        if (f === 0x74) {
          need(3, 'ESC t');
          codePages.push(b[i + 2]!);
          cmd('ESC t', 3, [b[i + 2]!]);
          continue;
        }
        if (f === 0x64) {
          need(3, 'ESC d');
          cmd('ESC d', 3, [b[i + 2]!]);
          continue;
        }
        if (f === 0x4d || f === 0x21 || f === 0x2d || f === 0x33 || f === 0x4a) {
          need(3, 'ESC');
          cmd(`ESC ${String.fromCharCode(f)}`, 3, [b[i + 2]!]);
          continue;
        }
        if (f === 0x32) {
          cmd('ESC 2', 2);
          continue;
        }
      } else {
        if (f === 0x1d && b[i + 2] === 0x61) {
          need(4, 'ESC GS a');
          align = ALIGN[b[i + 3]! % 48] ?? 'left';
          cmd('ESC GS a', 4, [b[i + 3]!]);
          continue;
        }
        if (f === 0x1d && b[i + 2] === 0x74) {
          need(4, 'ESC GS t');
          codePages.push(b[i + 3]!);
          cmd('ESC GS t', 4, [b[i + 3]!]);
          continue;
        }
        if (f === 0x45) {
          bold = true;
          cmd('ESC E', 2);
          continue;
        }
        if (f === 0x46) {
          bold = false;
          cmd('ESC F', 2);
          continue;
        }
        if (f === 0x69) {
          need(4, 'ESC i');
          size = [b[i + 3]! + 1, b[i + 2]! + 1];
          cmd('ESC i', 4, [b[i + 2]!, b[i + 3]!]);
          continue;
        }
        if (f === 0x64) {
          need(3, 'ESC d');
          cuts++;
          cmd('ESC d', 3, [b[i + 2]!]);
          continue;
        }
        if (f === 0x2a && b[i + 2] === 0x72) {
          decodeStarRaster();
          continue;
        }
        if (f === 0x1d && b[i + 2] === 0x79) {
          decodeStarQr();
          continue;
        }
      }
      throw new DecodeError(`unknown command ESC 0x${f.toString(16)} at ${i}`);
    }
    if (c === 0x1d && dialect === 'epson') {
      need(2, 'GS');
      const f = b[i + 1]!;
      if (f === 0x21) {
        need(3, 'GS !');
        const n = b[i + 2]!;
        size = [(n >> 4) + 1, (n & 15) + 1];
        cmd('GS !', 3, [n]);
        continue;
      }
      if (f === 0x56) {
        need(3, 'GS V');
        const m = b[i + 2]!;
        cuts++;
        if (m === 65 || m === 66 || m === 97 || m === 98 || m === 103 || m === 104) {
          need(4, 'GS V');
          cmd('GS V', 4, [m, b[i + 3]!]);
        } else cmd('GS V', 3, [m]);
        continue;
      }
      if (f === 0x76 && b[i + 2] === 0x30) {
        need(8, 'GS v 0');
        const xBytes = b[i + 4]! | (b[i + 5]! << 8);
        const rows = b[i + 6]! | (b[i + 7]! << 8);
        need(8 + xBytes * rows, 'GS v 0 data');
        // The bytes the printer reads as data run on into whatever follows (one more byte).
        scanData(i + 8, Math.min(b.length, i + 8 + xBytes * rows + 1));
        addImage(unpackRows(b.subarray(i + 8, i + 8 + xBytes * rows), xBytes, rows));
        cmd('GS v 0', 8 + xBytes * rows, [b[i + 3]!, xBytes, rows]);
        continue;
      }
      if (f === 0x28 && b[i + 2] === 0x6b) {
        decodeEpsonSymbol();
        continue;
      }
      if (f === 0x28 && b[i + 2] === 0x44) {
        decodeRealtimeSwitch();
        continue;
      }
      throw new DecodeError(`unknown command GS 0x${f.toString(16)} at ${i}`);
    }
    throw new DecodeError(`unknown control byte 0x${c.toString(16)} at ${i}`);
  }
  if (text.length > 0) flush();

  function decodeEpsonSymbol() {
    need(5, 'GS ( k');
    const len = b[i + 3]! | (b[i + 4]! << 8);
    need(5 + len, 'GS ( k data');
    const [cn, fn] = [b[i + 5]!, b[i + 6]!];
    if (cn !== 0x31) throw new DecodeError(`GS ( k for symbol ${cn} (only QR, 49) at ${i}`);
    if (fn === 0x50) qrData = String.fromCharCode(...b.subarray(i + 8, i + 5 + len));
    if (fn === 0x51) {
      if (qrData === null) throw new DecodeError(`QR print with no stored data at ${i}`);
      qr.push(qrData);
    }
    cmd(`GS ( k ${fn.toString(16)}`, 5 + len, [...b.subarray(i + 5, i + 5 + Math.min(len, 4))]);
  }

  /** GS ( D pL pH m [a b]…: m = 20, a = 1 (DLE DC4 fn 1) or 2 (fn 2), b = 0/48 off, 1/49 on. */
  function decodeRealtimeSwitch() {
    need(5, 'GS ( D');
    const len = b[i + 3]! | (b[i + 4]! << 8);
    need(5 + len, 'GS ( D data');
    const m = b[i + 5]!;
    if (m !== 20 || len < 3 || (len - 1) % 2 !== 0) throw new DecodeError(`GS ( D with m=${m}, length ${len} at ${i}`);
    const args = [m];
    for (let k = i + 6; k < i + 5 + len; k += 2) {
      const [a, on] = [b[k]!, b[k + 1]!];
      if ((a !== 1 && a !== 2) || ![0, 1, 48, 49].includes(on)) throw new DecodeError(`GS ( D a=${a} b=${on} at ${i}`);
      dc4Enabled[a] = on === 1 || on === 49;
      args.push(a, on);
    }
    cmd('GS ( D', 5 + len, args);
  }

  function decodeStarQr() {
    need(4, 'ESC GS y');
    const f = b[i + 3]!;
    if (f === 0x53) {
      need(6, 'ESC GS y S');
      cmd('ESC GS y S', 6, [b[i + 4]!, b[i + 5]!]);
      return;
    }
    if (f === 0x44) {
      need(8, 'ESC GS y D');
      const len = b[i + 6]! | (b[i + 7]! << 8);
      need(8 + len, 'ESC GS y D data');
      qrData = String.fromCharCode(...b.subarray(i + 8, i + 8 + len));
      cmd('ESC GS y D', 8 + len, [len]);
      return;
    }
    if (f === 0x50) {
      if (qrData === null) throw new DecodeError(`QR print with no stored data at ${i}`);
      qr.push(qrData);
      cmd('ESC GS y P', 4);
      return;
    }
    throw new DecodeError(`unknown ESC GS y 0x${f.toString(16)} at ${i}`);
  }

  function decodeStarRaster() {
    need(4, 'ESC * r');
    if (b[i + 3] !== 0x41) throw new DecodeError(`ESC * r ${String.fromCharCode(b[i + 3]!)} outside raster mode at ${i}`);
    cmd('ESC * r A', 4);
    const rows: Uint8Array[] = [];
    let widthBytes = 0;
    while (i < b.length) {
      if (b[i] === 0x62) {
        need(3, 'b');
        const n = b[i + 1]! | (b[i + 2]! << 8);
        need(3 + n, 'b data');
        widthBytes = Math.max(widthBytes, n);
        rows.push(b.slice(i + 3, i + 3 + n));
        i += 3 + n;
        continue;
      }
      if (b[i] === 0x1b && b[i + 1] === 0x2a && b[i + 2] === 0x72) {
        const f = b[i + 3]!;
        if (f === 0x42) {
          cmd('ESC * r B', 4);
          break;
        }
        // ESC * r <letter> <ascii digits> NUL: raster settings.
        let end = i + 4;
        while (end < b.length && b[end] !== 0) end++;
        if (end >= b.length) throw new DecodeError(`unterminated ESC * r ${String.fromCharCode(f)} at ${i}`);
        cmd(`ESC * r ${String.fromCharCode(f)}`, end + 1 - i);
        continue;
      }
      throw new DecodeError(`unknown byte 0x${b[i]!.toString(16)} in Star raster mode at ${i}`);
    }
    const packed = new Uint8Array(widthBytes * rows.length);
    rows.forEach((r, y) => packed.set(r, y * widthBytes));
    addImage(unpackRows(packed, widthBytes, rows.length));
  }

  const widest = rasterGroups.map((g) => stack(g)).sort((a, c) => c.height - a.height)[0] ?? null;
  return { commands, lines, images, raster: widest, qr, codePages, cuts, realtimeInData };
}

/** The text of the decoded lines, each decoded with `decode` (ASCII by default). */
export function linesText(job: DecodedJob, decode: (bytes: Uint8Array) => string = (x) => String.fromCharCode(...x)): string[] {
  return job.lines.map((l) => decode(l.bytes));
}
