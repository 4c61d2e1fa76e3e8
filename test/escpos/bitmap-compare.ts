import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import jsQR from 'jsqr';
import { thresholdRgba, toRgba, type Bitmap } from '../../firmware-bridge/printer/bitmap.ts';

/** Helpers to check printed rasters against reference renderings (tests only). */

const REFERENCE_FAMILY = 'Reference DejaVu Sans';
let registered = false;

/** One line of text drawn on its own with the bundled DejaVu Sans: what that line must look like on paper. */
export function referenceLine(text: string, sizePx: number, bold: boolean): Bitmap {
  if (!registered) {
    const dir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    GlobalFonts.registerFromPath(join(dir, 'DejaVuSans.ttf'), REFERENCE_FAMILY);
    GlobalFonts.registerFromPath(join(dir, 'DejaVuSans-Bold.ttf'), REFERENCE_FAMILY);
    registered = true;
  }
  const width = Math.ceil(sizePx * text.length) + 40;
  const height = Math.ceil(sizePx * 2);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#000';
  ctx.font = `${bold ? 'bold ' : ''}${sizePx}px "${REFERENCE_FAMILY}"`;
  ctx.fillText(text, 20, Math.round(sizePx * 1.3));
  return thresholdRgba(ctx.getImageData(0, 0, width, height).data, width, height);
}

/** Rows `top`..`top + height` of a bitmap. */
export function rows(bitmap: Bitmap, top: number, height: number): Bitmap {
  const h = Math.max(0, Math.min(height, bitmap.height - top));
  return { width: bitmap.width, height: h, bits: bitmap.bits.slice(top * bitmap.width, (top + h) * bitmap.width) };
}

/** The smallest rectangle holding every black dot. */
export function cropToInk(bitmap: Bitmap): Bitmap {
  let [x0, y0, x1, y1] = [bitmap.width, bitmap.height, -1, -1];
  for (let y = 0; y < bitmap.height; y++) {
    for (let x = 0; x < bitmap.width; x++) {
      if (!bitmap.bits[y * bitmap.width + x]) continue;
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x);
      y1 = Math.max(y1, y);
    }
  }
  if (x1 < 0) return { width: 0, height: 0, bits: new Uint8Array() };
  const width = x1 - x0 + 1;
  const height = y1 - y0 + 1;
  const bits = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) bits.set(bitmap.bits.subarray((y0 + y) * bitmap.width + x0, (y0 + y) * bitmap.width + x0 + width), y * width);
  return { width, height, bits };
}

/**
 * Share of differing dots between two ink-cropped images, over the ink of both (0 = same).
 * Images whose sizes differ by more than `slack` dots count as entirely different.
 */
export function inkDifference(a: Bitmap, b: Bitmap, slack = 2): number {
  if (Math.abs(a.width - b.width) > slack || Math.abs(a.height - b.height) > slack) return 1;
  const w = Math.min(a.width, b.width);
  const h = Math.min(a.height, b.height);
  let differ = 0;
  let ink = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const p = a.bits[y * a.width + x]!;
      const q = b.bits[y * b.width + x]!;
      if (p !== q) differ++;
      if (p || q) ink++;
    }
  }
  return ink === 0 ? 0 : differ / ink;
}

/** The QR code in a 1-bit image, read with jsQR (as a phone camera would), or null. */
export function readQr(bitmap: Bitmap): string | null {
  return jsQR(toRgba(bitmap), bitmap.width, bitmap.height)?.data ?? null;
}
