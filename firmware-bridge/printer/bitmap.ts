/**
 * A 1-bit image as thermal printers see it: one byte per dot (1 = black), row-major. Kept
 * unpacked for clarity; `packRows` packs it MSB-first, 8 dots per byte, as GS v 0 wants.
 */
export interface Bitmap {
  width: number;
  height: number;
  bits: Uint8Array;
}

export const emptyBitmap = (width: number, height: number): Bitmap => ({ width, height, bits: new Uint8Array(width * height) });

/** Rows `from`..`to` (exclusive), packed MSB-first; rows are padded to whole bytes with white. */
export function packRows(bitmap: Bitmap, from = 0, to = bitmap.height): Uint8Array {
  const bytesPerRow = Math.ceil(bitmap.width / 8);
  const out = new Uint8Array(bytesPerRow * (to - from));
  for (let y = from; y < to; y++) {
    const row = y * bitmap.width;
    const base = (y - from) * bytesPerRow;
    for (let x = 0; x < bitmap.width; x++) {
      if (bitmap.bits[row + x]) out[base + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  return out;
}

/** The inverse of packRows, for a decoder or a preview. */
export function unpackRows(packed: Uint8Array, widthBytes: number, height: number): Bitmap {
  const width = widthBytes * 8;
  const bits = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (packed[y * widthBytes + (x >> 3)]! & (0x80 >> (x & 7))) bits[y * width + x] = 1;
    }
  }
  return { width, height, bits };
}

/** Bitmaps one under the other (raster bands, a logo above a ticket); widths padded to the widest. */
export function stack(parts: readonly Bitmap[]): Bitmap {
  const width = Math.max(0, ...parts.map((p) => p.width));
  const out = emptyBitmap(
    width,
    parts.reduce((h, p) => h + p.height, 0),
  );
  let top = 0;
  for (const p of parts) {
    for (let y = 0; y < p.height; y++) out.bits.set(p.bits.subarray(y * p.width, (y + 1) * p.width), (top + y) * width);
    top += p.height;
  }
  return out;
}

/** RGBA pixels (canvas, PNG) to dots: dark enough (luma below `threshold`) and opaque enough is black. */
export function thresholdRgba(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number, threshold = 128): Bitmap {
  const bits = new Uint8Array(width * height);
  for (let i = 0; i < width * height; i++) {
    const a = rgba[i * 4 + 3]!;
    if (a < 128) continue;
    const luma = 0.2126 * rgba[i * 4]! + 0.7152 * rgba[i * 4 + 1]! + 0.0722 * rgba[i * 4 + 2]!;
    if (luma < threshold) bits[i] = 1;
  }
  return { width, height, bits };
}

/** Dots to RGBA (black on white), for PNG previews. */
export function toRgba(bitmap: Bitmap): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(bitmap.width * bitmap.height * 4);
  for (let i = 0; i < bitmap.bits.length; i++) {
    const v = bitmap.bits[i] ? 0 : 255;
    rgba[i * 4] = v;
    rgba[i * 4 + 1] = v;
    rgba[i * 4 + 2] = v;
    rgba[i * 4 + 3] = 255;
  }
  return rgba;
}
