import { encodeCp1258, stripDiacritics } from './cp1258.ts';
import { encodeTcvn3 } from './tcvn3.ts';
import { commandSets } from './escpos-commands.ts';
import { guardedRaster, type EncodedTicket, type EncodeOptions } from './escpos-raster.ts';
import { renderRaster } from './raster-render.ts';
import { splitCopies, stackCopies } from './ticket-copies.ts';
import { printedLine, wrapWords, type LayoutBlock, type TextSize } from './ticket-layout.ts';

/**
 * Text modes, for printers known to handle them (faster, smaller jobs than raster):
 * - `cp1258`: the printer's Windows-1258 table, selected ONCE after ESC @ and never switched;
 *   toned letters go out as base letter + combining tone mark (cp1258.ts), which is what that
 *   code page expects. Characters it lacks print as "?" and are reported, never sent from
 *   another page.
 * - `tcvn3`: the printer's TCVN-3 table (Xprinter page 27), one byte per toned letter; capital
 *   toned letters print in lower case (VN3 has none; tcvn3.ts).
 * - `ascii`: tone marks stripped ("Tu phap - Ho tich"): legible on any printer, but not
 *   proper Vietnamese; the last resort.
 * The QR code is the printer's own (GS ( k / ESC GS y), the logo a raster image.
 */
export type TextMode = 'cp1258' | 'tcvn3' | 'ascii';

export interface TextEncodeOptions extends EncodeOptions {
  mode: TextMode;
  /** The printer's number for the mode's table: Windows-1258 (cp1258: Epson 52), TCVN-3 (tcvn3: Xprinter 27). */
  codePage: number | null;
}

/** Columns of font A (12 dots wide) across the paper. */
const columnsOf = (width: number) => Math.floor(width / 12);

/** Punctuation Vietnamese text uses that ASCII lacks, mapped before stripping tone marks. */
export function toAscii(text: string): string {
  return stripDiacritics(text.replace(/[–—]/g, '-').replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/…/g, '...'));
}

/** Word wrap by characters (a toned letter is one column even when sent as two bytes). */
export function wrapColumns(text: string, columns: number): string[] {
  const lines: string[] = [];
  let line = '';
  const len = (s: string) => [...s.normalize('NFC')].length;
  for (const word of wrapWords(text)) {
    const candidate = line ? `${line} ${word}` : word;
    if (len(candidate) <= columns) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    let rest = [...word.normalize('NFC')];
    while (rest.length > columns) {
      lines.push(rest.slice(0, columns).join(''));
      rest = rest.slice(columns);
    }
    line = rest.join('');
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines.map(printedLine) : [''];
}

function multiplier(size: TextSize, text: string, columns: number): number {
  if (size === 'large') return 2;
  if (size === 'huge') return Math.max(2, Math.min(6, Math.floor(columns / Math.max(1, [...text].length))));
  return 1;
}

/**
 * Width and height multipliers of a text block. Large print (issue #15): secondary lines double
 * height (their 32/48 columns kept), body lines double width and height, the service triple on
 * 80 mm (16 columns) and double on 58 mm (where triple would leave 10); the number as always.
 */
export function textScale(block: { size: TextSize; text: string; enlarged?: boolean | undefined }, columns: number): [number, number] {
  if (!block.enlarged || block.size === 'huge') {
    const k = multiplier(block.size, block.text, columns);
    return [k, k];
  }
  if (block.size === 'small') return [1, 2];
  if (block.size === 'large' && columns >= 48) return [3, 3];
  return [2, 2];
}

export function encodeText(blocks: readonly LayoutBlock[], options: TextEncodeOptions): EncodedTicket & { unmappable: string[] } {
  const cmd = commandSets[options.commandSet];
  const columns = columnsOf(options.width);
  const unmappable: string[] = [];
  const encode = (line: string): number[] => {
    if (options.mode === 'ascii') return [...toAscii(line)].map((c) => c.charCodeAt(0));
    const { bytes, unmappable: missing } = options.mode === 'tcvn3' ? encodeTcvn3(line) : encodeCp1258(line);
    unmappable.push(...missing);
    return [...bytes];
  };

  const out: number[] = [...cmd.init()];
  if (options.mode !== 'ascii') {
    if (options.codePage === null) throw new Error(`${options.mode} mode needs the printer’s code page number`);
    out.push(...cmd.codePage(options.codePage));
  }
  for (const block of blocks) {
    switch (block.kind) {
      case 'text': {
        const [w, h] = textScale(block, columns);
        out.push(...cmd.align(block.align), ...cmd.bold(block.bold), ...cmd.size(w, h));
        for (const line of wrapColumns(block.text, Math.max(1, Math.floor(columns / w)))) out.push(...encode(line), 0x0a);
        out.push(...cmd.size(1, 1), ...cmd.bold(false));
        break;
      }
      case 'rule':
        out.push(...cmd.align('left'), ...Array.from({ length: columns }, () => 0x2d), 0x0a);
        break;
      case 'qr':
        out.push(...cmd.align('center'), ...cmd.qr(block.data, options.width >= 576 ? 6 : 5), 0x0a);
        break;
      case 'image': {
        const img = options.images?.[block.name];
        if (img) out.push(...cmd.align('center'), ...guardedRaster(cmd, img, options.realtimeGuard));
        break;
      }
      case 'feed':
        out.push(...cmd.feed(block.lines));
        break;
      case 'cut':
        out.push(...cmd.cut());
        break;
    }
  }
  const previewBlocks = blocks.map((b) => (b.kind === 'text' && options.mode === 'ascii' ? { ...b, text: toAscii(b.text) } : b));
  return {
    bytes: Uint8Array.from(out),
    // Every copy of the job (issue #15: the desk copy after the cut), one under the other.
    preview: () => stackCopies(splitCopies(previewBlocks).map((copy) => renderRaster(copy, options.width, options.images).bitmap)),
    unmappable: [...new Set(unmappable)],
  };
}
