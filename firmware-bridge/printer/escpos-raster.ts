import type { Bitmap } from './bitmap.ts';
import { commandSets, type CommandSet, type Commands } from './escpos-commands.ts';
import { renderRaster, type RasterTicket } from './raster-render.ts';
import type { LayoutBlock } from './ticket-layout.ts';
import { splitCopies, stackCopies } from './ticket-copies.ts';

export interface EncodeOptions {
  commandSet: CommandSet;
  /** Printable width in dots: 384 (58 mm) or 576 (80 mm). */
  width: number;
  /** Images the layout names (the logo), already 1-bit. */
  images?: Readonly<Record<string, Bitmap>>;
  /** GS ( D: real-time commands off around image data (Epson; `realtimeGuard` in the config). */
  realtimeGuard?: boolean;
}

/** An image with real-time commands off around it where the printer takes GS ( D (escpos-commands.ts). */
export function guardedRaster(cmd: Commands, bitmap: Bitmap, guard: boolean | undefined): number[] {
  return guard ? [...cmd.realtime(false), ...cmd.raster(bitmap), ...cmd.realtime(true)] : cmd.raster(bitmap);
}

export interface EncodedTicket {
  bytes: Uint8Array;
  /** The ticket as printed (raster mode) or as it would look (text modes), for the simulator. */
  preview(): Bitmap;
}

/**
 * `raster` mode: the whole ticket — Vietnamese text, the number, the QR code, the logo — as one
 * 1-bit image (GS v 0 bands, or Star raster), then feed and cut. No code page is involved, so it
 * prints the same on every printer. The QR code is part of the image rather than a native GS ( k
 * code: printers without a QR generator (many cheap 58 mm ones) print it too, and what the
 * citizen scans is exactly what the tests decode with jsQR. ~25–40 kB per 80 mm ticket.
 */
export function encodeRaster(
  blocks: readonly LayoutBlock[],
  options: EncodeOptions,
): EncodedTicket & { raster: RasterTicket; /** Every copy's image, in order (issue #15: citizen, desk). */ rasters: RasterTicket[] } {
  const cmd = commandSets[options.commandSet];
  const bytes: number[] = [...cmd.init(), ...cmd.align('left')];
  const rasters: RasterTicket[] = [];
  // One image per copy, each ended by its own feed and cut (ticket-copies.ts): the desk copy after the citizen's.
  for (const copy of splitCopies(blocks)) {
    const { body, feedLines, cut } = splitTail(copy);
    const raster = renderRaster(body, options.width, options.images);
    rasters.push(raster);
    bytes.push(...guardedRaster(cmd, raster.bitmap, options.realtimeGuard));
    // The blank space before the cut as a paper feed, not as blank raster rows (bytes).
    if (feedLines > 0) bytes.push(...cmd.feed(feedLines));
    if (cut) bytes.push(...cmd.cut());
  }
  return { bytes: Uint8Array.from(bytes), preview: () => stackCopies(rasters.map((r) => r.bitmap)), raster: rasters[0]!, rasters };
}

/** The blocks to draw, the feed just before the cut, and whether there is a cut. Nothing after a cut prints. */
export function splitTail(blocks: readonly LayoutBlock[]): { body: LayoutBlock[]; feedLines: number; cut: boolean } {
  const cutAt = blocks.findIndex((b) => b.kind === 'cut');
  const body = cutAt < 0 ? [...blocks] : blocks.slice(0, cutAt);
  let feedLines = 0;
  while (body.length > 0 && body[body.length - 1]!.kind === 'feed') feedLines += (body.pop() as { lines: number }).lines;
  return { body, feedLines, cut: cutAt >= 0 };
}
