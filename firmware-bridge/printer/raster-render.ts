import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createCanvas, GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas';
import QRCode from 'qrcode';
import { thresholdRgba, type Bitmap } from './bitmap.ts';
import { printedLine, wrapWords, type LayoutBlock, type TextSize } from './ticket-layout.ts';

/**
 * Renders layout blocks to one 1-bit image: text with the bundled DejaVu Sans (every Vietnamese
 * glyph, from the dejavu-fonts-ttf package — never the kiosk's system fonts), the QR code as
 * crisp modules, the logo. This is what makes Vietnamese print on any ESC/POS printer
 * (DOMAIN.md "Printing Vietnamese"). Rendering is deterministic for a given font file.
 */

/** The family name our bundled files are registered under, so a system DejaVu is never picked instead. */
export const FONT_FAMILY = 'Luot Ticket Sans';

let fontsReady = false;
export function ensureFonts(): void {
  if (fontsReady) return;
  const dir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  for (const file of ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf']) {
    if (!GlobalFonts.registerFromPath(join(dir, file), FONT_FAMILY)) throw new Error(`cannot load the ticket font ${join(dir, file)}`);
  }
  fontsReady = true;
}

export interface RasterMetrics {
  margin: number;
  sizes: Record<Exclude<TextSize, 'huge'>, number>;
  /** Large print (issue #15): the sizes of `enlarged` blocks, about 1.4 times `sizes`. */
  largePrint: Record<Exclude<TextSize, 'huge'>, number>;
  /** The number is as large as fits, up to this. */
  hugeMax: number;
  qrModule: number;
}

/** Type sizes in dots (203 dpi: 28 dots ≈ 3.5 mm) for the two paper widths. */
export function metricsFor(width: number): RasterMetrics {
  return width >= 576
    ? { margin: 8, sizes: { small: 22, normal: 28, large: 40 }, largePrint: { small: 30, normal: 40, large: 52 }, hugeMax: 170, qrModule: 6 }
    : { margin: 6, sizes: { small: 18, normal: 22, large: 30 }, largePrint: { small: 24, normal: 32, large: 40 }, hugeMax: 120, qrModule: 5 };
}

export interface Placement {
  /** Index of the block in the list. */
  index: number;
  top: number;
  height: number;
}

export interface RasterTicket {
  bitmap: Bitmap;
  /** Where each drawn block landed, for tests and previews. */
  placements: Placement[];
}

const fontOf = (size: number, bold: boolean) => `${bold ? 'bold ' : ''}${size}px "${FONT_FAMILY}"`;
const lineHeightOf = (size: number) => Math.ceil(size * 1.3);

/** Greedy word wrap to `maxWidth` (a word longer than the line is split by characters). */
function wrap(ctx: SKRSContext2D, text: string, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of wrapWords(text)) {
    const candidate = line ? `${line} ${word}` : word;
    if (ctx.measureText(candidate).width <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    let rest = word;
    while (ctx.measureText(rest).width > maxWidth && rest.length > 1) {
      let n = rest.length - 1;
      while (n > 1 && ctx.measureText(rest.slice(0, n)).width > maxWidth) n--;
      lines.push(rest.slice(0, n));
      rest = rest.slice(n);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines.map(printedLine) : [''];
}

type Drawn = { height: number; draw(ctx: SKRSContext2D, top: number): void };

/** Renders `blocks` up to the first cut (what goes on one ticket) at `width` dots. */
export function renderRaster(blocks: readonly LayoutBlock[], width: number, images: Readonly<Record<string, Bitmap>> = {}): RasterTicket {
  ensureFonts();
  const m = metricsFor(width);
  const inner = width - 2 * m.margin;
  const measure = createCanvas(width, 10).getContext('2d');
  const items: (Drawn & { index: number })[] = [];

  blocks.forEach((block, index) => {
    const add = (d: Drawn) => items.push({ ...d, index });
    switch (block.kind) {
      case 'text': {
        let size = block.size === 'huge' ? m.hugeMax : (block.enlarged ? m.largePrint : m.sizes)[block.size];
        measure.font = fontOf(size, block.bold);
        if (block.size === 'huge') {
          // The number as large as the paper allows: shrink "A1000" rather than wrap it.
          const w = measure.measureText(block.text).width;
          if (w > inner) size = Math.floor((size * inner) / w);
          measure.font = fontOf(size, block.bold);
        }
        const lines = wrap(measure, block.text, inner);
        const lh = block.size === 'huge' ? Math.ceil(size * 1.1) : lineHeightOf(size);
        add({
          height: lines.length * lh,
          draw(ctx, top) {
            ctx.font = fontOf(size, block.bold);
            ctx.textAlign = 'left';
            ctx.textBaseline = 'alphabetic';
            lines.forEach((l, i) => {
              // Whole-dot positions: the same line always becomes the same dots (crisper, and testable).
              const w = ctx.measureText(l).width;
              const x = block.align === 'left' ? m.margin : block.align === 'right' ? width - m.margin - w : (width - w) / 2;
              // The baseline at the size leaves room above for stacked marks (Ấ, Ệ).
              ctx.fillText(l, Math.round(x), top + i * lh + Math.round(size * (block.size === 'huge' ? 0.93 : 1.0)));
            });
          },
        });
        break;
      }
      case 'rule':
        add({ height: 14, draw: (ctx, top) => ctx.fillRect(m.margin, top + 6, inner, 2) });
        break;
      case 'feed':
        add({ height: block.lines * lineHeightOf(m.sizes.normal), draw: () => {} });
        break;
      case 'qr': {
        const qr = QRCode.create(block.data, { errorCorrectionLevel: 'M' });
        const n = qr.modules.size;
        const quiet = 4;
        const mod = Math.max(2, Math.min(m.qrModule, Math.floor(inner / (n + 2 * quiet))));
        const side = (n + 2 * quiet) * mod;
        add({
          height: side,
          draw(ctx, top) {
            const left = Math.floor((width - side) / 2) + quiet * mod;
            for (let r = 0; r < n; r++) {
              for (let c = 0; c < n; c++) if (qr.modules.get(r, c)) ctx.fillRect(left + c * mod, top + quiet * mod + r * mod, mod, mod);
            }
          },
        });
        break;
      }
      case 'image': {
        const img = images[block.name];
        if (!img) break; // no logo configured: nothing to draw
        const w = Math.min(img.width, inner);
        add({
          height: img.height + 8,
          draw(ctx, top) {
            const data = ctx.createImageData(w, img.height);
            for (let y = 0; y < img.height; y++) {
              for (let x = 0; x < w; x++) {
                const v = img.bits[y * img.width + x] ? 0 : 255;
                data.data.set([v, v, v, 255], (y * w + x) * 4);
              }
            }
            ctx.putImageData(data, Math.floor((width - w) / 2), top);
          },
        });
        break;
      }
      case 'cut':
        break;
    }
  });
  const cutAt = blocks.findIndex((b) => b.kind === 'cut');
  const drawn = cutAt < 0 ? items : items.filter((i) => i.index < cutAt);

  const height = Math.max(
    1,
    drawn.reduce((h, d) => h + d.height, 0),
  );
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#000000';
  const placements: Placement[] = [];
  let top = 0;
  for (const d of drawn) {
    d.draw(ctx, top);
    placements.push({ index: d.index, top, height: d.height });
    top += d.height;
  }
  const data = ctx.getImageData(0, 0, width, height).data;
  return { bitmap: thresholdRgba(data, width, height), placements };
}
