import type { PrintJob } from '../../protocol/bridge.schemas.ts';
import type { Bitmap } from './bitmap.ts';
import { dotsFor, type CommandSet } from './escpos-commands.ts';
import { encodeRaster, type EncodedTicket } from './escpos-raster.ts';
import { encodeText } from './escpos-text.ts';
import type { TicketTemplate } from './ticket-layout.ts';
import { jobLayout } from './ticket-copies.ts';

/** How one printer wants its tickets (from the bridge config). */
export interface PrinterProfile {
  commandSet: CommandSet;
  paperMm: 58 | 80;
  mode: 'raster' | 'cp1258' | 'tcvn3' | 'ascii';
  /** The number of the mode's table on this printer (cp1258, tcvn3). */
  codePage: number | null;
  template: TicketTemplate;
  /** GS ( D around images (Epson printers that take it; config `realtimeGuard`). */
  realtimeGuard?: boolean;
  /** The logo, already 1-bit, when the template has one. */
  images: Readonly<Record<string, Bitmap>>;
}

/** A print job to bytes for one printer: layout (pure) then the mode's encoder. */
export function renderJob(job: PrintJob, profile: PrinterProfile): EncodedTicket & { unmappable: string[] } {
  // The citizen's ticket, in large print when the centre wants it, and the desk copy after it (issue #15).
  const blocks = jobLayout(job, profile.template);
  const base = { commandSet: profile.commandSet, width: dotsFor(profile.paperMm), images: profile.images, realtimeGuard: profile.realtimeGuard };
  if (profile.mode === 'raster') return { ...encodeRaster(blocks, base), unmappable: [] };
  return encodeText(blocks, { ...base, mode: profile.mode, codePage: profile.codePage });
}
